import type { Cipher } from "../crypto/create-cipher.ts";
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/create-prisma-client.ts";
import { personKeyForConversation, sealedAt } from "../domain/privacy/person-keys.ts";
import type { Channel, Rendered, StoredOutbound } from "./types.ts";

/** Stores messages to a person before delivery: web chat reads them from the store, other channels through the outbox. */
export async function storeOutboundMessages(
  tx: Tx,
  deps: { cipher: Cipher; now: () => Date },
  options: {
    conversationId: string;
    channel: Channel;
    author: "bot" | "caseworker" | "system";
    caseworkerId?: string;
    messages: Rendered[];
  },
): Promise<StoredOutbound[]> {
  const stored: StoredOutbound[] = [];
  if (!options.messages.length) return stored;
  const key = await personKeyForConversation(tx, deps.cipher, options.conversationId);
  for (const body of options.messages) {
    const now = deps.now();
    const id = randomUUID();
    const row = await tx.message.create({
      data: {
        id,
        conversationId: options.conversationId,
        channel: options.channel,
        direction: "outbound",
        author: options.author,
        caseworkerId: options.caseworkerId ?? null,
        bodyEnc: deps.cipher.sealJsonFor(key, body, sealedAt("Message", "bodyEnc", id)),
        status: options.channel === "web" ? "sent" : "pending",
        sentAt: options.channel === "web" ? now : null,
        createdAt: now,
      },
      select: { id: true, seq: true },
    });
    stored.push({ id: row.id, seq: row.seq, body });
  }
  return stored;
}
