import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices } from "../support/webchat-client.ts";
import { consentedChat, REFERENCE, ticketsOf } from "./flow-support.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());

type Chat = Awaited<ReturnType<typeof consentedChat>>;

/** Opens tracing from the menu and answers; the text of the last reply. */
async function trace(chat: Chat, answers: string[]): Promise<string> {
  await chat.tap("menu.tracing");
  return fill(chat, answers);
}

/** Answers the form's questions in turn (text, or an option id for choice questions); the last reply. */
async function fill(chat: Chat, answers: string[]): Promise<string> {
  let last = "";
  for (const answer of answers) {
    const replies = /^(?:form|tracing)\./.test(answer) ? await chat.tap(answer) : await chat.say(answer);
    last = allText(replies);
  }
  return last;
}

const SITI = [
  "Siti Aminah",
  "form.skip",
  "form.sex.female",
  "24",
  "Desa Sukamaju, Indramayu",
  "Bapak Karta dan Ibu Wati",
  "Maret 2026",
  "form.last_channel.whatsapp",
  "Kuala Lumpur, Malaysia",
  "PT Sinar Jaya, sponsor Pak Darto",
  "HP-nya tidak aktif sejak majikan marah",
  "form.relationship.sibling",
  "WA saya 0812 1111 2222, malam saja",
  "form.share.yes",
  "tracing.confirm",
];

describe("find a missing relative", () => {
  test("asks who, last contact, circumstances and who is asking; opens a normal-priority tracing ticket", async () => {
    const chat = await consentedChat(lentera.app, "id");
    const intro = await chat.tap("menu.tracing");
    expect(allText(intro)).toContain("nama lengkap");
    expect(lastChoices(intro)).toEqual(["form.skip"]);
    const done = await fill(chat, SITI);
    expect(done).toMatch(REFERENCE);
    expect(done).toContain("tidak pernah memberi tahu siapa pun apakah seseorang kami kenal");
    expect(done).not.toContain("Siti");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ type: "family_tracing", priority: "normal", consentShare: true, emergency: false });
    expect(ticket!.details).toMatchObject({
      name: "Siti Aminah",
      sex: "female",
      age: "24",
      parents: "Bapak Karta dan Ibu Wati",
      last_channel: "whatsapp",
      last_place: "Kuala Lumpur, Malaysia",
      relationship: "sibling",
      safe_contact: "WA saya 0812 1111 2222, malam saja",
      share: "yes",
    });
    expect(ticket!.details).not.toHaveProperty("other_names");
    const raw = JSON.stringify(await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket!.id } }));
    expect(raw).not.toMatch(/Siti|Karta|0812/);
  });

  test("never reveals: asking about a person who is already a case gets the very same answer", async () => {
    const first = await consentedChat(lentera.app, "id");
    const known = await trace(first, SITI);
    const second = await consentedChat(lentera.app, "id");
    const again = await trace(second, ["Siti Aminah", "form.send", "tracing.confirm"]);
    const unknown = await trace(await consentedChat(lentera.app, "id"), [
      "Nama Yang Tidak Ada",
      "form.send",
      "tracing.confirm",
    ]);
    const strip = (text: string) => text.replace(REFERENCE, "LNT-XXXXXX");
    expect(strip(again)).toBe(strip(unknown));
    expect(strip(again)).toBe(strip(known));
    expect(again).not.toMatch(/Siti|Indramayu|Kuala Lumpur/);
  });

  test("danger in the story: emergency numbers at once and an urgent tracing request", async () => {
    const chat = await consentedChat(lentera.app, "en");
    await chat.tap("menu.tracing");
    await chat.say("Rina Kusuma");
    for (let i = 0; i < 9; i++) await chat.tap("form.skip");
    const danger = await chat.say("A man called and said she was sold and we must pay a ransom to get her back");
    expect(danger[0]!.text).toContain("112");
    expect(allText(danger)).toContain("How are you related");
    await chat.tap("form.send");
    await chat.tap("tracing.confirm");
    const tickets = await ticketsOf(lentera, chat.conversationId);
    expect(tickets.map((t) => [t.type, t.priority])).toEqual(
      expect.arrayContaining([
        ["family_tracing", "urgent"],
        ["emergency", "urgent"],
      ]),
    );
    expect(tickets.filter((t) => t.type === "family_tracing")).toHaveLength(1);
  });

  test.each([
    ["id", "adik saya dijual", "110"],
    ["en", "they told me my brother was sold", "112"],
  ] as const)('a bare %s "%s" in the circumstances is danger in a tracing request', async (locale, words, number) => {
    const chat = await consentedChat(lentera.app, locale);
    await chat.tap("menu.tracing");
    await chat.say("Ani");
    for (let i = 0; i < 9; i++) await chat.tap("form.skip");
    const replies = await chat.say(words);
    expect(replies[0]!.text).toContain(number);
    expect(allText(replies)).toMatch(REFERENCE);
    expect(lastChoices(replies)).toContain("form.relationship.parent");
    await chat.tap("form.send");
    await chat.tap("tracing.confirm");
    const tickets = await ticketsOf(lentera, chat.conversationId);
    expect(tickets.map((t) => [t.type, t.priority]).sort()).toEqual([
      ["emergency", "urgent"],
      ["family_tracing", "urgent"],
    ]);
  });

  test('"tidak dijual" is not danger', async () => {
    const chat = await consentedChat(lentera.app, "id");
    await chat.tap("menu.tracing");
    const replies = await chat.say("Rumahnya tidak dijual, dia cuma pindah");
    expect(allText(replies)).not.toContain("110");
  });

  test("a missing relative told in free text at the menu starts tracing with that story", async () => {
    const chat = await consentedChat(lentera.app, "id");
    const replies = await chat.say("kakak saya hilang kontak sejak 3 bulan kerja di malaysia, tolong bantu cari");
    expect(allText(replies)).toContain("permintaan pencarian");
    await chat.say("Dewi");
    await chat.tap("form.send");
    await chat.say("ok kirim");
    await chat.tap("tracing.confirm");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({
      type: "family_tracing",
      details: { name: "Dewi", circumstances: expect.stringContaining("malaysia") },
    });
  });

  test("a mother in English: answers that do not fit are asked again, then she checks and corrects before sending", async () => {
    const chat = await consentedChat(lentera.app, "en");
    const start = await chat.say("my daughter went to work in Saudi and I can't reach her since march");
    expect(allText(start)).toContain("search request");
    expect(allText(await chat.say("1"))).toContain("write their name in letters");
    await chat.say("Nur Aisyah");
    await chat.tap("form.skip");
    await chat.tap("form.sex.female");
    expect(allText(await chat.say("saudi"))).toContain("as a number");
    await chat.say("she is 23");
    await chat.tap("form.skip");
    await chat.tap("form.skip");
    expect(allText(await chat.say("in March 2027"))).toContain("hasn't come yet");
    await chat.say("about 8 months ago");
    // last channel, last place, employer (what happened is her first message, and "my daughter" says she
    // is the parent: neither is asked)
    for (let i = 0; i < 3; i++) await chat.tap("form.skip");
    expect(allText(await chat.say("1"))).toContain("phone number");
    await chat.say("+62 812 5555 6666 evenings");
    const review = await chat.tap("form.share.no");
    expect(lastChoices(review)).toEqual(["tracing.confirm", "tracing.edit"]);
    const summary = allText(review);
    expect(summary).toContain("Name: Nur Aisyah");
    expect(summary).toContain("Age: she is 23");
    expect(summary).toContain("You are their: Parent");
    expect(summary).toContain("May be passed on: No");
    expect(await ticketsOf(lentera, chat.conversationId)).toEqual([]);

    await chat.say("something is wrong");
    await chat.say("age");
    const corrected = await chat.say("24");
    expect(allText(corrected)).toContain("Age: 24");
    const done = await chat.say("yes");
    expect(allText(done)).toMatch(REFERENCE);
    expect(allText(done)).not.toContain("Nur Aisyah");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({
      type: "family_tracing",
      consentShare: false,
      details: { name: "Nur Aisyah", age: "24", last_date: "about 8 months ago", relationship: "parent" },
    });
  });
});
