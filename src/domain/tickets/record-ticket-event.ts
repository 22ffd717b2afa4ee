import type { Db, Tx } from "../../db/create-prisma-client.ts";
import type { Actor } from "../audit/record-audit.ts";

/** One entry of a ticket's history (created, claimed, status_changed, note_added, referred, erased …). */
export async function recordTicketEvent(
  db: Db | Tx,
  event: { ticketId: string; type: string; actor: Actor; data?: Record<string, unknown> },
): Promise<void> {
  await db.ticketEvent.create({
    data: {
      ticketId: event.ticketId,
      type: event.type,
      actorType: event.actor.type,
      actorId: "id" in event.actor ? (event.actor.id ?? null) : null,
      data: (event.data ?? {}) as object,
    },
  });
}
