import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { text, type SentCall } from "./fake-whatsapp.ts";
import { nextJid, startOpenTestWhatsApp, until } from "./support.ts";

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

let lidCounter = 880000000000000;
const nextLid = () => `${(lidCounter += 1)}@lid`;

const contactAt = (jid: string) =>
  lentera.db.contact.findUnique({
    where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
  });
const deletedFrom = (jid: string) =>
  wa.fake.sent
    .filter((c: SentCall) => c.jid === jid && "delete" in c.content)
    .map((c) => (c.content as { delete: { id: string } }).delete.id);

async function say(from: string, body: string, replyTo: string, total: number) {
  wa.fake.current().upsert([text(from, body)]);
  await until(() => wa.fake.textsTo(replyTo).length >= total, `${total} messages to ${replyTo}`);
  await wa.handle.idle();
}

/** WhatsApp reveals the pair, as Baileys 7 does: its mapping store learns it and the event fires. */
async function reveal(lid: string, pn: string) {
  wa.fake.current().lidToPn.set(lid, pn);
  wa.fake.current().ev.emit("lid-mapping.update", { lid, pn });
  await until(async () => (await contactAt(lid)) === null, "the @lid contact joined to the phone number");
}

describe("one WhatsApp person, one contact, whatever address WhatsApp uses", () => {
  test("first seen at @lid, then the mapping is revealed: the same contact and conversation go on at the phone number", async () => {
    const lid = nextLid();
    const pn = nextJid();
    await say(lid, "halo", lid, 1);
    await say(lid, "1", lid, 3);
    const before = (await contactAt(lid))!;
    const conversation = await lentera.db.conversation.findFirstOrThrow({ where: { contactId: before.id } });

    await reveal(lid, pn);
    const after = (await contactAt(pn))!;
    expect(after.id).toBe(before.id);
    expect(lentera.cipher.decrypt(after.channelUserEnc, `Contact.channelUserEnc/${after.id}`)).toBe(pn);

    // the person writes from the phone number: the conversation they had goes on (no new language question)
    const sentToPn = wa.fake.textsTo(pn).length;
    await say(pn, "saya setuju", pn, sentToPn + 1);
    expect(await lentera.db.contact.count({ where: { id: before.id } })).toBe(1);
    const latest = await lentera.db.conversation.findFirstOrThrow({
      where: { contactId: before.id },
      orderBy: { createdAt: "desc" },
    });
    expect(latest.id).toBe(conversation.id);
    expect(wa.fake.textsTo(pn)[0]).not.toMatch(/Pilih bahasa/);
  });

  test("seen at both before the mapping was known: one contact after it; the wipe erases both conversations and deletes in both chats", async () => {
    const pn = nextJid();
    const lid = nextLid();
    await say(pn, "halo", pn, 1);
    await say(pn, "1", pn, 3);
    await say(lid, "halo", lid, 1);
    const atPn = (await contactAt(pn))!;
    const atLid = (await contactAt(lid))!;
    expect(atLid.id).not.toBe(atPn.id);
    const sentToLid = await lentera.db.message.count({
      where: { conversation: { contactId: atLid.id }, direction: "outbound" },
    });
    expect(sentToLid).toBeGreaterThanOrEqual(1);

    await reveal(lid, pn);
    expect(await lentera.db.contact.count({ where: { id: atLid.id } })).toBe(0);
    expect(await lentera.db.conversation.count({ where: { contactId: atPn.id } })).toBe(2);
    // the joined contact's key now belongs to the surviving one
    expect(await lentera.db.personKey.count({ where: { contactId: { startsWith: atPn.id } } })).toBe(2);

    const conversations = await lentera.db.conversation.findMany({ where: { contactId: atPn.id } });
    const idsToLid = wa.fake.sent.filter((c) => c.jid === lid).map((c) => c.options!.messageId!);
    const idsToPn = wa.fake.sent.filter((c) => c.jid === pn).map((c) => c.options!.messageId!);
    wa.fake.current().upsert([text(lid, "lilin merah")]);
    await until(
      () => deletedFrom(lid).length === idsToLid.length && deletedFrom(pn).length === idsToPn.length,
      "deletions in both chats",
    );
    expect(deletedFrom(lid)).toEqual(idsToLid);
    expect(deletedFrom(pn)).toEqual(idsToPn);
    await wa.handle.idle();

    // nothing of either address's conversation is left, and both keys are gone
    expect(await lentera.db.personKey.count({ where: { contactId: { startsWith: atPn.id } } })).toBe(0);
    const erased = await lentera.db.contact.findUniqueOrThrow({ where: { id: atPn.id } });
    expect(erased.erasedAt).not.toBeNull();
    const left = await lentera.db.message.count({
      where: { conversationId: { in: conversations.map((c) => c.id) }, createdAt: { lt: erased.erasedAt! } },
    });
    expect(left).toBe(0);
  });
});
