import type { Cipher, PersonKey } from "../crypto/create-cipher.ts";
import type { Tx } from "../db/create-prisma-client.ts";
import type { Channel, TicketType } from "../db/generated/client.ts";
import { describePersonData } from "../domain/privacy/describe-person-data.ts";
import { erasePerson, type ErasedPerson } from "../domain/privacy/erase-person.ts";
import { personKeyFor, sealedAt } from "../domain/privacy/person-keys.ts";
import { recordConsent } from "../domain/privacy/record-consent.ts";
import { openTicket } from "../domain/tickets/open-ticket.ts";
import { reopenRecentTicket } from "../domain/tickets/reopen-recent-ticket.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";
import { CONSENT_NOTICE_VERSION, SHARE_NOTICE_VERSION } from "../engine/flows/consent.ts";
import { SHARE_ASK_NOTICE_VERSION } from "../engine/share-request.ts";
import type { EngineActions } from "../engine/types.ts";
import type { LenteraEvent } from "../events/event-bus.ts";
import type { Translate } from "../i18n/create-i18n.ts";

/** How many partners the consent question names at most (a list a person can read on a small phone). */
const MAX_NAMED_PARTNERS = 5;

export type ActionScope = {
  tx: Tx;
  contactId: string;
  conversationId: string;
  channel: Channel;
  now: () => Date;
  cipher: Cipher;
  t: Translate;
  /** the person's own key: drafts in the state are sealed with it (a web chat's erasure swaps it for a fresh one) */
  key: PersonKey;
};

/**
 * The engine's side effects, written in the same transaction as the turn that asked for them. Events they
 * produce are collected in `events` and published by the conversation service only after the commit.
 */
export function createEngineActions(scope: ActionScope): {
  actions: EngineActions;
  events: LenteraEvent[];
  erased: () => ErasedPerson | null;
  /** the key of the conversation's contact now (a fresh one after an erasure that continued the conversation) */
  key: () => PersonKey;
} {
  const events: LenteraEvent[] = [];
  let erasedPerson: ErasedPerson | null = null;
  const stateContext = sealedAt("Conversation", "state", scope.conversationId);
  const actions: EngineActions = {
    async recordConsent(consentScope, granted) {
      await recordConsent(scope.tx, {
        contactId: scope.contactId,
        scope: consentScope,
        granted,
        notice: consentScope === "store" ? CONSENT_NOTICE_VERSION : SHARE_NOTICE_VERSION,
        at: scope.now(),
      });
    },
    async answerShareAsk(ask, granted) {
      const scopeName = `share:${ask.partnerId}`;
      await recordConsent(scope.tx, {
        contactId: scope.contactId,
        scope: scopeName,
        granted,
        notice: SHARE_ASK_NOTICE_VERSION,
        at: scope.now(),
      });
      // The ticket it was asked from (still the person's: an erasure since would have cleared the question).
      const ticket = await scope.tx.ticket.findFirst({
        where: { id: ask.ticketId, contactId: scope.contactId },
        select: { id: true, reference: true },
      });
      if (!ticket) return;
      await recordTicketEvent(scope.tx, {
        ticketId: ticket.id,
        type: "share_consent_answered",
        actor: { type: "person", id: scope.contactId },
        data: { partnerId: ask.partnerId, granted, notice: SHARE_ASK_NOTICE_VERSION },
      });
      events.push({ type: "share.answered", ticketId: ticket.id, reference: ticket.reference, granted });
    },
    async openTicket(request, locale) {
      const { tx, cipher, t, now, contactId, conversationId, channel } = scope;
      const opened = await openTicket(tx, { cipher, t, now }, { contactId, conversationId, channel, locale }, request);
      if (opened.status === "created") {
        events.push({
          type: "ticket.opened",
          ticketId: opened.id,
          reference: opened.reference,
          ticketType: opened.type,
          priority: opened.priority,
          locale,
          channel,
          indicatorIds: opened.indicatorIds,
        });
      }
      return opened;
    },
    describeData: () => describePersonData(scope.tx, scope.contactId),
    async listPartners(needs) {
      return scope.tx.partner.findMany({
        where: { active: true, ...(needs.length ? { services: { hasSome: [...needs] } } : {}) },
        orderBy: { name: "asc" },
        take: MAX_NAMED_PARTNERS,
        select: { id: true, name: true },
      });
    },
    async erase() {
      const erased = await erasePerson(
        scope.tx,
        scope.cipher,
        scope.contactId,
        { type: "person", id: scope.contactId },
        scope.now(),
      );
      erasedPerson = erased;
      if (erased.continuedAs) scope.key = await personKeyFor(scope.tx, scope.cipher, erased.continuedAs);
      events.push({
        type: "chat.wiped",
        channel: erased.channel,
        contactId: scope.contactId,
        recipient: erased.recipient,
        messages: erased.messages,
      });
    },
    async findOpenTicket(types) {
      const ticket = await scope.tx.ticket.findFirst({
        where: { contactId: scope.contactId, status: { not: "closed" }, type: { in: types as TicketType[] } },
        orderBy: { createdAt: "desc" },
        select: { reference: true, type: true },
      });
      return ticket;
    },
    async reopenRecentTicket() {
      const reopened = await reopenRecentTicket(scope.tx, {
        contactId: scope.contactId,
        conversationId: scope.conversationId,
        now: scope.now(),
      });
      return reopened ? { reference: reopened.reference } : null;
    },
    seal: (value) => scope.cipher.sealJsonFor(scope.key, value, stateContext),
    unseal: (sealed) => scope.cipher.decryptJson(sealed, stateContext),
  };
  return { actions, events, erased: () => erasedPerson, key: () => scope.key };
}
