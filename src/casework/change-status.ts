import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import { randomUUID } from "node:crypto";
import { sealForTicket, sealedAt } from "../domain/privacy/person-keys.ts";
import type { Ticket, TicketStatus } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { atLeast } from "./permissions.ts";
import { endHandoff } from "../conversations/handoff/end-handoff.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";
import { canTransition } from "../domain/tickets/ticket-status.ts";

/** Why a ticket was closed; one is required to close. Labels: console.json `outcomes.<id>`. */
export const OUTCOMES = [
  "supported",
  "referred_to_partner",
  "safe_no_further_help",
  "unreachable",
  "declined_help",
  "not_trafficking",
  "duplicate",
  "other",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Statuses a caseworker sets by hand; `claimed`, `new` and `referred` come from claim, release and refer. */
export const MANUAL_STATUSES = ["in_progress", "closed"] as const satisfies readonly TicketStatus[];
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

export type ChangeStatusInput = { reference: string; status: ManualStatus; outcome?: Outcome; outcomeNote?: string };

/**
 * Moves a ticket along its lifecycle. Closing needs an outcome, ends a handoff (the person is told) and
 * stamps the closing time; reopening a closed ticket is for supervisors.
 */
export async function changeTicketStatus(ctx: CaseworkContext, input: ChangeStatusInput): Promise<Ticket> {
  if (input.status === "closed" && !input.outcome)
    throw new CaseworkError("invalid", "Choose an outcome to close the ticket.", "errors.outcome_required");
  const { ticket, told } = await ctx.db.$transaction(async (tx) => {
    const loaded = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.change_status");
    if (!canTransition(loaded.status, input.status)) {
      throw new CaseworkError(
        "conflict",
        `A ${loaded.status} ticket cannot become ${input.status}.`,
        "errors.bad_transition",
      );
    }
    if (loaded.status === "closed" && !atLeast(ctx.actor, "supervisor")) {
      throw new CaseworkError("forbidden", "Only a supervisor can reopen a closed ticket.", "errors.denied.reopen");
    }
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    const closing = input.status === "closed";
    const told =
      closing && loaded.conversationId
        ? await endHandoff(tx, ctx, { conversationId: loaded.conversationId, reason: "closed", actor })
        : [];
    // The outcome is one of a fixed list; the caseworker's words about it are a sealed note (the person's key).
    const outcomeNote = closing ? input.outcomeNote?.trim() : undefined;
    const ticket = await tx.ticket.update({
      where: { id: loaded.id },
      data: {
        status: input.status,
        outcome: closing ? (input.outcome ?? null) : loaded.outcome,
        closedAt: closing ? ctx.now() : null,
      },
    });
    if (outcomeNote) {
      const id = randomUUID();
      const textEnc = await sealForTicket(tx, ctx.cipher, loaded, outcomeNote, sealedAt("Note", "textEnc", id));
      await tx.note.create({
        data: { id, ticketId: loaded.id, authorId: ctx.actor.id, textEnc, createdAt: ctx.now() },
      });
    }
    const outcome = closing ? [input.outcome, outcomeNote].filter(Boolean).join(": ") : ticket.outcome;
    await recordTicketEvent(tx, {
      ticketId: loaded.id,
      type: "status_changed",
      actor,
      data: { from: loaded.status, to: input.status, ...(closing ? { outcome: input.outcome } : {}) },
    });
    await recordAudit(tx, {
      actor,
      action: "ticket.status_changed",
      subjectType: "ticket",
      subjectId: loaded.id,
      meta: { from: loaded.status, to: input.status },
    });
    return { ticket: { ...ticket, outcome }, told };
  }, TX_OPTIONS);
  if (told.length) ctx.onOutbound?.(ticket.channel);
  return ticket;
}
