import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Tx } from "../../db/create-prisma-client.ts";
import type { Channel } from "../../db/generated/client.ts";
import type { ChannelMessageRef } from "../../events/event-bus.ts";
import { recordAudit, type Actor } from "../audit/record-audit.ts";
import type { Assessment } from "../screening/index.ts";
import { withoutEvidence } from "../tickets/merge-assessments.ts";
import { recordTicketEvent } from "../tickets/record-ticket-event.ts";

export type ErasedPerson = {
  channel: Channel;
  /** the person's address on the channel, decrypted, so the channel can delete the chat messages */
  recipient: string;
  /** the deleted messages as the channel knows them (ids, refs, direction, when sent) */
  messages: ChannelMessageRef[];
  ticketIds: string[];
};

/**
 * Erases a person (UU PDP right to erasure; the "hapus"/"delete" flow and a channel's panic wipe):
 * deletes every message of theirs, both directions; pseudonymises their tickets — indicator ids, risk,
 * needs, type, priority, status and the structured summary stay for the caseworker, the assessment loses
 * the person's words, and details and safe contact are dropped, the link to the person is cut and
 * `erasureRequestedAt` plus an "erasure_requested" event tell the caseworker why; marks the contact
 * erased; resets their conversations (back to the bot, no drafts); records an audit entry. Consent history
 * is kept as proof of what was agreed, with a withdrawal appended. Returns what the channel needs to
 * delete the messages from the person's phone.
 */
export async function erasePerson(
  tx: Tx,
  cipher: Cipher,
  contactId: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<ErasedPerson> {
  const contact = await tx.contact.findUniqueOrThrow({
    where: { id: contactId },
    include: { conversations: { select: { id: true } } },
  });
  const conversationIds = contact.conversations.map((c) => c.id);
  const rows = await tx.message.findMany({
    where: { conversationId: { in: conversationIds } },
    select: { direction: true, channelMessageId: true, channelRefEnc: true, sentAt: true },
    orderBy: { seq: "asc" },
  });
  const messages: ChannelMessageRef[] = rows.map((row) => ({
    direction: row.direction,
    channelMessageId: row.channelMessageId,
    channelRef: row.channelRefEnc ? cipher.decryptJson<unknown>(row.channelRefEnc) : null,
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
  await tx.message.deleteMany({ where: { conversationId: { in: conversationIds } } });

  const tickets = await tx.ticket.findMany({ where: { contactId } });
  for (const ticket of tickets) {
    const assessment = ticket.assessmentEnc
      ? withoutEvidence(cipher.decryptJson<Assessment>(ticket.assessmentEnc))
      : null;
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        assessmentEnc: assessment ? cipher.encryptJson(assessment) : null,
        detailsEnc: null,
        safeContactEnc: null,
        contactId: null,
        conversationId: null,
        erasureRequestedAt: now,
      },
    });
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "erasure_requested",
      actor: actor.type === "person" ? { type: "person" } : actor,
    });
  }
  // The history keeps what happened, no longer who it was.
  await tx.ticketEvent.updateMany({
    where: { ticketId: { in: tickets.map((t) => t.id) }, actorType: "person" },
    data: { actorId: null },
  });

  // An empty state reads as a fresh conversation (drafts gone). The version is left alone: the turn that
  // asked for the erasure writes its own reset state under the version it read.
  await tx.conversation.updateMany({ where: { contactId }, data: { state: {}, mode: "bot", caseworkerId: null } });
  for (const scope of new Set(
    (await tx.consent.findMany({ where: { contactId, granted: true }, select: { scope: true } })).map((c) => c.scope),
  )) {
    await tx.consent.create({ data: { contactId, scope, granted: false, notice: "erasure", createdAt: now } });
  }
  await tx.contact.update({ where: { id: contactId }, data: { erasedAt: now } });
  await recordAudit(tx, {
    actor,
    action: "person.erased",
    subjectType: "contact",
    subjectId: contactId,
    meta: { messages: messages.length, tickets: tickets.length },
  });
  return {
    channel: contact.channel,
    recipient: cipher.decrypt(contact.channelUserEnc),
    messages,
    ticketIds: tickets.map((t) => t.id),
  };
}
