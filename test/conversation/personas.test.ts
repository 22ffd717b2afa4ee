import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices, startChat, type Reply } from "../support/webchat-client.ts";
import { ticketsOf } from "../flows/flow-support.ts";

/**
 * Twelve people writing the way people write on WhatsApp, in Bahasa Indonesia and English, through the web
 * chat API. Every reply is checked for the "didn't understand" / "pick one" answers a strict form gives;
 * the count is printed (PERSONAS_REPORT=1) and must be zero.
 */
const REFUSALS =
  /belum mengerti|didn't understand|Pilih salah satu di bawah|Please choose one of the options|Ketuk salah satu pilihan, atau|Tap one of the options, or/;

let lentera: TestLentera;
const refusals: string[] = [];
let turns = 0;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(async () => {
  if (process.env.PERSONAS_REPORT) console.log(`PERSONAS: ${turns} turns, ${refusals.length} refusals`, refusals);
  await lentera?.close();
});

async function person(locale: "id" | "en") {
  const chat = await startChat(lentera.app, locale);
  const say = async (text: string): Promise<Reply[]> => {
    const replies = await chat.say(text);
    turns++;
    if (REFUSALS.test(allText(replies))) refusals.push(`${text} → ${allText(replies).slice(0, 80)}`);
    return replies;
  };
  return { ...chat, say };
}

describe("twelve people, as they write", () => {
  test("1. greets, agrees with 'boleh kak', then tells the story at the menu and answers in her own words", async () => {
    const p = await person("id");
    expect(allText(await p.say("halo kak"))).toContain("Halo");
    const agreed = await p.say("boleh kak");
    expect(lastChoices(agreed)).toContain("menu.help");
    const story = await p.say("sy kerja di malaysia, majikan tahan paspor sy");
    expect(lastChoices(story)).toEqual(["ans.yes", "ans.no", "ans.unsure", "ans.skip"]);
    const first = allText(story);
    const next = await p.say("gak, umur sy 24");
    expect(allText(next)).not.toBe(first);
    await p.say("iya kadang2");
    await p.say("ga tau kak");
    const tickets = await ticketsOf(lentera, p.conversationId);
    expect(tickets).toEqual([]);
  });

  test("2. tells the story before the notice; 'ok' agrees and the story is not asked again", async () => {
    const p = await person("id");
    const held = await p.say("kak tolong sy disuruh kerja trs gak digaji 4 bulan di batam");
    expect(allText(held)).toContain("belum kami simpan");
    const { messages } = await p.transcript();
    expect(messages.map((m) => m.text).join("\n")).not.toContain("digaji");
    // "tolong" with unpaid wages is a danger signal: the safety question comes first, even before the notice
    expect(lastChoices(held)).toEqual(["safety.danger", "safety.safe", "safety.later"]);
    const safe = await p.say("aman kok");
    expect(lastChoices(safe)).toEqual(expect.arrayContaining(["consent.accept", "consent.decline"]));
    const ok = await p.say("ok");
    expect(allText(ok)).toContain("lanjut dari ceritamu");
    expect(lastChoices(ok)).toEqual(["ans.yes", "ans.no", "ans.unsure", "ans.skip"]);
  });

  test("3. 'hapus' then 'iya hapus aja' erases; the transcript is gone", async () => {
    const p = await person("id");
    await p.say("setuju");
    await p.say("sy mau cerita, agen minta uang 20 juta");
    const ask = await p.say("hapus");
    expect(lastChoices(ask)).toEqual(["erase.yes", "erase.no"]);
    const done = await p.say("iya hapus aja");
    expect(allText(done)).toContain("sudah dihapus");
  });

  test("4. English: 'delete' then 'yes' erases", async () => {
    const p = await person("en");
    await p.say("i agree");
    await p.say("delete");
    expect(allText(await p.say("yes"))).toMatch(/deleted/i);
  });

  test("5. locked in by her employer in Riyadh: Saudi numbers first and SA on the urgent ticket", async () => {
    const p = await person("id");
    await p.say("iya setuju");
    const help = await p.say("tolong sy dikunci majikan di riyadh gak boleh keluar, dia mau pukul sy");
    const text = allText(help);
    expect(text).toContain("911");
    expect(text.indexOf("911")).toBeLessThan(text.indexOf("0812") === -1 ? Infinity : text.indexOf("+6281290070027"));
    expect(text).not.toMatch(/Polisi[\s\S]{0,40}110/);
    const [ticket] = await ticketsOf(lentera, p.conversationId);
    expect(ticket).toMatchObject({ type: "emergency", priority: "urgent", country: "SA" });
  });

  test("6. salam, fear, thanks, where is the caseworker, a person please", async () => {
    const p = await person("id");
    expect(allText(await p.say("assalamualaikum"))).toContain("Waalaikumsalam");
    await p.say("iya");
    expect(allText(await p.say("sy takut"))).toContain("takut");
    expect(allText(await p.say("makasih kak"))).toContain("Sama-sama");
    await p.say("kapan petugas nya bales?");
    const talk = await p.say("mau ngomong sama orang");
    expect(allText(talk)).toMatch(/LNT-/);
    expect(allText(await p.say("mbak rina masih disitu?"))).not.toMatch(REFUSALS);
  });

  test("7. a mother asking in English about her daughter gets tracing, and the never-tell answer", async () => {
    const p = await person("en");
    await p.say("yes ok");
    const first = await p.say("my daughter went to dubai for work and i havent heard from her since june");
    expect(allText(first)).toMatch(/family member|tracing/i);
    expect(allText(first)).not.toMatch(/under 18/);
    const known = await p.say("do you know where she is? is she with you?");
    expect(allText(known)).toMatch(/never tell/i);
  });

  test("8. one person, one open case: a person please, then danger", async () => {
    const p = await person("id");
    await p.say("oke");
    await p.say("mau bicara sama petugas");
    await p.say("tolong dia datang bawa pisau, sy dikurung di kamar");
    await p.say("tolong cepat dia mau bunuh sy");
    const tickets = await ticketsOf(lentera, p.conversationId);
    expect(tickets.filter((t) => t.status !== "closed")).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ type: "emergency", priority: "urgent" });
  });

  test("9. a reply after the case was closed reopens it for the caseworker", async () => {
    const p = await person("en");
    await p.say("sure");
    await p.say("talk to a real person please");
    const [ticket] = await ticketsOf(lentera, p.conversationId);
    await lentera.db.ticket.update({ where: { id: ticket!.id }, data: { status: "closed", closedAt: new Date() } });
    await p.say("menu");
    const back = await p.say("ok u can call me tomorrow after 5pm");
    expect(allText(back)).toContain(ticket!.reference);
    const [after] = await ticketsOf(lentera, p.conversationId);
    expect(after!.status).toBe("in_progress");
  });

  test("10. safe contact in her own words: 'lewat chat aja', 'malam aja', 'pulang'", async () => {
    const p = await person("id");
    await p.say("boleh");
    await p.say("sy di arab saudi, gaji gak dibayar 6 bulan, paspor dipegang majikan");
    let replies: Reply[] = [];
    for (let i = 0; i < 12 && !lastChoices(replies).includes("need.done"); i++) replies = await p.say("gak");
    if (lastChoices(replies).includes("round.more")) replies = await p.say("cukup");
    expect(lastChoices(replies)).toContain("need.done");
    await p.say("pulang");
    const method = await p.say("udah itu aja");
    expect(lastChoices(method)).toContain("contact.this_chat");
    const time = await p.say("lewat chat aja kak");
    expect(allText(time)).toContain("Riyadh");
    const share = await p.say("malam aja");
    expect(lastChoices(share)).toContain("share.yes");
    const done = await p.say("iya boleh");
    expect(allText(done)).toMatch(/LNT-/);
    const tickets = await ticketsOf(lentera, p.conversationId);
    const victim = tickets.find((t) => t.type === "victim_assistance");
    expect(victim).toMatchObject({ country: "SA", needs: ["going_home"] });
    expect(victim!.safeContact).toMatchObject({ method: "this_chat", time: "evening", timeZone: "Asia/Riyadh" });
  });

  test("11. a fisherman in English answers with more words", async () => {
    const p = await person("en");
    await p.say("okay");
    const story = await p.say("im on a fishing boat near somalia, captain took my passport and we work 20 hours");
    expect(lastChoices(story)).toEqual(["ans.yes", "ans.no", "ans.unsure", "ans.skip"]);
    const q1 = allText(story);
    const next = await p.say("yeah he keeps it, we cant leave the boat");
    expect(allText(next)).not.toBe(q1);
    await p.say("nope");
    await p.say("not sure tbh");
  });

  test("12. short messages that used to fall through: 'P', 'thanks', '?', 'bye'", async () => {
    const p = await person("id");
    await p.say("P");
    await p.say("stuju");
    await p.say("apa ini?");
    await p.say("kamu bot ya?");
    await p.say("dadah");
    expect(refusals.filter((r) => r.startsWith("P ") || r.startsWith("apa"))).toEqual([]);
  });

  test("13. agrees in her own words while the safety question is on offer; asks where the caseworker is", async () => {
    const p = await person("id");
    const held = await p.say("tolong kak agen nahan paspor sy dan gaji gak dibayar 5 bulan");
    expect(lastChoices(held)).toEqual(["safety.danger", "safety.safe", "safety.later"]);
    const agreed = await p.say("iya sy setuju");
    expect(allText(agreed)).toContain("lanjut dari ceritamu");
    expect(lastChoices(agreed)).toEqual(["ans.yes", "ans.no", "ans.unsure", "ans.skip"]);
    const cannot = /belum bisa aku jawab|can't answer that here/;
    for (const asked of ["petugasnya mana?", "mana orangnya"]) {
      const answer = allText(await p.say(asked));
      expect(answer, asked).not.toMatch(cannot);
      expect(answer, asked).toContain("petugas");
    }
    const en = await person("en");
    await en.say("ok");
    const where = allText(await en.say("where is the caseworker??"));
    expect(where).not.toMatch(cannot);
    expect(where).toMatch(/caseworker/i);
  });

  test("no reply in any of them is a 'didn't understand' or 'pick one'", () => {
    expect(refusals).toEqual([]);
  });
});
