import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import { firstName } from "../conversations/handoff/start-handoff.ts";
import { runCaseworkerTurn } from "../conversations/handoff/run-caseworker-turn.ts";
import { readConversationState } from "../conversations/read-state.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { loadPersonKeys, openOrNull, sealedAt } from "../domain/privacy/person-keys.ts";
import { timeZoneOf } from "../domain/places/time-zone-of.ts";
import { isSafeToWrite } from "../domain/tickets/read-safe-contact.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";

export type ShareConsentRequest = {
  reference: string;
  partnerId: string;
  /** the caseworker knows it is outside the person's safe-contact times and asks anyway */
  outsideSafeTimesConfirmed?: boolean;
};

export type ShareConsentRequestResult = { status: "asked" } | { status: "outside_safe_times" };

/**
 * The caseworker holding a ticket asks the person, in their own channel and language, whether their case may
 * go to one named partner (what it does is said too), with a yes and a no. The question is a turn of the
 * engine, as a caseworker joining is: it is stored and delivered like any reply (web chat reads it, other
 * channels get it through the outbox), whoever has the conversation, and the engine understands the
 * answer — a tap or a typed yes/no — once (engine/share-request.ts). Outside the person's safe-contact
 * times nothing is sent unless the caseworker confirmed. The ask is on the ticket's history and audited.
 */
export async function requestShareConsent(
  ctx: CaseworkContext,
  input: ShareConsentRequest,
): Promise<ShareConsentRequestResult> {
  const result = await ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.reply");
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId } });
    if (!partner || !partner.active)
      throw new CaseworkError("invalid", "Choose an active partner from the directory.", "errors.no_such_partner");
    const conversation = ticket.conversationId
      ? await tx.conversation.findUnique({ where: { id: ticket.conversationId }, include: { contact: true } })
      : null;
    if (!conversation || conversation.contact.erasedAt || conversation.contactId !== ticket.contactId)
      throw new CaseworkError(
        "conflict",
        "This ticket has no conversation to write to (the person may have erased it).",
        "errors.no_conversation",
      );
    await loadPersonKeys(tx, ctx.cipher, [ticket.safeContactEnc]);
    const safeContact = openOrNull(ctx.cipher, ticket.safeContactEnc, sealedAt("Ticket", "safeContactEnc", ticket.id));
    const safeNow = isSafeToWrite(
      safeContact,
      conversation.lastInboundAt,
      ctx.now(),
      timeZoneOf(ticket.country ?? undefined),
    );
    if (!input.outsideSafeTimesConfirmed && !safeNow) return { status: "outside_safe_times" as const };
    // A question still waiting from another of the person's tickets is replaced: that ticket says so.
    const waiting = readConversationState(conversation, "id").shareAsk;
    const told = await runCaseworkerTurn(tx, ctx, {
      conversationId: conversation.id,
      input: {
        type: "share_consent_asked",
        name: firstName(ctx.actor.name),
        ticketId: ticket.id,
        partner: { id: partner.id, name: partner.name, services: partner.services },
      },
      when: () => true,
    });
    if (!told?.length) throw new Error("The share question was not said.");
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    if (waiting && waiting.ticketId !== ticket.id)
      await recordTicketEvent(tx, {
        ticketId: waiting.ticketId,
        type: "share_consent_replaced",
        actor,
        data: { partnerId: waiting.partnerId, by: ticket.id },
      });
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "share_consent_requested",
      actor,
      data: { partnerId: partner.id, outsideSafeTimes: !safeNow },
    });
    await recordAudit(tx, {
      actor,
      action: "ticket.share_consent_requested",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { partnerId: partner.id },
    });
    return { status: "asked" as const, channel: conversation.channel };
  }, TX_OPTIONS);
  if (result.status === "outside_safe_times") return result;
  ctx.onOutbound?.(result.channel);
  return { status: "asked" };
}
