import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WIPE_DISAPPEARING_S } from "../../../src/channels/whatsapp/start-whatsapp.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { text } from "./fake-whatsapp.ts";
import { nextJid, settled, startOpenTestWhatsApp, until } from "./support.ts";

const SAFE_WORD = "lilin merah";

let lentera: TestLentera;
let wa: Awaited<ReturnType<typeof startOpenTestWhatsApp>>;
beforeAll(async () => {
  lentera = await createTestLentera({ env: { SAFE_WORD } });
  wa = await startOpenTestWhatsApp(lentera);
});
afterAll(async () => {
  await wa?.handle.stop();
  await lentera?.close();
});

async function converse(jid: string) {
  wa.fake.current().upsert([text(jid, "halo")]);
  await until(() => wa.fake.textsTo(jid).length === 1, "the language question");
  wa.fake.current().upsert([text(jid, "1")]);
  await until(() => wa.fake.textsTo(jid).length >= 3, "the notice");
  await settled(wa, lentera);
}

const callsTo = (jid: string) => wa.fake.sent.filter((c) => c.jid === jid);

describe("the panic wipe on WhatsApp", () => {
  test("the safe word: disappearing messages on, every message Lentera sent deleted for everyone, then the last message", async () => {
    const jid = nextJid();
    await converse(jid);
    const sentIds = callsTo(jid).map((c) => c.options?.messageId);
    expect(sentIds.length).toBeGreaterThanOrEqual(3);

    wa.fake.current().upsert([text(jid, "Lilin Merah!")]);
    await until(() => callsTo(jid).filter((c) => "delete" in c.content).length === sentIds.length, "the deletions");
    await until(() => callsTo(jid).length > sentIds.length * 2 + 1, "the last message");
    await settled(wa, lentera);

    const after = callsTo(jid).slice(sentIds.length);
    expect(after[0]!.content).toEqual({ disappearingMessagesInChat: WIPE_DISAPPEARING_S });
    const deletions = after.slice(1, 1 + sentIds.length);
    expect(deletions.map((c) => c.content)).toEqual(
      sentIds.map((id) => ({ delete: { remoteJid: jid, fromMe: true, id } })),
    );
    const rest = after.slice(1 + sentIds.length);
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(rest.every((c) => "text" in c.content)).toBe(true);
    expect(wa.fake.current().chatModifications.filter((m) => m.jid === jid)).toHaveLength(1);
    expect(wa.handle.getStatus().counters.deleted).toBeGreaterThanOrEqual(sentIds.length);

    // nothing Lentera said before the wipe is still stored
    // the chat goes on as a fresh, unlinked contact; the erased one keeps no address or lookup hash
    const contact = await lentera.db.contact.findUniqueOrThrow({
      where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
    });
    expect(contact.erasedAt).toBeNull();
    expect(await lentera.db.consent.count({ where: { contactId: contact.id } })).toBe(0);
    const erased = await lentera.db.contact.findFirstOrThrow({
      where: { channel: "whatsapp", erasedAt: { not: null } },
      orderBy: { erasedAt: "desc" },
    });
    expect(erased.channelUserEnc).toBe("");
    expect(erased.channelUserKey).toBe(`erased:${erased.id}`);
    const left = await lentera.db.message.findMany({
      where: { conversation: { contactId: contact.id }, direction: "outbound" },
    });
    expect(left.map((m) => m.channelMessageId)).not.toEqual(expect.arrayContaining([sentIds[0]]));
  });

  test("wipes of other channels are not WhatsApp's business", async () => {
    const before = wa.fake.sent.length;
    lentera.events.publish({
      type: "chat.wiped",
      channel: "telegram",
      contactId: "c",
      recipient: "12345",
      messages: [{ direction: "outbound", channelMessageId: "9", channelRef: { messageId: 9 }, sentAt: null }],
    });
    await settled(wa, lentera);
    expect(wa.fake.sent.length).toBe(before);
  });
});
