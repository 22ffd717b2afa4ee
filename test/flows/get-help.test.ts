import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices, startChat } from "../support/webchat-client.ts";
import { collectEvents, consentedChat, REFERENCE, REFERENCE_ONLY, ticketsOf } from "./flow-support.ts";

let lentera: TestLentera;
let opened: ReturnType<typeof collectEvents<"ticket.opened">>;
beforeAll(async () => {
  lentera = await createTestLentera();
  opened = collectEvents(lentera, "ticket.opened");
});
afterAll(() => lentera?.close());

const ANSWERS = ["ans.yes", "ans.no", "ans.unsure", "ans.skip"];

describe("get help, in Bahasa Indonesia, started by the person's own words at the menu", () => {
  test("asks only unknown questions a few at a time, then needs and safe contact, and opens one ticket", async () => {
    const chat = await consentedChat(lentera.app, "id");
    const story = await chat.say("paspor saya ditahan majikan dan gaji 5 bulan belum dibayar");
    expect(allText(story)).toContain("Terima kasih sudah mau bercerita");
    expect(allText(story)).toContain("Semua boleh dilewati");
    // the passport and wage questions are answered by the story and not asked
    expect(allText(story)).toContain("di bawah 18 tahun");
    expect(lastChoices(story)).toEqual(ANSWERS);

    const second = await chat.say("gak");
    expect(allText(second)).toContain("dilarang keluar");
    const third = await chat.tap("ans.yes");
    expect(allText(third)).toContain("HP-mu diambil");
    const pause = await chat.tap("ans.skip");
    expect(lastChoices(pause)).toEqual(["round.more", "round.finish"]);
    const more = await chat.tap("round.more");
    expect(allText(more)).toContain("memukul");
    expect(allText(more)).not.toMatch(/paspor atau dokumenmu/);
    const round = await chat.say("tidak");
    expect(allText(round)).toContain("diancam");
    await chat.tap("ans.unsure");
    const needs = await chat.say("lewati");
    expect(lastChoices(needs)).toEqual(["round.more", "round.finish"]);
    const whatNext = await chat.tap("round.finish");
    const text = allText(whatNext);
    expect(text).toMatch(/tanda peringatan.*paspor atau dokumen ditahan/);
    expect(text).toContain("Kamu yang memutuskan");
    expect(text).not.toMatch(/kamu (adalah )?korban|bukan korban/);
    expect(lastChoices(whatNext)).toContain("need.shelter");
    expect(lastChoices(whatNext).at(-1)).toBe("need.done");

    await chat.tap("need.shelter");
    const picked = await chat.tap("need.legal");
    expect(allText(picked)).toContain("Tempat tinggal aman, Bantuan hukum");
    expect(lastChoices(picked)).not.toContain("need.shelter");
    expect(lastChoices(await chat.tap("need.done"))).toEqual([
      "contact.this_chat",
      "contact.call",
      "contact.message",
      "contact.wait_for_me",
      "ans.skip",
    ]);
    expect(allText(await chat.tap("contact.message"))).toContain("Nomor berapa");
    expect(allText(await chat.say("bukan nomor"))).toContain("bukan nomor telepon");
    await chat.say("+62 812-3456-7890");
    const share = await chat.tap("time.evening");
    expect(lastChoices(share)).toEqual(["share.yes", "share.no"]);
    // the question names the partners that offer what was asked for (shelter, legal aid): consent to those
    const partners = await lentera.db.partner.findMany({
      where: { active: true, services: { hasSome: ["shelter", "legal"] } },
      orderBy: { name: "asc" },
    });
    expect(partners.length).toBeGreaterThan(0);
    for (const partner of partners) expect(allText(share)).toContain(partner.name);
    const done = await chat.tap("share.yes");
    const reference = REFERENCE.exec(allText(done))?.[0];
    expect(reference).toMatch(REFERENCE_ONLY);
    expect(allText(done)).toContain("cara dan waktu yang kamu pilih");

    const [ticket, ...others] = await ticketsOf(lentera, chat.conversationId);
    expect(others).toEqual([]);
    expect(ticket).toMatchObject({
      reference,
      type: "victim_assistance",
      priority: "high",
      status: "new",
      risk: "high",
      locale: "id",
      channel: "web",
      emergency: false,
      child: false,
      needs: ["shelter", "legal"],
      consentShare: true,
      safeContact: { method: "message", number: "+62 812-3456-7890", time: "evening" },
      details: { story: "paspor saya ditahan majikan dan gaji 5 bulan belum dibayar" },
    });
    expect(ticket!.indicatorIds).toEqual(
      expect.arrayContaining(["FL-01-documents", "FL-02-wages-withheld", "FL-04-movement"]),
    );
    expect(ticket!.indicatorIds).not.toContain("FL-06-violence");
    expect(ticket!.assessment?.indicators.find((hit) => hit.id === "FL-01-documents")?.evidence).toMatch(/paspor/);
    expect(ticket!.summary?.en).toContain("Warning signs: passport or documents kept by someone else");
    expect(ticket!.summary?.id).toContain("Meminta: Tempat tinggal aman; Bantuan hukum");
    expect(ticket!.summary?.en).not.toContain("7890");
    // encrypted at rest: nothing the person said is readable in the row
    const raw = JSON.stringify(await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket!.id } }));
    expect(raw).not.toMatch(/paspor|7890|evening/);
    expect(ticket!.events.map((e) => e.type)).toEqual(["created"]);
    expect(opened.filter((e) => e.reference === reference)).toEqual([
      expect.objectContaining({
        type: "ticket.opened",
        ticketType: "victim_assistance",
        priority: "high",
        channel: "web",
        locale: "id",
      }),
    ]);
    const consents = await lentera.db.consent.findMany({
      where: { contactId: ticket!.contactId! },
      orderBy: { createdAt: "asc" },
    });
    expect(consents.map((c) => [c.scope, c.granted])).toEqual([
      ["store", true],
      ...partners.map((p) => [`share:${p.id}`, true]),
    ]);
  });

  test("a second request adds to the open ticket: one per person and type, priority kept at the highest", async () => {
    const chat = await consentedChat(lentera.app, "id");
    const first = await finishCase(chat, await chat.say("saya butuh bantuan, gaji saya belum dibayar"));
    await chat.tap("nav.menu");
    const second = await finishCase(
      chat,
      await chat.say("paspor saya diambil agen dan saya disuruh kerja tanpa libur"),
    );
    expect(REFERENCE.exec(second)?.[0]).toBe(REFERENCE.exec(first)?.[0]);
    const tickets = await ticketsOf(lentera, chat.conversationId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.events.map((e) => e.type)).toEqual(["created", "updated"]);
    expect(tickets[0]!.indicatorIds).toEqual(expect.arrayContaining(["FL-02-wages-withheld", "FL-01-documents"]));
    expect(tickets[0]!.priority).toBe("high");
  });
});

test("where the case is, named in the person's story, goes on the ticket for the queue and partner matching", async () => {
  const chat = await consentedChat(lentera.app, "id");
  await finishCase(chat, await chat.say("saya dari NTT, kerja di kebun sawit di Sabah, paspor saya ditahan mandor"));
  const [ticket] = await ticketsOf(lentera, chat.conversationId);
  expect(ticket).toMatchObject({ type: "victim_assistance", country: "MY", province: "Nusa Tenggara Timur" });
});

test("safe contact times in the person's own time: asked where, read as Riyadh time, the country on the ticket", async () => {
  const chat = await consentedChat(lentera.app, "id");
  await driveToNeeds(chat, await chat.say("majikan tidak bayar gaji saya sudah 5 bulan"));
  await chat.tap("need.done");
  const time = await chat.say("lewat chat ini aja");
  expect(allText(time)).toContain("Kamu sekarang di negara mana?");
  expect(lastChoices(time)).toContain("time.night");
  const place = await chat.say("sy di riyadh");
  expect(allText(place)).toContain("Nomor untuk Arab Saudi");
  expect(allText(place)).toContain("jam di tempatmu (Riyadh)");
  expect(lastChoices(place)).toContain("time.night");
  await chat.say("tengah malam aja");
  await chat.tap("share.no");
  const [ticket] = await ticketsOf(lentera, chat.conversationId);
  expect(ticket).toMatchObject({
    country: "SA",
    safeContact: { method: "this_chat", time: "night", timeZone: "Asia/Riyadh" },
  });
});

describe("get help, in English, from the menu", () => {
  test("the story can be skipped; every question can be skipped; priority follows the answers", async () => {
    const chat = await consentedChat(lentera.app, "en");
    const ask = await chat.tap("menu.help");
    expect(allText(ask)).toContain("in your own words");
    expect(lastChoices(ask)).toEqual(["ans.skip", "nav.menu"]);
    const first = await chat.tap("ans.skip");
    expect(allText(first)).toContain("Are you under 18?");
    await chat.tap("ans.skip");
    await chat.say("yes");
    const afterThree = await chat.say("not sure");
    expect(lastChoices(afterThree)).toEqual(["round.more", "round.finish"]);
    await chat.tap("round.finish");
    await chat.tap("need.done");
    await chat.tap("ans.skip");
    await chat.tap("ans.skip");
    const done = allText(await chat.tap("share.no"));
    expect(done).toMatch(REFERENCE);
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({
      type: "victim_assistance",
      locale: "en",
      needs: [],
      consentShare: false,
      safeContact: null,
      details: null,
    });
    expect(ticket!.indicatorIds).toContain("FL-04-movement");
    expect(ticket!.assessment?.indicators.find((hit) => hit.id === "FL-04-movement")?.evidence).toBeTruthy();
  });

  test("a child's answer makes the case high priority and says so plainly", async () => {
    const chat = await consentedChat(lentera.app, "en");
    await chat.say("I was promised school in the city but they make me work in a karaoke bar serving guests");
    const text = await driveToNeeds(chat, await chat.tap("ans.yes"));
    expect(text).toContain("SAPA 129");
    await chat.tap("need.done");
    await chat.tap("contact.this_chat");
    await chat.tap("time.any");
    await chat.tap("share.no");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ child: true, priority: "high" });
  });

  test("menu works in the middle of the questions and nothing is opened", async () => {
    const chat = await consentedChat(lentera.app, "en");
    await chat.say("I need help, my employer keeps my salary");
    const menu = await chat.say("menu");
    expect(lastChoices(menu)[0]).toBe("menu.help");
    expect(await ticketsOf(lentera, chat.conversationId)).toEqual([]);
  });

  test("without consent, free text at the menu is held (not stored), and used once the person agrees", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.decline");
    const reply = await chat.say("I need help, my employer keeps my passport");
    expect(allText(reply)).toContain("We have not stored it yet");
    expect(lastChoices(reply)).toContain("consent.accept");
    expect(await ticketsOf(lentera, chat.conversationId)).toEqual([]);
    const { messages } = await chat.transcript();
    expect(messages.map((m) => m.text).join("\n")).not.toContain("keeps my passport");
    const agreed = await chat.say("ok");
    expect(allText(agreed)).toContain("carry on from what you told us");
    expect(lastChoices(agreed)).toEqual(["ans.yes", "ans.no", "ans.unsure", "ans.skip"]);
  });
});

type Chat = Awaited<ReturnType<typeof consentedChat>>;
type Replies = Awaited<ReturnType<Chat["say"]>>;

/** Answers "no" to every question (and "enough" at a pause) until the needs question; returns all it read. */
async function driveToNeeds(chat: Chat, replies: Replies): Promise<string> {
  let current = replies;
  let text = allText(current);
  for (let i = 0; i < 20; i++) {
    const choices = lastChoices(current);
    if (choices.includes("need.done")) return text;
    current = await chat.tap(choices.includes("round.finish") ? "round.finish" : "ans.no");
    text += `\n${allText(current)}`;
  }
  throw new Error("the flow did not reach the needs question");
}

/** From a question through to the ticket with no needs and no contact details; returns the closing text. */
async function finishCase(chat: Chat, replies: Replies): Promise<string> {
  await driveToNeeds(chat, replies);
  await chat.tap("need.done");
  await chat.tap("ans.skip");
  await chat.tap("ans.skip");
  return allText(await chat.tap("share.no"));
}
