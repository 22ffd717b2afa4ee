import type { Note } from "../db/generated/client.ts";
import { randomUUID } from "node:crypto";
import { sealForTicket, sealedAt } from "../domain/privacy/person-keys.ts";
import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";

export const MAX_NOTE_LENGTH = 8000;

/** An internal note on a ticket (never shown to the person), stored encrypted. */
export async function addNote(ctx: CaseworkContext, input: { reference: string; text: string }): Promise<Note> {
  const text = input.text.trim();
  if (!text || text.length > MAX_NOTE_LENGTH)
    throw new CaseworkError("invalid", `A note is 1–${MAX_NOTE_LENGTH} characters.`, "errors.note_length");
  return ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.note");
    const id = randomUUID();
    const textEnc = await sealForTicket(tx, ctx.cipher, ticket, text, sealedAt("Note", "textEnc", id));
    const note = await tx.note.create({
      data: { id, ticketId: ticket.id, authorId: ctx.actor.id, textEnc, createdAt: ctx.now() },
    });
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, { ticketId: ticket.id, type: "note_added", actor, data: { noteId: note.id } });
    await recordAudit(tx, { actor, action: "ticket.note_added", subjectType: "ticket", subjectId: ticket.id });
    return note;
  }, TX_OPTIONS);
}
