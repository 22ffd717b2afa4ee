import { describe, expect, test } from "vitest";
import { NAV_MENU } from "../../src/engine/choices.ts";
import { runTurn } from "../../src/engine/run-turn.ts";
import type { Output, ShareConsentAsked, State } from "../../src/engine/types.ts";
import { engineChat } from "../support/fake-engine.ts";

const ASK: ShareConsentAsked = {
  type: "share_consent_asked",
  name: "Rina",
  ticketId: "t1",
  partner: { id: "p-legal", name: "LBH Kupang", services: ["legal", "escort"] },
};

const at = (locale: "id" | "en", extra: Partial<State> = {}): State => ({
  version: 1,
  locale,
  languageChosen: true,
  consent: "granted",
  step: { name: "menu" },
  offered: [NAV_MENU],
  ...extra,
});

/** A chat that was just asked the share question (a caseworker's turn), and what it said. */
async function asked(state: State) {
  const chat = engineChat(state);
  const result = await runTurn(state, ASK, chat.deps);
  const question = result.outputs;
  const driven = engineChat(result.state);
  return { chat: driven, question, text: chat.text };
}

const choiceIds = (outputs: Output[]) => outputs.at(-1)?.choices?.map((c) => c.id) ?? [];

describe("a caseworker's share question (engine)", () => {
  test("names the caseworker, the partner and what it does, in the person's language, with a yes and a no", async () => {
    for (const [locale, words] of [
      ["id", ["Rina", "LBH Kupang", "Bantuan hukum", "Ditemani/pendampingan", "cabut izin"]],
      ["en", ["Rina", "LBH Kupang", "Legal aid", "Someone to go with me", "withdraw consent"]],
    ] as const) {
      const state = at(locale);
      const fake = engineChat(state);
      const { outputs, state: next } = await runTurn(state, ASK, fake.deps);
      const text = outputs.map((o) => fake.t(locale, o.key, o.vars)).join("\n");
      for (const word of words) expect(text).toContain(word);
      expect(choiceIds(outputs)).toEqual(["share_ask.yes", "share_ask.no"]);
      expect(next.step).toEqual({ name: "menu" });
      expect(next.shareAsk).toMatchObject({ partnerId: "p-legal", ticketId: "t1" });
      expect(fake.asked.filter((a) => a.startsWith("missing"))).toEqual([]);
    }
  });

  test.each([
    ["iya boleh kak", true],
    ["Ya", true],
    ["boleh", true],
    ["1", true],
    ["tidak", false],
    ["jangan dulu ya", false],
    ["gak mau", false],
  ])("typed %j as the next message answers it (%s), once; the menu button is back", async (typed, granted) => {
    const { chat } = await asked(at("id"));
    const out = await chat.say(typed);
    expect(chat.asked).toEqual([`share p-legal@t1=${granted}`]);
    expect(chat.text(out)).toContain("LBH Kupang");
    expect(chat.state.shareAsk).toBeUndefined();
    expect(chat.state.offered.map((c) => c.id)).toEqual([NAV_MENU.id]);
    // the same word again is no answer any more
    await chat.say(typed);
    expect(chat.asked.filter((a) => a.startsWith("share"))).toHaveLength(1);
  });

  test.each([
    ["id", "gapapa", true],
    ["id", "gak apa-apa kak", true],
    ["id", "nanti dulu ya", false],
    ["id", "nanti aja kak", false],
    ["en", "no problem", true],
    ["en", "maybe later", false],
  ] as const)("%s: %j answers it (%s)", async (locale, typed, granted) => {
    const { chat } = await asked(at(locale));
    await chat.say(typed);
    expect(chat.asked).toEqual([`share p-legal@t1=${granted}`]);
  });

  test.each([
    ["id", "boleh tapi tolong saya dipukul", "umurmu"],
    ["en", "yes but help he is hitting me", "under 18"],
  ] as const)(
    "%s: a yes with danger in it (%j) is no answer: the flows take the words",
    async (locale, typed, next) => {
      const { chat } = await asked(at(locale));
      const out = await chat.say(typed);
      expect(chat.asked.filter((a) => a.startsWith("share"))).toEqual([]);
      expect(chat.text(out)).toContain(next);
      // the question's buttons still answer it
      await chat.tap("share_ask.yes");
      expect(chat.asked.filter((a) => a.startsWith("share"))).toEqual(["share p-legal@t1=true"]);
    },
  );

  test("English: 'yes please' and 'no thanks'", async () => {
    const yes = await asked(at("en"));
    await yes.chat.say("yes please");
    expect(yes.chat.asked).toEqual(["share p-legal@t1=true"]);
    const no = await asked(at("en"));
    await no.chat.say("no thanks");
    expect(no.chat.asked).toEqual(["share p-legal@t1=false"]);
  });

  test("during a handoff: the answer is understood and thanked for; the caseworker's conversation goes on untouched", async () => {
    const { chat } = await asked(at("id", { mode: "human", offered: [] }));
    expect(await chat.say("boleh")).toHaveLength(1);
    expect(chat.asked).toEqual(["share p-legal@t1=true"]);
    expect(chat.state.mode).toBe("human");
    expect(chat.state.offered).toEqual([]);
    // "ya" to the caseworker afterwards is for the caseworker: no answer, no reply from Lentera
    expect(await chat.say("ya")).toEqual([]);
    expect(chat.asked).toEqual(["share p-legal@t1=true"]);
  });

  test("other words first: not an answer (they go on as before); a later typed 'ya' is not read as one, a tap is", async () => {
    const { chat } = await asked(at("id", { mode: "human", offered: [] }));
    expect(await chat.say("saya sekarang di Kupang, kak")).toEqual([]);
    expect(await chat.say("ya")).toEqual([]);
    expect(chat.asked).toEqual([]);
    expect(chat.state.shareAsk).toBeDefined();
    const out = await chat.tap("share_ask.no");
    expect(chat.asked).toEqual(["share p-legal@t1=false"]);
    expect(chat.text(out)).toContain("tidak kami teruskan");
    // the old button again: nothing (the question was answered)
    expect(await chat.tap("share_ask.yes")).toEqual([]);
    expect(chat.asked).toEqual(["share p-legal@t1=false"]);
  });

  test("not with the flows either: words that are not an answer go to the menu, which gets its own choices back", async () => {
    const { chat } = await asked(at("id"));
    const out = await chat.say("nomor bantuan");
    expect(chat.asked).toEqual([]);
    expect(choiceIds(out)).not.toContain("share_ask.yes");
    // a tap on the question's button still answers it
    await chat.tap("share_ask.yes");
    expect(chat.asked).toEqual(["share p-legal@t1=true"]);
  });

  test("keywords and danger are never an answer: 'hapus' asks about erasing, danger gets the emergency numbers", async () => {
    const erase = await asked(at("id"));
    await erase.chat.say("hapus");
    expect(erase.chat.state.step).toEqual({ name: "erase_confirm" });
    expect(erase.chat.asked.filter((a) => a.startsWith("share"))).toEqual([]);
    const danger = await asked(at("id", { mode: "human", offered: [] }));
    const out = await danger.chat.say("ya tolong saya dipukul majikan sekarang, saya dikurung");
    expect(danger.chat.asked.filter((a) => a.startsWith("share"))).toEqual([]);
    expect(out.length).toBeGreaterThan(0);
  });
});
