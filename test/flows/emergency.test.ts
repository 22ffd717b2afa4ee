import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices, startChat } from "../support/webchat-client.ts";
import { collectEvents, consentedChat, REFERENCE, ticketsOf } from "./flow-support.ts";

let lentera: TestLentera;
let opened: ReturnType<typeof collectEvents<"ticket.opened">>;
beforeAll(async () => {
  lentera = await createTestLentera();
  opened = collectEvents(lentera, "ticket.opened");
});
afterAll(() => lentera?.close());

describe("danger now, from anywhere", () => {
  test("while reading guidance: emergency numbers first, then an urgent ticket and its reference", async () => {
    const chat = await consentedChat(lentera.app, "id");
    await chat.tap("menu.guidance");
    const replies = await chat.say("tolong saya dikurung dan dipukul majikan");
    expect(replies[0]!.text).toContain("110");
    expect(replies[0]!.text).toContain("SAPA 129");
    expect(replies[1]!.text).toMatch(REFERENCE);
    // where the person is, asked once; the way back to the menu still there
    expect(allText(replies)).toContain("Kamu sekarang di negara mana?");
    expect(lastChoices(replies)).toEqual(["place.ID", "nav.menu"]);
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ type: "emergency", priority: "urgent", emergency: true, risk: "high" });
    expect(ticket!.indicatorIds).toContain("EM-01-held-now");
    expect(ticket!.assessment?.indicators.find((hit) => hit.id === "EM-01-held-now")?.evidence).toMatch(/dikurung/);
    expect(
      opened.some((e) => e.ticketId === ticket!.id && e.priority === "urgent" && e.ticketType === "emergency"),
    ).toBe(true);
  });

  test("mid-screening: contacts and the urgent ticket first, then the questions carry on with the message", async () => {
    const chat = await consentedChat(lentera.app, "id");
    await chat.say("saya butuh bantuan, gaji saya tidak dibayar");
    const replies = await chat.say("saya dikurung dan dipukul");
    expect(replies[0]!.text).toContain("110");
    expect(replies[1]!.text).toMatch(REFERENCE);
    // the screening goes on; being held answers the question about going out, so it is not asked
    expect(lastChoices(replies)).toEqual(["ans.yes", "ans.no", "ans.unsure", "ans.skip"]);
    expect(allText(replies)).not.toContain("dilarang keluar");
    const tickets = await ticketsOf(lentera, chat.conversationId);
    expect(tickets.map((t) => [t.type, t.priority])).toEqual([["emergency", "urgent"]]);
  });

  test("mid-way through a tracing form: ransom in the story takes the emergency path, the form goes on", async () => {
    const chat = await consentedChat(lentera.app, "en");
    await chat.tap("menu.tracing");
    const replies = await chat.say("my sister is being held and they are asking for a ransom");
    expect(replies[0]!.text).toContain("112");
    expect(allText(replies)).toContain("Does the person have other names");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ type: "emergency", priority: "urgent" });
  });

  test("the darurat keyword gives the numbers and opens, then refreshes, one urgent ticket", async () => {
    const chat = await consentedChat(lentera.app, "id");
    const first = await chat.say("darurat");
    expect(first[0]!.text).toContain("110");
    const again = await chat.say("DARURAT!");
    expect(REFERENCE.exec(allText(again))?.[0]).toBe(REFERENCE.exec(allText(first))?.[0]);
    const tickets = await ticketsOf(lentera, chat.conversationId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ type: "emergency", priority: "urgent", indicatorIds: [] });
    expect(tickets[0]!.events.map((e) => e.type)).toEqual(["created", "updated"]);
  });

  test("without consent: the numbers and an urgent ticket on vital interests, without the person's words", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.decline");
    const replies = await chat.say("they locked me in the room and beat me, I can't leave");
    expect(replies[0]!.text).toContain("112");
    expect(allText(replies)).toContain("not what you wrote");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({
      type: "emergency",
      priority: "urgent",
      emergency: true,
      details: null,
      safeContact: null,
    });
    expect(ticket!.indicatorIds).toContain("EM-01-held-now");
    expect(ticket!.assessment?.indicators.every((hit) => hit.evidence === "")).toBe(true);
    expect(ticket!.summary?.en).toContain("vital interests");
    const { messages } = await chat.transcript();
    expect(JSON.stringify(messages)).not.toContain("locked");
  });

  test("a false alarm stays calm: no emergency ticket for a worry about a job offer", async () => {
    const chat = await consentedChat(lentera.app, "en");
    await chat.tap("menu.guidance");
    const replies = await chat.say("is it safe to go to Malaysia with a tourist visa for work?");
    expect(allText(replies)).not.toContain("112");
    expect(await ticketsOf(lentera, chat.conversationId)).toEqual([]);
  });

  test("after the emergency answer, where the person is: that country's lines, on the ticket, and the way back", async () => {
    const chat = await consentedChat(lentera.app, "en");
    const first = await chat.say("my employer locked me in the house and beats me");
    expect(lastChoices(first)).toEqual(["place.ID", "nav.menu"]);
    const place = await chat.say("riyadh");
    expect(allText(place)).toContain("Saudi Arabia");
    expect(allText(place)).toContain("911");
    expect(lastChoices(place)).toEqual(["nav.menu"]);
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ type: "emergency", country: "SA" });
    // asked once: a second emergency does not ask again
    const again = await chat.say("he locked me in again and beats me");
    expect(again[0]!.text).toContain("911");
    expect(allText(again)).not.toContain("Which country");
    expect(lastChoices(again)).toEqual(["nav.menu"]);
  });

  test("the place question can be answered 'in Indonesia' or left for the menu", async () => {
    const home = await consentedChat(lentera.app, "id");
    await home.say("darurat");
    const noted = await home.say("di indonesia");
    expect(allText(noted)).toContain("kami catat kamu di Indonesia");
    const [ticket] = await ticketsOf(lentera, home.conversationId);
    expect(ticket).toMatchObject({ country: "ID" });
    const away = await consentedChat(lentera.app, "id");
    await away.say("darurat");
    expect(lastChoices(await away.tap("nav.menu"))[0]).toBe("menu.help");
  });
});
