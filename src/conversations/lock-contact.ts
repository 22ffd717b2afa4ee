import type { Tx } from "../db/create-prisma-client.ts";
import type { Channel, ConversationMode } from "../db/generated/client.ts";

/** A person's contact as a turn needs it: locked, with their key's row and their latest conversation. */
export type LockedContact = {
  contactId: string;
  blocked: boolean;
  /** the person key's row (null when none was made yet) */
  key: { id: string; wrapped: string } | null;
  /** the latest conversation, as `saveState` and `readConversationState` need it (null when none yet) */
  conversation: {
    id: string;
    contactId: string;
    state: unknown;
    mode: ConversationMode;
    caseworkerId: string | null;
    version: number;
  } | null;
};

type Row = {
  contactId: string;
  blocked: boolean;
  keyId: string | null;
  wrapped: string | null;
  conversationId: string | null;
  state: unknown;
  mode: ConversationMode | null;
  caseworkerId: string | null;
  version: number | null;
};

/**
 * Locks the contact of a channel address for this transaction (`FOR UPDATE`: two turns of one person take
 * turns, whichever server runs them) and reads in the same statement what the turn needs besides: whether the
 * person had blocked the channel, their key's row and their latest conversation. Raw SQL because Prisma cannot
 * lock a row; one statement instead of four on every message (issue #18).
 *
 * When the lock had to wait for another server's turn of the same person, the conversation read here is from
 * before that turn: its version no longer matches, `saveState` says so, and the turn runs again on fresh rows.
 */
export async function lockContact(tx: Tx, channel: Channel, channelUserKey: string): Promise<LockedContact | null> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT c.id AS "contactId", c."blockedAt" IS NOT NULL AS blocked, k.id AS "keyId", k.wrapped,
           v.id AS "conversationId", v.state, v.mode::text AS mode, v."caseworkerId", v.version
    FROM "Contact" c
    LEFT JOIN "PersonKey" k ON k."contactId" = c.id
    LEFT JOIN LATERAL (
      SELECT id, state, mode, "caseworkerId", version FROM "Conversation"
      WHERE "contactId" = c.id ORDER BY "createdAt" DESC LIMIT 1
    ) v ON true
    WHERE c.channel = ${channel}::"Channel" AND c."channelUserKey" = ${channelUserKey}
    FOR UPDATE OF c`;
  const row = rows[0];
  if (!row) return null;
  return {
    contactId: row.contactId,
    blocked: row.blocked,
    key: row.keyId && row.wrapped ? { id: row.keyId, wrapped: row.wrapped } : null,
    conversation:
      row.conversationId && row.mode && row.version !== null
        ? {
            id: row.conversationId,
            contactId: row.contactId,
            state: row.state,
            mode: row.mode,
            caseworkerId: row.caseworkerId,
            version: row.version,
          }
        : null,
  };
}
