import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import { loadPersonKeys, openOrNull, sealedAt } from "../domain/privacy/person-keys.ts";
import { storeOutboundMessages } from "../conversations/store-outbound.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";
import { isSafeToWrite } from "../domain/tickets/read-safe-contact.ts";
import { timeZoneOf } from "../domain/places/time-zone-of.ts";
import { startHandoff } from "../conversations/handoff/start-handoff.ts";

export const MAX_REPLY_LENGTH = 4000;

export type SendResult =
  | { status: "sent"; messageId: string; handoffStarted: boolean }
  | { status: "outside_safe_times" };

/**
 * The caseworker holding a ticket writes to the person, through the person's own channel (stored first,
 * then delivered: web chat reads it, other channels get it through the outbox). The first message takes
 * the conversation over. Outside the person's safe-contact times it is not sent unless the caseworker
 * confirmed they want to write anyway.
 */
export async function sendCaseworkerMessage(
  ctx: CaseworkContext,
  input: { reference: string; text: string; outsideSafeTimesConfirmed?: boolean },
): Promise<SendResult> {
  const text = input.text.trim();
  if (!text || text.length > MAX_REPLY_LENGTH)
    throw new CaseworkError("invalid", `A message is 1–${MAX_REPLY_LENGTH} characters.`, "errors.reply_length");
  const result = await ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.reply");
    if (!ticket.conversationId)
      throw new CaseworkError(
        "conflict",
        "This ticket has no conversation to write to (the person may have erased it).",
        "errors.no_conversation",
      );
    const conversation = await tx.conversation.findUniqueOrThrow({
      where: { id: ticket.conversationId },
      include: { contact: true },
    });
    await loadPersonKeys(tx, ctx.cipher, [ticket.safeContactEnc]);
    const safeContact = openOrNull(ctx.cipher, ticket.safeContactEnc, sealedAt("Ticket", "safeContactEnc", ticket.id));
    const zone = timeZoneOf(ticket.country ?? undefined);
    const safeNow = isSafeToWrite(safeContact, conversation.lastInboundAt, ctx.now(), zone);
    if (!input.outsideSafeTimesConfirmed && !safeNow) return { status: "outside_safe_times" as const };
    if (conversation.contact.erasedAt)
      throw new CaseworkError(
        "conflict",
        "The person erased their data; they can no longer be written to here.",
        "errors.no_conversation",
      );
    const handoffStarted = await startHandoff(tx, ctx, {
      conversationId: conversation.id,
      caseworker: ctx.actor,
      ticketId: ticket.id,
    });
    const [stored] = await storeOutboundMessages(tx, ctx, {
      conversationId: conversation.id,
      channel: conversation.channel,
      author: "caseworker",
      caseworkerId: ctx.actor.id,
      messages: [{ text, ...(conversation.threadId ? { thread: conversation.threadId } : {}) }],
    });
    if (ticket.status === "claimed")
      await tx.ticket.update({ where: { id: ticket.id }, data: { status: "in_progress" } });
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "message_sent",
      actor: { type: "caseworker", id: ctx.actor.id },
      data: { outsideSafeTimes: !safeNow },
    });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "ticket.message_sent",
      subjectType: "ticket",
      subjectId: ticket.id,
    });
    return { status: "sent" as const, messageId: stored!.id, handoffStarted, channel: conversation.channel };
  }, TX_OPTIONS);
  if (result.status === "outside_safe_times") return result;
  ctx.onOutbound?.(result.channel);
  return { status: "sent", messageId: result.messageId, handoffStarted: result.handoffStarted };
}
