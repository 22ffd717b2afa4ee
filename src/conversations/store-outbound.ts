import { randomUUID } from "node:crypto";
import type { Cipher, PersonKey } from "../crypto/create-cipher.ts";
import type { Tx } from "../db/create-prisma-client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { personKeyForConversation, sealedAt } from "../domain/privacy/person-keys.ts";
import type { Channel, Rendered, StoredOutbound } from "./types.ts";

/** A message row as one multi-row insert takes it: every column given, so that all rows have the same shape. */
export type MessageRow = Prisma.MessageCreateManyInput & {
  id: string;
  caseworkerId: string | null;
  channelMessageId: string | null;
  channelRefEnc: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

/** Messages of one author to a conversation's person, in the order they are to be sent. */
type Outbound = {
  conversationId: string;
  channel: Channel;
  author: "bot" | "caseworker" | "system";
  caseworkerId?: string;
  messages: Rendered[];
};

/** Stores messages to a person before delivery: web chat reads them from the store, other channels through the outbox. */
export async function storeOutboundMessages(
  tx: Tx,
  deps: { cipher: Cipher; now: () => Date },
  options: Outbound & {
    /** the conversation's person key, when the caller has it already */
    key?: PersonKey;
  },
): Promise<StoredOutbound[]> {
  if (options.messages.length === 0) return [];
  const key = options.key ?? (await personKeyForConversation(tx, deps.cipher, options.conversationId));
  const rows = outboundRows(deps, { ...options, key });
  return toStored(
    rows,
    await insertMessages(
      tx,
      rows.map((r) => r.row),
    ),
  );
}

/** The rows of outbound messages, sealed with the conversation's key, in the order they are to be sent. */
export function outboundRows(
  deps: { cipher: Cipher; now: () => Date },
  options: Outbound & { key: PersonKey },
): { row: MessageRow; body: Rendered }[] {
  const now = deps.now();
  const web = options.channel === "web";
  return options.messages.map((body) => {
    const id = randomUUID();
    return {
      body,
      row: {
        id,
        conversationId: options.conversationId,
        channel: options.channel,
        direction: "outbound" as const,
        author: options.author,
        caseworkerId: options.caseworkerId ?? null,
        bodyEnc: deps.cipher.sealJsonFor(options.key, body, sealedAt("Message", "bodyEnc", id)),
        channelMessageId: null,
        channelRefEnc: null,
        status: web ? ("sent" as const) : ("pending" as const),
        sentAt: web ? now : null,
        createdAt: now,
      },
    };
  });
}

/**
 * Inserts message rows in one statement and returns their ids and `seq`s in `seq` order: the rows' order (the
 * outbox sends a chat's rows by seq, the web chat reads them by it).
 */
export async function insertMessages(tx: Tx, rows: MessageRow[]): Promise<{ id: string; seq: bigint }[]> {
  if (rows.length === 0) return [];
  const stored = await tx.message.createManyAndReturn({ data: rows, select: { id: true, seq: true } });
  return stored.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}

/** The stored outbound messages of `rows`, with the `seq`s the insert gave them. */
export function toStored(rows: { row: MessageRow; body: Rendered }[], stored: { id: string; seq: bigint }[]) {
  const bodies = new Map(rows.map(({ row, body }) => [row.id, body]));
  return stored.flatMap((s): StoredOutbound[] => {
    const body = bodies.get(s.id);
    return body ? [{ id: s.id, seq: s.seq, body }] : [];
  });
}
