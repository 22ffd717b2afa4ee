import { randomUUID } from "node:crypto";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Tx } from "../../db/create-prisma-client.ts";
import type { Channel } from "../../db/generated/client.ts";
import type { ChannelMessageRef } from "../../events/event-bus.ts";
import { recordAudit, type Actor } from "../audit/record-audit.ts";
import type { Assessment } from "../screening/index.ts";
import { withoutEvidence } from "../tickets/merge-assessments.ts";
import { recordTicketEvent } from "../tickets/record-ticket-event.ts";
import { destroyPersonKey, loadPersonKeys, openOrNull, personKeyFor, sealedAt } from "./person-keys.ts";

export type ErasedPerson = {
  channel: Channel;
  /** the person's address on the channel, decrypted, so the channel can delete the chat messages */
  recipient: string;
  /** the deleted messages as the channel knows them (ids, refs, direction, when sent) */
  messages: ChannelMessageRef[];
  ticketIds: string[];
  /** web chat: the fresh contact the conversation continues with (other channels: a new message makes one) */
  continuedAs: string | null;
};

/**
 * Erases a person (UU PDP right to erasure; the "hapus"/"delete" flow and a channel's panic wipe), by
 * crypto-shredding: their person key is destroyed, so every copy of their data — rows, old row versions,
 * WAL — is unreadable; then the rows go. Messages are deleted; tickets are pseudonymised (type, dates,
 * priority, status, indicator ids, needs and the structured summary stay, re-sealed under the organisation's
 * key; the assessment loses the person's words; details, safe contact, notes, outcome notes, override reasons
 * and recruiter names go; the link to the person is cut; `erasureRequestedAt` and an "erasure_requested"
 * event tell the caseworker why). The contact loses its identifiers and lookup hash: a person who writes
 * again is a new contact. Consent history stays as proof, with a withdrawal appended. Returns what the
 * channel needs to delete the messages from the person's phone.
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
    select: { id: true, direction: true, channelMessageId: true, channelRefEnc: true, sentAt: true },
    orderBy: { seq: "asc" },
  });
  await loadPersonKeys(tx, cipher, [contact.channelUserEnc, ...rows.map((r) => r.channelRefEnc)]);
  const messages: ChannelMessageRef[] = rows.map((row) => ({
    direction: row.direction,
    channelMessageId: row.channelMessageId,
    channelRef: openOrNull<unknown>(cipher, row.channelRefEnc, sealedAt("Message", "channelRefEnc", row.id)),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
  const recipient = contact.channelUserEnc
    ? cipher.decrypt(contact.channelUserEnc, sealedAt("Contact", "channelUserEnc", contact.id))
    : "";
  await tx.message.deleteMany({ where: { conversationId: { in: conversationIds } } });

  const tickets = await tx.ticket.findMany({ where: { contactId } });
  await loadPersonKeys(
    tx,
    cipher,
    tickets.map((t) => t.assessmentEnc),
  );
  for (const ticket of tickets) {
    const assessment = openOrNull<Assessment>(
      cipher,
      ticket.assessmentEnc,
      sealedAt("Ticket", "assessmentEnc", ticket.id),
    );
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        // What the organisation keeps, under its own key: indicators and risk, never the person's words.
        assessmentEnc: assessment ? cipher.encryptJson(withoutEvidence(assessment)) : null,
        detailsEnc: null,
        safeContactEnc: null,
        outcome: ticket.outcome ? ticket.outcome.split(":")[0]! : null,
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
  const ticketIds = tickets.map((t) => t.id);
  // Caseworkers' words about the person go with the person.
  await tx.note.deleteMany({ where: { ticketId: { in: ticketIds } } });
  await tx.ticketService.updateMany({ where: { ticketId: { in: ticketIds } }, data: { outcomeEnc: null } });
  await tx.followUp.updateMany({ where: { ticketId: { in: ticketIds } }, data: { noteEnc: null } });
  await tx.referral.updateMany({
    where: { ticketId: { in: ticketIds } },
    data: { outcomeNote: null, overrideReason: null },
  });
  await tx.recruiterMention.deleteMany({ where: { ticketId: { in: ticketIds } } });
  // The history keeps what happened, no longer who it was.
  await tx.ticketEvent.updateMany({
    where: { ticketId: { in: ticketIds }, actorType: "person" },
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
  await tx.auditEvent.updateMany({ where: { actorType: "person", actorId: contactId }, data: { actorId: null } });
  await destroyPersonKey(tx, cipher, contactId);
  await tx.contact.update({
    where: { id: contactId },
    data: { erasedAt: now, channelUserKey: `erased:${contactId}`, channelUserEnc: "" },
  });
  // The web chat goes on in the same browser conversation, as a new contact with nothing of the old one.
  // WhatsApp too, until its wipe is a durable job: a fresh contact that holds only the chat's address.
  let continuedAs: string | null = null;
  if (contact.channel === "web" || contact.channel === "whatsapp") {
    const address = contact.channel === "web" ? randomUUID() : recipient;
    const fresh = await tx.contact.create({
      data: {
        channel: contact.channel,
        channelUserKey: contact.channel === "web" ? cipher.lookupKey(address) : contact.channelUserKey,
        channelUserEnc: "",
        locale: contact.locale,
      },
    });
    const key = await personKeyFor(tx, cipher, fresh.id);
    await tx.contact.update({
      where: { id: fresh.id },
      data: { channelUserEnc: cipher.sealFor(key, address, sealedAt("Contact", "channelUserEnc", fresh.id)) },
    });
    await tx.conversation.updateMany({ where: { contactId }, data: { contactId: fresh.id } });
    continuedAs = fresh.id;
  }
  await recordAudit(tx, {
    actor: actor.type === "person" ? { type: "person" } : actor,
    action: "person.erased",
    subjectType: "contact",
    subjectId: contactId,
    meta: { messages: messages.length, tickets: tickets.length },
  });
  return { channel: contact.channel, recipient, messages, ticketIds, continuedAs };
}
