import type { Hono } from "hono";
import type { Assessment } from "../../src/domain/screening/index.ts";
import type { LenteraEvent } from "../../src/events/event-bus.ts";
import type { TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";

/** A reference as the person is told it: LNT- and six characters without 0/O/1/I/L. */
export const REFERENCE = /LNT-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}/;
export const REFERENCE_ONLY = new RegExp(`^${REFERENCE.source}$`);

/** A web chat in one language whose person agreed to storage and is at the main menu. */
export async function consentedChat(app: Hono, locale: "id" | "en") {
  const chat = await startChat(app, locale);
  await chat.tap("consent.accept");
  return chat;
}

/** The tickets opened from one web conversation, oldest first, with their encrypted parts opened. */
export async function ticketsOf(lentera: TestLentera, conversationId: string) {
  const rows = await lentera.db.ticket.findMany({
    where: { conversationId },
    orderBy: { createdAt: "asc" },
    include: { events: { orderBy: { createdAt: "asc" } } },
  });
  return rows.map((row) => ({
    ...row,
    assessment: row.assessmentEnc
      ? lentera.cipher.decryptJson<Assessment>(row.assessmentEnc, `Ticket.assessmentEnc/${row.id}`)
      : null,
    summary: row.summaryEnc ? lentera.cipher.decryptJson<{ id: string; en: string }>(row.summaryEnc) : null,
    safeContact: row.safeContactEnc
      ? lentera.cipher.decryptJson<Record<string, string>>(row.safeContactEnc, `Ticket.safeContactEnc/${row.id}`)
      : null,
    details: row.detailsEnc
      ? lentera.cipher.decryptJson<Record<string, string>>(row.detailsEnc, `Ticket.detailsEnc/${row.id}`)
      : null,
  }));
}

/** Every event of one type published while the test runs. */
export function collectEvents<T extends LenteraEvent["type"]>(lentera: TestLentera, type: T) {
  const seen: Extract<LenteraEvent, { type: T }>[] = [];
  lentera.events.subscribe(type, (event) => {
    seen.push(event);
  });
  return seen;
}
