import type { Cipher } from "../crypto/create-cipher.ts";
import { TX_OPTIONS, type Db } from "../db/create-prisma-client.ts";
import type { Channel } from "../db/generated/client.ts";
import { mergedKeyOwner, personKeyFor, sealedAt } from "../domain/privacy/person-keys.ts";

/**
 * What became of a second address: `unknown` (nobody wrote from it), `moved` (its contact now lives at the
 * main address), `merged` (both had a contact: one contact now holds everything), `same` (one address).
 */
export type AddressMerge = "unknown" | "moved" | "merged" | "same";

/**
 * One person, one contact: when a channel learns that two addresses are the same person (WhatsApp's `@lid`
 * privacy id and their phone number), the contact at `alias` joins the one at `primary`. Its conversations,
 * tickets and consents move over, and its person key goes with them, owned by the surviving contact, so the
 * data sealed under it stays readable and erasing the person destroys both keys. Where only the alias had a
 * contact, that contact simply moves to the main address.
 */
export function createAddressMerger(deps: { db: Db; cipher: Cipher }) {
  const { db, cipher } = deps;
  return async function mergeAddresses(channel: Channel, alias: string, primary: string): Promise<AddressMerge> {
    const aliasKey = cipher.lookupKey(alias);
    const primaryKey = cipher.lookupKey(primary);
    if (aliasKey === primaryKey) return "same";
    return db.$transaction(async (tx) => {
      const from = await tx.contact.findUnique({
        where: { channel_channelUserKey: { channel, channelUserKey: aliasKey } },
        select: { id: true },
      });
      if (!from) return "unknown";
      await tx.$executeRaw`SELECT 1 FROM "Contact" WHERE id = ${from.id} FOR UPDATE`;
      const into = await tx.contact.findUnique({
        where: { channel_channelUserKey: { channel, channelUserKey: primaryKey } },
        select: { id: true },
      });
      if (!into) {
        const key = await personKeyFor(tx, cipher, from.id);
        await tx.contact.update({
          where: { id: from.id },
          data: {
            channelUserKey: primaryKey,
            channelUserEnc: cipher.sealFor(key, primary, sealedAt("Contact", "channelUserEnc", from.id)),
          },
        });
        return "moved";
      }
      await tx.$executeRaw`SELECT 1 FROM "Contact" WHERE id = ${into.id} FOR UPDATE`;
      await tx.conversation.updateMany({ where: { contactId: from.id }, data: { contactId: into.id } });
      await tx.ticket.updateMany({ where: { contactId: from.id }, data: { contactId: into.id } });
      await tx.consent.updateMany({ where: { contactId: from.id }, data: { contactId: into.id } });
      await tx.auditEvent.updateMany({
        where: { actorType: "person", actorId: from.id },
        data: { actorId: into.id },
      });
      await tx.personKey.updateMany({
        where: { contactId: from.id },
        data: { contactId: mergedKeyOwner(into.id, from.id) },
      });
      await tx.contact.delete({ where: { id: from.id } });
      return "merged";
    }, TX_OPTIONS);
  };
}
