import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { toWhatsAppMessageId } from "../../../src/channels/whatsapp/create-whatsapp-sender.ts";
import { storeOutboundMessages } from "../../../src/conversations/store-outbound.ts";
import { TX_OPTIONS } from "../../../src/db/create-prisma-client.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { incoming, text } from "./fake-whatsapp.ts";
import { nextJid, settled, startOpenTestWhatsApp, until } from "./support.ts";

let lentera: TestLentera;
let wa: Awaited<ReturnType<typeof startOpenTestWhatsApp>>;
beforeAll(async () => {
  lentera = await createTestLentera();
  wa = await startOpenTestWhatsApp(lentera);
});
afterAll(async () => {
  await wa?.handle.stop();
  await lentera?.close();
});

/** Sends one message from a person and waits until Lentera has answered with `replies` messages in all. */
async function say(jid: string, body: string, total: number) {
  wa.fake.current().upsert([text(jid, body)]);
  await until(() => wa.fake.textsTo(jid).length >= total, `${total} messages to the person`);
  await wa.handle.idle();
  return wa.fake.textsTo(jid);
}

/** Every outbound message of the person's conversation, as stored. */
async function storedOutbound(jid: string) {
  const contact = await lentera.db.contact.findUniqueOrThrow({
    where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
  });
  return lentera.db.message.findMany({
    where: { conversation: { contactId: contact.id }, direction: "outbound" },
    orderBy: { seq: "asc" },
  });
}

describe("a conversation on WhatsApp", () => {
  test("menus are numbered text; a number or a label answers them; every reply is sent once, in order", async () => {
    const jid = nextJid();
    let texts = await say(jid, "halo", 1);
    expect(texts[0]).toBe("Pilih bahasa / Choose your language:\n\n1. Bahasa Indonesia\n2. English");

    texts = await say(jid, "2", 3);
    expect(texts[1]).toBe("OK, we'll continue in English.");
    expect(texts[2]).toMatch(/Do you agree\?\n\n1\. I agree\n2\. I don't agree/);

    // the label works like the number
    texts = await say(jid, "I agree", 5);
    expect(texts[3]).toBe("Thank you. You can change this at any time.");
    const menu = texts[4]!;
    expect(menu).toMatch(/\n\n1\. .+\n2\. .+/);
    const firstLabel = /\n1\. (.+)/.exec(menu)![1]!;
    texts = await say(jid, firstLabel.toUpperCase(), 6);
    expect(texts[5]).toMatch(/\n\n1\. /);

    // no message doubled, none lost: the phone got exactly what is stored, in the stored order, all sent
    await settled(wa, lentera);
    const stored = await storedOutbound(jid);
    expect(stored.every((m) => m.status === "sent")).toBe(true);
    expect(wa.fake.textsTo(jid)).toHaveLength(stored.length);
    expect(wa.fake.sent.filter((c) => c.jid === jid && "text" in c.content).map((c) => c.options?.messageId)).toEqual(
      stored.map((m) => toWhatsAppMessageId(m.id)),
    );
    expect(stored.map((m) => m.channelMessageId)).toEqual(stored.map((m) => toWhatsAppMessageId(m.id)));
    // a read receipt for each of the four handled messages
    expect(wa.fake.current().reads.filter((k) => k.remoteJid === jid)).toHaveLength(4);
  });

  test("the same message delivered twice is answered once", async () => {
    const jid = nextJid();
    const message = text(jid, "halo");
    wa.fake.current().upsert([message]);
    wa.fake.current().upsert([message]);
    await until(() => wa.fake.textsTo(jid).length >= 1, "the reply");
    await settled(wa, lentera);
    expect(wa.fake.textsTo(jid)).toHaveLength(1);
    expect(wa.handle.getStatus().counters.duplicates).toBeGreaterThanOrEqual(1);
  });

  test("an @lid sender with its phone number is one person at the phone-number address; device suffixes are dropped", async () => {
    const jid = nextJid();
    const user = jid.split("@")[0]!;
    wa.fake
      .current()
      .upsert([
        text("987654321012345@lid", "halo", { remoteJidAlt: `${user}:7@s.whatsapp.net`, addressingMode: "lid" }),
      ]);
    await until(() => wa.fake.textsTo(jid).length >= 1, "the reply at the phone address");
    wa.fake.current().upsert([text(`${user}:3@s.whatsapp.net`, "1")]);
    await until(() => wa.fake.textsTo(jid).length >= 2, "the second reply");
    await wa.handle.idle();
    expect(
      await lentera.db.contact.count({ where: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } }),
    ).toBe(1);
    expect(wa.fake.sent.some((c) => c.jid.includes("@lid") || c.jid.includes(":"))).toBe(false);
  });

  test("an @lid sender without the phone number in the message is still found at it when Baileys knows the mapping", async () => {
    const jid = nextJid();
    wa.fake.current().lidToPn.set("555444333222111@lid", jid.replace("@", ":2@"));
    wa.fake.current().upsert([text("555444333222111@lid", "halo")]);
    await until(() => wa.fake.textsTo(jid).length === 1, "the reply at the phone address");
    wa.fake.current().upsert([text("111222333444555@lid", "halo")]);
    await until(
      () => wa.fake.textsTo("111222333444555@lid").length === 1,
      "the reply at the @lid address when nothing is known",
    );
  });

  test("photos, documents and voice notes are acknowledged without being downloaded or re-sent", async () => {
    const jid = nextJid();
    await say(jid, "halo", 1);
    await say(jid, "1", 3);
    const before = wa.fake.textsTo(jid).length;
    wa.fake
      .current()
      .upsert([incoming(jid, { imageMessage: { mimetype: "image/jpeg", caption: "kontrak", fileLength: 1000 } })]);
    await until(() => wa.fake.textsTo(jid).length > before, "the acknowledgement");
    wa.fake
      .current()
      .upsert([incoming(jid, { documentMessage: { mimetype: "application/pdf", fileName: "paspor.pdf" } })]);
    wa.fake
      .current()
      .upsert([incoming(jid, { audioMessage: { mimetype: "audio/ogg; codecs=opus", ptt: true, seconds: 4 } })]);
    await until(() => wa.fake.textsTo(jid).length >= before + 3, "three acknowledgements");
    await wa.handle.idle();
    expect(
      wa.fake.sent
        .filter((c) => c.jid === jid)
        .every((c) => "text" in c.content || "disappearingMessagesInChat" in c.content),
    ).toBe(true);
  });

  test("a caseworker's reply is delivered like any other message", async () => {
    const jid = nextJid();
    await say(jid, "halo", 1);
    const contact = await lentera.db.contact.findUniqueOrThrow({
      where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
    });
    const conversation = await lentera.db.conversation.findFirstOrThrow({ where: { contactId: contact.id } });
    await lentera.db.$transaction(
      (tx) =>
        storeOutboundMessages(
          tx,
          { cipher: lentera.cipher, now: () => new Date() },
          {
            conversationId: conversation.id,
            channel: "whatsapp",
            author: "caseworker",
            messages: [{ text: "Halo, saya Dewi dari tim pendamping." }],
          },
        ),
      TX_OPTIONS,
    );
    void lentera.outbox.kick();
    await until(
      () => wa.fake.textsTo(jid).includes("Halo, saya Dewi dari tim pendamping."),
      "the caseworker's message",
    );
  });

  test("while a caseworker has the conversation, the person's answers go to the caseworker, not the bot", async () => {
    const jid = nextJid();
    await say(jid, "halo", 1);
    const contact = await lentera.db.contact.findUniqueOrThrow({
      where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
    });
    const conversation = await lentera.db.conversation.findFirstOrThrow({ where: { contactId: contact.id } });
    await lentera.db.conversation.update({ where: { id: conversation.id }, data: { mode: "human" } });
    const relayed: string[] = [];
    const unsubscribe = lentera.events.subscribe("message.inbound", (event) => {
      if (event.conversationId === conversation.id && event.mode === "human") relayed.push(event.conversationId);
    });
    try {
      const message = text(jid, "Saya masih di Johor, paspor saya ditahan agen");
      wa.fake.current().upsert([message]);
      await wa.handle.idle();
      await until(() => relayed.length === 1, "the message for the caseworker");
      await settled(wa, lentera);
      expect(wa.fake.textsTo(jid)).toHaveLength(1);
      const stored = await lentera.db.message.findFirstOrThrow({
        where: { conversationId: conversation.id, direction: "inbound", channelMessageId: message.key.id! },
      });
      expect(lentera.cipher.decryptJson<{ text: string }>(stored.bodyEnc, `Message.bodyEnc/${stored.id}`).text).toBe(
        "Saya masih di Johor, paspor saya ditahan agen",
      );
    } finally {
      unsubscribe();
    }
  });
});
