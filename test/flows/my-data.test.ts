import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createInboundHandler } from "../../src/conversations/handle-inbound.ts";
import { RESEARCHED_DIRECTORY } from "../../src/domain/contacts/help-line-directory.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices, startChat } from "../support/webchat-client.ts";
import { collectEvents, consentedChat, REFERENCE, ticketsOf } from "./flow-support.ts";

const SAFE_WORD = "pisang goreng";
let lentera: TestLentera;
let wiped: ReturnType<typeof collectEvents<"chat.wiped">>;
beforeAll(async () => {
  lentera = await createTestLentera({ env: { SAFE_WORD } });
  wiped = collectEvents(lentera, "chat.wiped");
});
afterAll(() => lentera?.close());

type Chat = Awaited<ReturnType<typeof consentedChat>>;

/** A person with a victim-assistance ticket (needs, safe contact number, story) from the get-help flow. */
async function chatWithCase(locale: "id" | "en"): Promise<Chat> {
  const chat = await consentedChat(lentera.app, locale);
  await chat.say("paspor saya ditahan majikan");
  await chat.tap("ans.no");
  await chat.tap("ans.skip");
  await chat.tap("ans.skip");
  await chat.tap("round.finish");
  await chat.tap("need.shelter");
  await chat.tap("need.done");
  await chat.tap("contact.call");
  await chat.say("0812 9999 8888");
  await chat.tap("time.morning");
  await chat.tap("share.yes");
  return chat;
}

async function expectErased(chat: Chat) {
  // The web chat goes on as a fresh contact; the erased one keeps no identifier and no conversation.
  const contact = await lentera.db.contact.findFirstOrThrow({
    where: { channel: "web", erasedAt: { not: null } },
    orderBy: { erasedAt: "desc" },
  });
  expect(contact.erasedAt).toBeInstanceOf(Date);
  expect(contact.channelUserEnc).toBe("");
  const current = await lentera.db.contact.findFirstOrThrow({
    where: { conversations: { some: { id: chat.conversationId } } },
  });
  expect(current.erasedAt).toBeNull();
  const tickets = await lentera.db.ticket.findMany({
    where: { erasureRequestedAt: { not: null } },
    include: { events: true },
  });
  return { contact, tickets };
}

describe("my data", () => {
  test("shows what Lentera holds: messages, permissions with dates, cases by reference and what they keep", async () => {
    const chat = await chatWithCase("en");
    const replies = await chat.say("my data");
    const text = allText(replies);
    expect(text).toMatch(/Messages: \d+ from you and \d+ from us/);
    expect(text).toContain("Permission to keep your messages: given on");
    expect(text).toContain("Permission to share your case with a partner: given on");
    expect(text).toMatch(new RegExp(`${REFERENCE.source}: Help request \\(victim assistance\\), status new`));
    expect(text).toContain("how to contact you");
    expect(lastChoices(replies)).toEqual(["data.erase", "data.withdraw", "nav.menu"]);
    expect(lastChoices(await chat.tap("nav.menu"))[0]).toBe("menu.help");
    // from the menu as well, in Indonesian too
    const id = await consentedChat(lentera.app, "id");
    expect(allText(await id.tap("menu.mydata"))).toContain("Belum ada kasus atas namamu");
  });
});

describe("delete", () => {
  test('"hapus" asks first; "no" keeps everything', async () => {
    const chat = await chatWithCase("id");
    const ask = await chat.say("hapus");
    expect(allText(ask)).toContain("Yakin mau hapus?");
    expect(lastChoices(ask)).toEqual(["erase.yes", "erase.no"]);
    expect(allText(await chat.tap("erase.no"))).toContain("tidak dihapus");
    expect(await ticketsOf(lentera, chat.conversationId)).toHaveLength(1);
  });

  test("confirmed: messages and personal data gone, the ticket pseudonymised, phone tips given, the channel told", async () => {
    const chat = await chatWithCase("id");
    const [before] = await ticketsOf(lentera, chat.conversationId);
    await chat.say("hapus");
    const done = await chat.tap("erase.yes");
    expect(allText(done)).toContain("sudah dihapus");
    expect(allText(done)).toContain("Hapus percakapan ini");
    const { contact } = await expectErased(chat);

    const ticket = await lentera.db.ticket.findUniqueOrThrow({ where: { id: before!.id }, include: { events: true } });
    expect(ticket).toMatchObject({
      contactId: null,
      conversationId: null,
      detailsEnc: null,
      safeContactEnc: null,
      type: "victim_assistance",
      priority: "high",
      needs: ["shelter"],
    });
    expect(ticket.erasureRequestedAt).toBeInstanceOf(Date);
    expect(ticket.indicatorIds).toContain("FL-01-documents");
    expect(ticket.events.map((e) => e.type)).toContain("erasure_requested");
    expect(ticket.events.filter((e) => e.actorType === "person").every((e) => e.actorId === null)).toBe(true);
    const assessment = lentera.cipher.decryptJson<{ indicators: { evidence: string }[] }>(ticket.assessmentEnc!);
    expect(assessment.indicators.every((hit) => hit.evidence === "")).toBe(true);
    expect(lentera.cipher.decryptJson<{ en: string }>(ticket.summaryEnc!).en).toContain("passport or documents kept");

    // the web chat forgets the conversation: its token no longer opens the transcript
    const transcript = await lentera.app.request(`/api/webchat/conversations/${chat.conversationId}/messages`, {
      headers: { authorization: `Bearer ${chat.token}` },
    });
    expect(transcript.status).toBe(404);
    expect(JSON.stringify(await chat.tap("nav.menu").catch((error: Error) => error.message))).toContain("404");
    const event = wiped.find((e) => e.contactId === contact.id);
    expect(event).toMatchObject({ type: "chat.wiped", channel: "web", recipient: expect.stringMatching(/.+/) });
    expect(event!.messages.length).toBeGreaterThan(20);
    expect(await lentera.db.auditEvent.count({ where: { action: "person.erased", subjectId: contact.id } })).toBe(1);

    // the old conversation takes no more messages; nothing is kept until permission is given again
    await expect(chat.say("saya mau cerita lagi")).rejects.toThrow(/404/);
    const consents = await lentera.db.consent.findMany({
      where: { contactId: contact.id },
      orderBy: { createdAt: "asc" },
    });
    // every permission given (to store, to share with the partners named) is withdrawn by the erasure
    const withdrawn = consents.filter((c) => !c.granted).map((c) => c.scope);
    expect(withdrawn.sort()).toEqual([...new Set(consents.filter((c) => c.granted).map((c) => c.scope))].sort());
    expect(withdrawn).toContain("store");
    expect(withdrawn.some((scope) => scope.startsWith("share:"))).toBe(true);
  });

  test("the SAFE_WORD wipes at once on the web chat, with no question and a short reply", async () => {
    const chat = await chatWithCase("en");
    const [before] = await ticketsOf(lentera, chat.conversationId);
    const replies = await chat.say("Pisang Goreng!");
    expect(replies).toEqual([{ text: "Deleted. Also delete this chat and remove the app from your recent apps." }]);
    await expectErased(chat);
    expect(
      (await lentera.db.ticket.findUniqueOrThrow({ where: { id: before!.id } })).erasureRequestedAt,
    ).toBeInstanceOf(Date);
  });

  test("a channel's wipe input erases at once and hands the channel the message ids to delete", async () => {
    const handleInbound = createInboundHandler({
      db: lentera.db,
      cipher: lentera.cipher,
      t: lentera.t,
      now: () => new Date(),
      contacts: RESEARCHED_DIRECTORY,
      events: lentera.events,
    });
    const send = (externalId: string, input: Parameters<typeof handleInbound>[0]["input"]) =>
      handleInbound({ channel: "telegram", channelUserId: "777001", externalId, input, localeHint: "id" });
    await send("u1", { type: "start" });
    await send("u2", { type: "choice", id: "lang.id" });
    await send("u3", { type: "choice", id: "consent.accept" });
    await send("u4", { type: "text", text: "saya disekap di rumah majikan" });
    const result = await send("u5", { type: "wipe" });
    expect(result.status).toBe("handled");
    const event = wiped.find((e) => e.recipient === "777001");
    expect(event).toMatchObject({ channel: "telegram" });
    expect(event!.messages.filter((m) => m.direction === "inbound").map((m) => m.channelMessageId)).toEqual([
      "u2",
      "u3",
      "u4",
    ]);
    expect(event!.messages.some((m) => m.direction === "outbound")).toBe(true);
    const emergency = await lentera.db.ticket.findFirstOrThrow({ where: { type: "emergency", channel: "telegram" } });
    expect(emergency).toMatchObject({ contactId: null, priority: "urgent" });
    expect(emergency.erasureRequestedAt).toBeInstanceOf(Date);
  });
});

describe("consent", () => {
  test('"cabut izin" asks which; withdrawing storage is recorded and nothing more is kept', async () => {
    const chat = await consentedChat(lentera.app, "id");
    const ask = await chat.say("cabut izin");
    expect(lastChoices(ask)).toEqual(["withdraw.store", "withdraw.share", "withdraw.cancel"]);
    const done = await chat.tap("withdraw.store");
    expect(allText(done)).toContain("pesanmu tidak kami simpan");
    expect(lastChoices(done)).toContain("menu.consent");
    expect(lastChoices(done)).not.toContain("menu.help");
    await chat.say("rahasia saya");
    const { messages } = await chat.transcript();
    expect(JSON.stringify(messages)).not.toContain("rahasia");
    const contact = await lentera.db.contact.findFirstOrThrow({
      where: { conversations: { some: { id: chat.conversationId } } },
      include: { consents: { orderBy: { createdAt: "asc" } } },
    });
    expect(contact.consents.map((c) => [c.scope, c.granted])).toEqual([
      ["store", true],
      ["store", false],
    ]);
  });

  test("withdrawing sharing marks the open cases as not to be shared", async () => {
    const chat = await chatWithCase("en");
    expect((await ticketsOf(lentera, chat.conversationId))[0]!.consentShare).toBe(true);
    await chat.say("withdraw consent");
    expect(allText(await chat.tap("withdraw.share"))).toContain("won't pass your case");
    expect((await ticketsOf(lentera, chat.conversationId))[0]!.consentShare).toBe(false);
    await chat.say("withdraw consent");
    expect(lastChoices(await chat.tap("withdraw.cancel"))[0]).toBe("menu.help");
  });

  test("declining at the start still lets the person see their data", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.decline");
    expect(allText(await chat.tap("menu.mydata"))).toContain(
      "Permission to keep your messages: not given or withdrawn",
    );
  });
});
