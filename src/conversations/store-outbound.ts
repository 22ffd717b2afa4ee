import { randomUUID } from "node:crypto";
import type { Cipher, PersonKey } from "../crypto/create-cipher.ts";
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
    /** the conversation's person key, when the caller has it already */
    key?: PersonKey;
  },
): Promise<StoredOutbound[]> {
  if (options.messages.length === 0) return [];
  const now = deps.now();
  const web = options.channel === "web";
  // One statement for the turn's replies; `seq` keeps their order (the outbox sends a chat's rows by seq).
  const key = options.key ?? (await personKeyForConversation(tx, deps.cipher, options.conversationId));
  const bodies = new Map<string, Rendered>(options.messages.map((body) => [randomUUID(), body]));
  const rows = await tx.message.createManyAndReturn({
    data: [...bodies].map(([id, body]) => ({
      id,
      conversationId: options.conversationId,
      channel: options.channel,
      direction: "outbound" as const,
      author: options.author,
      caseworkerId: options.caseworkerId ?? null,
      bodyEnc: deps.cipher.sealJsonFor(key, body, sealedAt("Message", "bodyEnc", id)),
      status: web ? ("sent" as const) : ("pending" as const),
      sentAt: web ? now : null,
      createdAt: now,
    })),
    select: { id: true, seq: true },
  });
  rows.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  return rows.map((row) => ({ id: row.id, seq: row.seq, body: bodies.get(row.id)! }));
}
