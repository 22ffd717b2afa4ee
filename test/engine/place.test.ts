import { expect, test } from "vitest";
import { emptyDraft } from "../../src/engine/flows/case-draft.ts";
import { initialState, type Output, type State } from "../../src/engine/types.ts";
import { engineChat } from "../support/fake-engine.ts";

const consented = (locale: "id" | "en", step: State["step"] = { name: "menu" }): State => ({
  ...initialState(locale),
  languageChosen: true,
  consent: "granted",
  step,
});
/** At the "how may we contact you?" question of get-help, its "this chat" choice on offer. */
const atMethod = (locale: "id" | "en", draft: string): State => ({
  ...consented(locale, { name: "safe_contact", phase: "method", draft }),
  offered: [{ id: "contact.this_chat", key: "tickets:method.this_chat" }],
});
const keys = (outputs: Output[]) => outputs.map((o) => o.key);
const choiceIds = (outputs: Output[]) => outputs.at(-1)?.choices?.map((c) => c.id) ?? [];

test("after an emergency answer the place is asked once; the answer brings that country's lines and goes back", async () => {
  const chat = engineChat(consented("id", { name: "guidance" }));
  const first = await chat.say("darurat");
  expect(keys(first)).toEqual(["emergency.now", "intake:emergency.ticket", "conversation:place.ask"]);
  expect(choiceIds(first)).toEqual(["place.ID", "nav.menu"]);
  expect(chat.state.step).toEqual({ name: "place", resume: { name: "guidance" } });

  const answer = await chat.say("sy di kuala lumpur kak");
  expect(keys(answer)).toEqual(["conversation:place.contacts", "emergency.after"]);
  expect(answer[0]?.vars).toMatchObject({ country: "Malaysia" });
  expect(String(answer[0]?.vars?.list)).toContain("999");
  expect(chat.state).toMatchObject({ country: "MY", step: { name: "guidance" } });
  // the urgent ticket is told the country
  expect(chat.tickets.filter((t) => t.type === "emergency")).toHaveLength(2);

  const again = await chat.say("darurat");
  expect(keys(again)).toEqual(["conversation:emergency.again", "intake:emergency.ticket", "emergency.after"]);
  expect(String(again[0]?.vars?.list)).toContain("999");
});

test("a place the person does not say is let go, kindly, and never asked again", async () => {
  const chat = engineChat(consented("en"));
  await chat.say("emergency");
  const unknown = await chat.say("i dont know");
  expect(keys(unknown)).toEqual(["conversation:place.unknown", "emergency.after"]);
  expect(chat.state).toMatchObject({ step: { name: "menu" }, placeAsked: true });
  expect(chat.state.country).toBeUndefined();
  const again = await chat.say("emergency");
  expect(keys(again)).toEqual([
    "conversation:emergency.again",
    "intake:emergency.ticket",
    "conversation:emergency.abroad_hint",
    "emergency.after",
  ]);
});

test("a caseworker's conversation and the notice are not interrupted by the place question", async () => {
  const before = engineChat({ ...initialState("id"), languageChosen: true, step: { name: "consent" } });
  const replies = await before.say("darurat");
  expect(keys(replies)).not.toContain("conversation:place.ask");
  const human = engineChat({ ...consented("id", { name: "talk" }), mode: "human" });
  expect(keys(await human.say("darurat"))).not.toContain("conversation:place.ask");
});

test("safe contact times: asked where, the place read from the reply, the time kept in that zone", async () => {
  const draft = JSON.stringify(emptyDraft());
  const chat = engineChat(atMethod("id", draft));
  const time = await chat.tap("contact.this_chat");
  expect(keys(time)).toEqual(["conversation:contact.time_where", "intake:contact.time"]);
  expect(choiceIds(time)).toContain("time.night");

  const place = await chat.say("saya di jeddah");
  expect(keys(place)).toEqual([
    "conversation:place.contacts",
    "conversation:contact.time_zone",
    "conversation:contact.time_local",
  ]);
  expect(place[1]?.vars).toEqual({ zone: "Riyadh" });
  expect(chat.state.country).toBe("SA");
  await chat.say("malam aja");
  await chat.tap("share.no");
  const ticket = chat.tickets.find((t) => t.type === "victim_assistance");
  expect(ticket?.safeContact).toEqual({ method: "this_chat", time: "evening", timeZone: "Asia/Riyadh" });
});

test("a time and a place in one reply: both kept", async () => {
  const draft = JSON.stringify(emptyDraft());
  const chat = engineChat(atMethod("en", draft));
  await chat.tap("contact.this_chat");
  await chat.say("night only, i'm in Doha");
  expect(chat.state.country).toBe("QA");
  await chat.tap("share.yes");
  expect(chat.tickets[0]?.safeContact).toEqual({ method: "this_chat", time: "night", timeZone: "Asia/Qatar" });
});

test("in help screening, a country abroad named in the person's words brings its lines; the questions go on", async () => {
  const chat = engineChat(consented("id"));
  await chat.start();
  await chat.tap("menu.help");
  const story = await chat.say("gaji saya tidak dibayar 4 bulan, saya kerja di Kuwait");
  expect(keys(story)[0]).toBe("conversation:place.contacts");
  expect(story[0]?.vars).toMatchObject({ country: "Kuwait" });
  expect(chat.state).toMatchObject({ country: "KW", step: { name: "screening", phase: "question" } });
  // Indonesia needs no extra lines
  const home = engineChat(consented("id"));
  await home.start();
  await home.tap("menu.help");
  expect(keys(await home.say("gaji saya tidak dibayar, saya di Surabaya"))).not.toContain(
    "conversation:place.contacts",
  );
});
