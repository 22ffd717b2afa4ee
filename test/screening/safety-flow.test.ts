import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices, startChat } from "../support/webchat-client.ts";
import { REFERENCE, ticketsOf } from "../flows/flow-support.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());

const SAFETY = ["safety.danger", "safety.safe", "safety.later"];

describe("first words of a new web chat", () => {
  test.each([
    "majikan mau mukul sy skrg, tolong",
    "my boss is going to beat me now please help",
    "sy kabur dr rumah majikan skrg di jalan gk punya uang",
    "HP saya mau diambil, ini mungkin terakhir saya chat",
    "SOS 🆘",
    "darurat 🙏",
    "tolong darurat",
    "dar\u200burat",
  ])("%s → the emergency numbers and an urgent ticket", async (text) => {
    const chat = await startChat(lentera.app, "id");
    const replies = await chat.say(text);
    expect(allText(replies)).toContain("110");
    expect(allText(replies)).toMatch(REFERENCE);
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ type: "emergency", priority: "urgent" });
  });

  test("thoughts of suicide: the mental-health line, an urgent ticket and the safety question, not the trafficking block", async () => {
    const chat = await startChat(lentera.app, "id");
    const replies = await chat.say("sy mau bunuh diri aja, capek");
    const text = allText(replies);
    expect(text).toContain("119");
    expect(text).toMatch(/tekan 8/);
    expect(text).not.toContain("SAPA 129");
    expect(text).toMatch(REFERENCE);
    expect(lastChoices(replies)).toEqual(SAFETY);
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ priority: "urgent" });
  });

  test("a danger signal that is no clear emergency: the safety question first; safety.danger opens an urgent ticket", async () => {
    const chat = await startChat(lentera.app, "id");
    const replies = await chat.say("aku takut sama agen, dia ngancem aku");
    expect(lastChoices(replies)).toEqual(SAFETY);
    expect(await ticketsOf(lentera, chat.conversationId)).toHaveLength(0);
    const after = await chat.tap("safety.danger");
    expect(allText(after)).toContain("110");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({ type: "emergency", priority: "urgent" });
  });

  test("a typed yes to the safety question is understood", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.say("I am scared, my agent said he will hurt me if I tell anyone");
    const after = await chat.say("yes");
    expect(allText(after)).toContain("110");
    expect(await ticketsOf(lentera, chat.conversationId)).toHaveLength(1);
  });

  test("safety.safe goes back to where the conversation was, with no ticket", async () => {
    const chat = await startChat(lentera.app, "id");
    await chat.say("tolong");
    const after = await chat.tap("safety.safe");
    expect(lastChoices(after)).not.toEqual(SAFETY);
    expect(await ticketsOf(lentera, chat.conversationId)).toHaveLength(0);
  });

  test("a harmless message opens nothing and asks no safety question", async () => {
    const chat = await startChat(lentera.app, "id");
    const replies = await chat.say("hari ini libur, jalan2 sm temen ke pasar");
    expect(lastChoices(replies)).not.toEqual(SAFETY);
    expect(await ticketsOf(lentera, chat.conversationId)).toHaveLength(0);
  });

  test("another language: a notice in it with the emergency numbers; the ticket records the language", async () => {
    const chat = await startChat(lentera.app, "id");
    const replies = await chat.say("Ayúdenme por favor, estoy encerrada y me quitaron el pasaporte");
    expect(allText(replies)).toMatch(/intérprete/);
    expect(allText(replies)).toContain("110");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket?.assessment?.language).toBe("es");
  });
});
