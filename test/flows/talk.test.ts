import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices } from "../support/webchat-client.ts";
import { collectEvents, consentedChat, REFERENCE, ticketsOf } from "./flow-support.ts";

let lentera: TestLentera;
let opened: ReturnType<typeof collectEvents<"ticket.opened">>;
beforeAll(async () => {
  lentera = await createTestLentera();
  opened = collectEvents(lentera, "ticket.opened");
});
afterAll(() => lentera?.close());

test("talk to a person opens a ticket at once, tells its reference, and a second ask keeps the same one", async () => {
  const chat = await consentedChat(lentera.app, "id");
  const replies = await chat.tap("menu.talk");
  const reference = REFERENCE.exec(allText(replies))?.[0];
  expect(reference).toBeDefined();
  expect(allText(replies)).toContain("membalasmu di chat ini");
  expect(lastChoices(replies)).toEqual(["nav.menu"]);
  expect(allText(await chat.say("halo, saya tunggu ya"))).toContain("dibaca petugas");
  await chat.tap("nav.menu");
  const again = await chat.tap("menu.talk");
  expect(allText(again)).toContain(`sudah tercatat (nomor referensi: ${reference})`);
  const tickets = await ticketsOf(lentera, chat.conversationId);
  expect(tickets).toHaveLength(1);
  expect(tickets[0]).toMatchObject({ type: "talk_to_person", priority: "normal", reference, locale: "id" });
  expect(opened.filter((e) => e.reference === reference)).toHaveLength(1);
});
