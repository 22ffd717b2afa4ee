import { proto } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WIPE_DISAPPEARING_S } from "../../../src/channels/whatsapp/start-whatsapp.ts";
import { addLateDeletion } from "../../../src/domain/privacy/wipe-jobs.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { closedError, incoming, text, timeOf, type SentCall } from "./fake-whatsapp.ts";
import { nextJid, startOpenTestWhatsApp, until } from "./support.ts";

const SAFE_WORD = "lilin merah";

type Wa = Awaited<ReturnType<typeof startOpenTestWhatsApp>>;
let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera({ env: { SAFE_WORD } });
});
afterAll(async () => {
  await lentera?.close();
});

const isDelete = (c: SentCall) => "delete" in c.content;
const isTimer = (c: SentCall) => "disappearingMessagesInChat" in c.content;
const isText = (c: SentCall) => "text" in c.content;
const deletedIds = (calls: SentCall[]) =>
  calls.filter(isDelete).map((c) => (c.content as { delete: { id: string } }).delete.id);

/** The language question, then the notice: Lentera has sent the person a few messages. */
async function converse(wa: Wa, jid: string): Promise<string[]> {
  wa.fake.current().upsert([text(jid, "halo")]);
  await until(() => wa.fake.textsTo(jid).length === 1, "the language question");
  wa.fake.current().upsert([text(jid, "1")]);
  await until(() => wa.fake.textsTo(jid).length >= 3, "the notice");
  await wa.handle.idle();
  await until(async () => (await pendingReplies()) === 0, "every reply sent");
  return wa.fake.sent.filter((c) => c.jid === jid).map((c) => c.options!.messageId!);
}

async function pendingReplies() {
  return lentera.db.message.count({ where: { direction: "outbound", status: "pending", channel: "whatsapp" } });
}

let goodbye: string[] = [];

describe("the WhatsApp wipe is a job that survives", () => {
  test("a dropped connection mid-wipe: it goes on after the reconnect, the timer set once, each message deleted once, then the last message", async () => {
    const wa = await startOpenTestWhatsApp(lentera);
    try {
      const jid = nextJid();
      const sentIds = await converse(wa, jid);
      let deletes = 0;
      wa.fake.current().beforeSend = (content, socket) => {
        if (!("delete" in content) || ++deletes < 2) return;
        socket.beforeSend = undefined;
        socket.close(428);
        throw closedError(428, "Connection Closed");
      };
      wa.fake.current().upsert([text(jid, "Lilin merah")]);
      await until(() => wa.fake.sockets.length === 2, "a new socket after the drop");
      expect(deletedIds(wa.fake.sent.filter((c) => c.jid === jid))).toEqual(sentIds.slice(0, 1));
      expect(await lentera.db.wipeJob.count()).toBe(1);

      wa.fake.current().open();
      await until(
        () => wa.fake.sent.filter((c) => c.jid === jid && c.socket === 1 && isText(c)).length > 0,
        "the last message",
      );
      await wa.handle.idle();

      const calls = wa.fake.sent.filter((c) => c.jid === jid).slice(sentIds.length);
      expect(calls.filter(isTimer)).toEqual([
        expect.objectContaining({ socket: 0, content: { disappearingMessagesInChat: WIPE_DISAPPEARING_S } }),
      ]);
      expect(deletedIds(calls)).toEqual(sentIds);
      const last = calls.filter(isText);
      expect(calls.indexOf(last[0]!)).toBeGreaterThan(calls.findLastIndex(isDelete));
      // the last message disappears with the chat's new timer
      expect(last.every((c) => c.options?.ephemeralExpiration === WIPE_DISAPPEARING_S)).toBe(true);
      goodbye = last.map((c) => (c.content as { text: string }).text);
      expect(goodbye.length).toBeGreaterThanOrEqual(1);
      expect(await lentera.db.wipeJob.count()).toBe(0);

      // the next message starts cleanly: the notice first, word for word what they were shown the first time
      const notice = wa.fake.textsTo(jid)[2]!;
      expect(notice).toMatch(/\n1\. /);
      const told = wa.fake.textsTo(jid).length;
      wa.fake.current().upsert([text(jid, "halo?")]);
      await until(() => wa.fake.textsTo(jid).includes(notice, told), "the notice again");
      await wa.handle.idle();
      expect(wa.fake.textsTo(jid).at(-1)).toBe(notice);
    } finally {
      await wa.handle.stop();
    }
  });

  test("a restart mid-wipe: the next process finishes it; deletions keep to the channel's pace", async () => {
    const first = await startOpenTestWhatsApp(lentera, {
      pace: { perChatIntervalMs: 150, perMinute: 1000, typingAfterQuietMs: 60_000 },
    });
    const jid = nextJid();
    let sentIds: string[];
    try {
      sentIds = await converse(first, jid);
      expect(sentIds.length).toBeGreaterThanOrEqual(3);
      first.fake.current().upsert([text(jid, "lilin merah")]);
      await until(() => first.fake.sent.filter((c) => c.jid === jid && isDelete(c)).length === 2, "two deletions");
    } finally {
      await first.handle.stop();
    }
    const before = first.fake.sent.filter((c) => c.jid === jid);
    const [a, b] = before.filter(isDelete);
    expect(timeOf(b!) - timeOf(a!)).toBeGreaterThanOrEqual(140);
    expect(before.filter(isText)).toHaveLength(sentIds.length);
    expect(await lentera.db.wipeJob.count()).toBe(1);

    const second = await startOpenTestWhatsApp(lentera);
    try {
      await until(() => second.fake.textsTo(jid).length > 0, "the last message, from the new process");
      await second.handle.idle();
      const after = second.fake.sent.filter((c) => c.jid === jid);
      expect(after.filter(isTimer)).toHaveLength(0);
      expect([...deletedIds(before), ...deletedIds(after)]).toEqual(sentIds);
      expect(second.fake.textsTo(jid)).toEqual(goodbye);
      expect(await lentera.db.wipeJob.count()).toBe(0);
    } finally {
      await second.handle.stop();
    }
  });

  test("a late deletion (a reply that was on its way at wipe time) only deletes that message", async () => {
    const wa = await startOpenTestWhatsApp(lentera);
    try {
      const jid = nextJid();
      await addLateDeletion(lentera.db, lentera.cipher, {
        channel: "whatsapp",
        recipient: jid,
        channelRef: { key: { remoteJid: jid, fromMe: true, id: "3EB0LATEREPLY" } },
        now: new Date(),
      });
      lentera.events.publish({ type: "chat.wiped", channel: "whatsapp", contactId: "c", recipient: jid, messages: [] });
      await until(async () => (await lentera.db.wipeJob.count()) === 0, "the job done");
      const calls = wa.fake.sent.filter((c) => c.jid === jid);
      expect(calls.map((c) => c.content)).toEqual([{ delete: { remoteJid: jid, fromMe: true, id: "3EB0LATEREPLY" } }]);
      expect(wa.fake.current().chatModifications.filter((m) => m.jid === jid)).toHaveLength(0);
    } finally {
      await wa.handle.stop();
    }
  });
});

describe("captions and disappearing messages", () => {
  let wa: Wa;
  beforeAll(async () => {
    wa = await startOpenTestWhatsApp(lentera);
  });
  afterAll(async () => {
    await wa?.handle.stop();
  });

  test("the safe word as a photo's caption wipes the chat; nothing about the photo is left behind", async () => {
    const jid = nextJid();
    const sentIds = await converse(wa, jid);
    wa.fake.current().upsert([incoming(jid, { imageMessage: { caption: "LILIN MERAH", mimetype: "image/jpeg" } })]);
    await until(() => deletedIds(wa.fake.sent.filter((c) => c.jid === jid)).length === sentIds.length, "the deletions");
    await until(() => wa.fake.textsTo(jid).length >= sentIds.length + goodbye.length, "the last message");
    await wa.handle.idle();
    const calls = wa.fake.sent.filter((c) => c.jid === jid).slice(sentIds.length);
    expect(calls.filter(isTimer)).toHaveLength(1);
    expect(calls.filter(isText).map((c) => (c.content as { text: string }).text)).toEqual(goodbye);
  });

  test("a caption saying they are locked in gets the emergency numbers", async () => {
    const jid = nextJid();
    wa.fake
      .current()
      .upsert([incoming(jid, { imageMessage: { caption: "tolong saya disekap majikan", mimetype: "image/jpeg" } })]);
    await until(() => wa.fake.textsTo(jid).some((t) => t.includes("110")), "the emergency numbers");
    const contact = await lentera.db.contact.findUniqueOrThrow({
      where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
    });
    expect(await lentera.db.ticket.count({ where: { contactId: contact.id, priority: "urgent" } })).toBe(1);
  });

  test("replies carry the chat's disappearing timer while the person has it on, and not after they turn it off", async () => {
    const jid = nextJid();
    const WEEK = 7 * 24 * 3600;
    wa.fake
      .current()
      .upsert([incoming(jid, { extendedTextMessage: { text: "halo", contextInfo: { expiration: WEEK } } })]);
    await until(() => wa.fake.textsTo(jid).length === 1, "the language question");
    expect(wa.fake.sent.filter((c) => c.jid === jid && isText(c)).map((c) => c.options?.ephemeralExpiration)).toEqual([
      WEEK,
    ]);

    wa.fake.current().upsert([
      incoming(jid, {
        protocolMessage: { type: proto.Message.ProtocolMessage.Type.EPHEMERAL_SETTING, ephemeralExpiration: 0 },
      }),
    ]);
    wa.fake.current().upsert([text(jid, "1")]);
    await until(() => wa.fake.textsTo(jid).length >= 3, "the notice");
    const later = wa.fake.sent.filter((c) => c.jid === jid && isText(c)).slice(1);
    expect(later.every((c) => c.options?.ephemeralExpiration === undefined)).toBe(true);
  });
});
