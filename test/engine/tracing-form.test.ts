import { describe, expect, test } from "vitest";
import { checkAnswer, type FieldCheck } from "../../src/engine/flows/field-checks.ts";
import { initialState, type Output, type State } from "../../src/engine/types.ts";
import { engineChat } from "../support/fake-engine.ts";

const NOW = new Date("2026-11-29T10:00:00Z");
const atMenu = (locale: "id" | "en"): State => ({
  ...initialState(locale),
  languageChosen: true,
  consent: "granted",
  step: { name: "menu" },
});
const keys = (outputs: Output[]) => outputs.map((o) => o.key);
const choiceIds = (outputs: Output[]) => outputs.at(-1)?.choices?.map((c) => c.id) ?? [];

describe("field checks: what each question asks for", () => {
  test.each<[FieldCheck, string]>([
    ["name", "Siti Aminah"],
    ["name", "Ani"],
    ["age", "24"],
    ["age", "kira2 30an"],
    ["age", "umur 19 tahun"],
    ["age", "dua puluh lima"],
    ["age", "twenty-two"],
    ["date", "Maret 2026"],
    ["date", "12/03/2026"],
    ["date", "2026-10-01"],
    ["date", "3 bulan lalu"],
    ["date", "sebulan yang lalu"],
    ["date", "two weeks ago"],
    ["date", "sudah 2 tahun"],
    ["date", "kemarin"],
    ["date", "last year"],
    ["date", "march"],
    ["contact", "WA saya 0812 1111 2222, malam saja"],
    ["contact", "+966 55 123 4567"],
    ["contact", "ani@example.org"],
    ["contact", "lewat chat ini saja"],
  ])("%s accepts %j", (check, text) => {
    expect(checkAnswer(check, text, NOW)).toEqual({ ok: true });
  });

  test.each<[FieldCheck, string, string]>([
    ["name", "1", "name"],
    ["name", "  ", "name"],
    ["name", "?", "name"],
    ["age", "tidak tahu persis", "age"],
    ["age", "malaysia", "age"],
    ["age", "0", "age_range"],
    ["age", "250", "age_range"],
    ["date", "malaysia", "date"],
    ["date", "31/02/2026", "date"],
    ["date", "Maret 2027", "date_future"],
    ["date", "15/12/2026", "date_future"],
    ["date", "besok", "date_future"],
    ["date", "3 bulan lagi", "date_future"],
    ["contact", "1", "contact"],
    ["contact", "malam saja", "contact"],
    ["contact", "0812", "contact"],
  ])("%s refuses %j (%s)", (check, text, problem) => {
    expect(checkAnswer(check, text, NOW)).toEqual({ ok: false, problem });
  });
});

describe("the tracing form in the engine", () => {
  test("an answer that does not fit is asked again kindly, in other words, at the same question", async () => {
    const chat = engineChat(atMenu("en"), NOW);
    await chat.start();
    await chat.tap("menu.tracing");
    const badName = await chat.say("1");
    expect(keys(badName)).toEqual(["tracing:check.name"]);
    expect(choiceIds(badName)).toEqual(["form.skip"]);
    expect(chat.state.step).toMatchObject({ name: "form", field: 0 });
    expect(keys(await chat.say("Rina"))).toEqual(["tracing:field.other_names.ask"]);
    await chat.tap("form.skip");
    await chat.tap("form.sex.female");
    expect(keys(await chat.say("malaysia"))).toEqual(["tracing:check.age"]);
    expect(keys(await chat.say("400"))).toEqual(["tracing:check.age_range"]);
    expect(keys(await chat.say("19"))).toEqual(["tracing:field.hometown.ask"]);
    await chat.tap("form.skip");
    await chat.tap("form.skip");
    const future = await chat.say("March 2027");
    expect(keys(future)).toEqual(["tracing:check.date_future"]);
    expect(choiceIds(future)).toEqual(["form.skip", "form.send"]);
    expect(keys(await chat.say("malaysia"))).toEqual(["tracing:check.date"]);
    expect(keys(await chat.say("3 months ago"))).toEqual(["tracing:field.last_channel.ask"]);
    for (let i = 0; i < 5; i++) await chat.tap("form.skip");
    expect(chat.state.step).toMatchObject({ name: "form", field: 12 });
    expect(keys(await chat.say("1"))).toEqual(["tracing:check.contact"]);
    expect(keys(await chat.say("call me on +60 12 345 6789 after 9pm"))).toEqual(["tracing:field.share.ask"]);
    expect(chat.tickets).toEqual([]);
  });

  test("the same problem twice in a row: the answer is kept as written and the form goes on (never the same ask twice)", async () => {
    const chat = engineChat(atMenu("id"), NOW);
    await chat.start();
    await chat.tap("menu.tracing");
    await chat.say("Rina");
    await chat.tap("form.skip");
    await chat.tap("form.sex.female");
    expect(keys(await chat.say("kurang tau"))).toEqual(["tracing:check.age"]);
    const kept = await chat.say("sekitar dua puluhan");
    expect(keys(kept)).toEqual(["conversation:form_kept_as_written", "tracing:field.hometown.ask"]);
    expect(chat.state.step).toMatchObject({ name: "form", field: 4 });
    expect(chat.state.step).not.toHaveProperty("recheck");
    // the next field starts afresh: its first unfit answer is asked again
    await chat.tap("form.skip");
    await chat.tap("form.skip");
    expect(keys(await chat.say("malaysia"))).toEqual(["tracing:check.date"]);
  });

  test("the review shows what will be sent; edit picks a field, corrects it, and comes back; confirm sends", async () => {
    const chat = engineChat(atMenu("id"), NOW);
    await chat.start();
    await chat.tap("menu.tracing");
    await chat.say("Siti Aminah");
    await chat.tap("form.skip");
    await chat.tap("form.sex.female");
    await chat.say("24");
    const review = await chat.tap("form.send");
    expect(keys(review)).toEqual(["tracing:review.summary"]);
    expect(choiceIds(review)).toEqual(["tracing.confirm", "tracing.edit"]);
    expect(chat.text(review)).toContain("• Nama: Siti Aminah\n• Jenis kelamin: Perempuan\n• Umur: 24");
    expect(chat.tickets).toEqual([]);

    const pick = await chat.tap("tracing.edit");
    expect(keys(pick)).toEqual(["tracing:review.pick"]);
    expect(choiceIds(pick)).toContain("tracing.edit.age");
    const ask = await chat.say("umur");
    expect(keys(ask)).toEqual(["tracing:field.age.ask"]);
    expect(choiceIds(ask)).toEqual(["form.skip"]);
    expect(keys(await chat.say("abc"))).toEqual(["tracing:check.age"]);
    const again = await chat.say("25");
    expect(keys(again)).toEqual(["tracing:review.summary"]);
    expect(chat.text(again)).toContain("• Umur: 25");
    expect(chat.text(again)).not.toContain("Umur: 24");

    // Words that are neither: the review once more, in other words, not the same question twice.
    expect(keys(await chat.say("hmm"))).toEqual(["tracing:review.again"]);
    const sent = await chat.say("ya, sudah benar");
    expect(keys(sent)).toEqual(["tracing:done", "tracing:never_reveal", "tracing:after"]);
    expect(chat.tickets).toHaveLength(1);
    expect(chat.tickets[0]).toMatchObject({ type: "family_tracing", details: { name: "Siti Aminah", age: "25" } });
    expect(chat.asked.filter((a) => a.startsWith("missing"))).toEqual([]);
  });

  test("the end of the questions leads to the review too, and a skipped field can be filled from it", async () => {
    const chat = engineChat(atMenu("en"), NOW);
    await chat.start();
    await chat.tap("menu.tracing");
    await chat.say("Dewi");
    let last: Output[] = [];
    for (let i = 0; i < 13; i++) last = await chat.tap("form.skip");
    expect(keys(last)).toEqual(["tracing:review.summary"]);
    await chat.say("change");
    await chat.tap("tracing.edit.safe_contact");
    const back = await chat.say("0812 3456 7890");
    expect(chat.text(back)).toContain("• How to reach you: 0812 3456 7890");
    await chat.tap("tracing.confirm");
    expect(chat.tickets[0]?.details).toEqual({ name: "Dewi", safe_contact: "0812 3456 7890" });
  });
});
