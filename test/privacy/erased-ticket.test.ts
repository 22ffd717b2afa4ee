import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { consentedChat } from "../flows/flow-support.ts";
import { bearer, createCaseworker } from "../api/api-support.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(async () => {
  await lentera?.close();
});

test("an erased person's ticket shows as erased in the queue and cannot be claimed; a new chat is a new contact", async () => {
  const chat = await consentedChat(lentera.app, "en");
  await chat.say("The agent keeps my passport and I cannot leave the house, please help");
  const ticket = await lentera.db.ticket.findFirstOrThrow({ where: { conversationId: chat.conversationId } });
  await chat.say("delete");
  await chat.tap("erase.yes");

  const cw = await createCaseworker(lentera, { email: "erased-queue@example.org", role: "supervisor" });
  const queue = await lentera.app.request("/api/queue", { headers: bearer(cw.token) });
  expect(queue.status).toBe(200);
  const item = ((await queue.json()) as { tickets: { reference: string; erased: boolean }[] }).tickets.find(
    (t) => t.reference === ticket.reference,
  );
  expect(item?.erased).toBe(true);
  const claim = await lentera.app.request(`/api/tickets/${ticket.reference}/claim`, {
    method: "POST",
    headers: bearer(cw.token),
  });
  expect(claim.status).toBe(409);

  // the erased chat's token is revoked (the page starts over); the person starting again is a fresh contact
  // whose new story opens a new ticket, not tied to the old one
  const again = await consentedChat(lentera.app, "en");
  await again.say("They took my passport and I cannot leave, I need help");
  const fresh = await lentera.db.ticket.findFirstOrThrow({ where: { conversationId: again.conversationId } });
  const [oldConversation, newConversation] = await Promise.all(
    [chat.conversationId, again.conversationId].map((id) =>
      lentera.db.conversation.findUniqueOrThrow({ where: { id } }),
    ),
  );
  expect(newConversation!.contactId).not.toBe(oldConversation!.contactId);
  expect(fresh.id).not.toBe(ticket.id);
  expect(fresh.erasureRequestedAt).toBeNull();
  const freshClaim = await lentera.app.request(`/api/tickets/${fresh.reference}/claim`, {
    method: "POST",
    headers: bearer(cw.token),
  });
  expect(freshClaim.status).toBe(200);
});
