import { randomUUID } from "node:crypto";
import type { Cipher } from "../crypto/create-cipher.ts";
import { TX_OPTIONS, type Db } from "../db/create-prisma-client.ts";
import { personKeyFor, sealedAt } from "../domain/privacy/person-keys.ts";
import type { State } from "../engine/types.ts";

/**
 * Stores a new web chat in one transaction: a contact of its own (the browser is anonymous; its id is sealed
 * with the contact's own person key) and a conversation that the bearer token's hash opens.
 */
export async function openWebConversation(
  deps: { db: Db; cipher: Cipher },
  chat: { channelUserId: string; tokenHash: string; state: State },
): Promise<{ conversationId: string }> {
  const { db, cipher } = deps;
  const conversation = await db.$transaction(async (tx) => {
    const id = randomUUID();
    const key = await personKeyFor(tx, cipher, id);
    const contact = await tx.contact.create({
      data: {
        id,
        channel: "web",
        channelUserKey: cipher.lookupKey(chat.channelUserId),
        channelUserEnc: cipher.sealFor(key, chat.channelUserId, sealedAt("Contact", "channelUserEnc", id)),
        locale: chat.state.locale,
      },
    });
    return tx.conversation.create({
      data: { contactId: contact.id, channel: "web", tokenHash: chat.tokenHash, state: chat.state as object },
      select: { id: true },
    });
  }, TX_OPTIONS);
  return { conversationId: conversation.id };
}
