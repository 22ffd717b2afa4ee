import { afterAll, beforeAll, expect, test } from "vitest";
import { openTicket } from "../../../src/domain/tickets/open-ticket.ts";
import { assessText } from "../../../src/domain/screening/index.ts";
import { toScreeningTranslate } from "../../../src/engine/screening-translate.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { startChat } from "../../support/webchat-client.ts";

let lentera: TestLentera;
let scope: { contactId: string; conversationId: string; channel: "web"; locale: string };
beforeAll(async () => {
  lentera = await createTestLentera();
  const chat = await startChat(lentera.app, "id");
  const conversation = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
  scope = { contactId: conversation.contactId, conversationId: conversation.id, channel: "web", locale: "id" };
});
afterAll(() => lentera?.close());

const ctx = () => ({ cipher: lentera.cipher, t: lentera.t, now: () => new Date() });
const assess = (text: string) => assessText({ text }, toScreeningTranslate(lentera.t));
const open = (request: Parameters<typeof openTicket>[3]) =>
  lentera.db.$transaction((tx) => openTicket(tx, ctx(), scope, request));

test("one open ticket per person and type; a second request merges, keeps the highest priority and logs it", async () => {
  const first = await open({
    type: "victim_assistance",
    assessment: assess("gaji saya belum dibayar 3 bulan"),
    needs: ["legal"],
  });
  expect(first.status).toBe("created");
  const second = await open({
    type: "victim_assistance",
    assessment: assess("saya disekap di rumah majikan"),
    needs: ["shelter", "legal"],
    safeContact: { method: "call", number: "0812" },
  });
  expect(second).toMatchObject({ status: "updated", reference: first.reference, priority: "urgent" });
  const third = await open({ type: "victim_assistance", priority: "low" });
  expect(third.priority).toBe("urgent");
  const row = await lentera.db.ticket.findUniqueOrThrow({
    where: { id: first.id },
    include: { events: { orderBy: { createdAt: "asc" } } },
  });
  expect(row.needs).toEqual(["legal", "shelter"]);
  expect(row.indicatorIds).toEqual(expect.arrayContaining(["FL-02-wages-withheld", "EM-01-held-now"]));
  expect(row.emergency).toBe(true);
  expect(row.events.map((e) => e.type)).toEqual(["created", "updated", "updated"]);
  expect(row.events[1]!.data).toMatchObject({
    priority: { from: first.priority, to: "urgent" },
    needsAdded: ["shelter"],
  });
  expect(lentera.cipher.decryptJson(row.safeContactEnc!, `Ticket.safeContactEnc/${row.id}`)).toEqual({
    method: "call",
    number: "0812",
  });
  expect(
    await lentera.db.auditEvent.count({
      where: { subjectId: first.id, action: { in: ["ticket.created", "ticket.updated"] } },
    }),
  ).toBe(3);
  // another type is another ticket; a closed one is not reopened by a new request
  const other = await open({ type: "talk_to_person", priority: "normal" });
  expect(other.reference).not.toBe(first.reference);
  await lentera.db.ticket.update({ where: { id: first.id }, data: { status: "closed" } });
  const fresh = await open({ type: "victim_assistance" });
  expect(fresh.status).toBe("created");
  expect(fresh.reference).not.toBe(first.reference);
});

test("minimal (no consent): no evidence, details or phone number kept", async () => {
  const ticket = await open({
    type: "emergency",
    priority: "urgent",
    assessment: assess("saya dikurung"),
    details: { story: "saya dikurung" },
    safeContact: { method: "call", number: "0812" },
    minimal: true,
  });
  const row = await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
  expect(row.detailsEnc).toBeNull();
  expect(lentera.cipher.decryptJson(row.safeContactEnc!, `Ticket.safeContactEnc/${row.id}`)).toEqual({
    method: "call",
  });
  const { indicators } = lentera.cipher.decryptJson<{ indicators: { id: string; evidence: string }[] }>(
    row.assessmentEnc!,
    `Ticket.assessmentEnc/${row.id}`,
  );
  expect(indicators.map((hit) => hit.id)).toContain("EM-01-held-now");
  expect(indicators.every((hit) => hit.evidence === "")).toBe(true);
});
