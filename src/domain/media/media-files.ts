import type { Cipher, PersonKey } from "../../crypto/create-cipher.ts";
import type { Db, Tx } from "../../db/create-prisma-client.ts";
import type { Channel } from "../../db/generated/client.ts";
import { loadPersonKeys, openOrNull, personKeyForConversation, sealedAt } from "../privacy/person-keys.ts";
import type { MediaLimits, MediaVerdict } from "./media-limits.ts";
import { sniffMediaType } from "./sniff-media-type.ts";

/**
 * How a person's file reaches Lentera: fetched later from the channel (`source` is what the channel's
 * downloader needs, sealed until then; `announcedBytes` the size the channel gave), or uploaded with the
 * message (the web chat), its type already read from its bytes.
 */
export type InboundMedia =
  | { type: "remote"; source: unknown; announcedBytes?: number }
  | { type: "upload"; bytes: Uint8Array; mimeType: string };

export type MediaKind = "photo" | "document" | "voice" | "video" | "other";

/** A file's record as the transcript shows it (no bytes). */
export type MediaSummary = {
  id: string;
  kind: string;
  status: "pending" | "stored" | "refused" | "failed";
  mimeType: string | null;
  size: number | null;
  reason: string | null;
};

/**
 * Records the file of a stored inbound message, in the message's transaction: refused (over a limit: the
 * record says why, nothing of the file is kept), stored at once (an upload), or pending its download.
 */
export async function createMediaFile(
  tx: Tx,
  cipher: Cipher,
  key: PersonKey,
  input: {
    messageId: string;
    conversationId: string;
    contactId: string;
    channel: Channel;
    kind: MediaKind;
    media: InboundMedia;
    verdict: MediaVerdict;
    now: Date;
    limits: MediaLimits;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  const { media, verdict, now } = input;
  const base = {
    id,
    messageId: input.messageId,
    conversationId: input.conversationId,
    contactId: input.contactId,
    channel: input.channel,
    kind: input.kind,
    createdAt: now,
    expiresAt: input.limits.retentionDays ? new Date(now.getTime() + input.limits.retentionDays * 86_400_000) : null,
  };
  const announced = media.type === "upload" ? media.bytes.byteLength : media.announcedBytes;
  if (verdict.status === "refused") {
    await tx.mediaFile.create({
      data: {
        ...base,
        status: "refused",
        reason: verdict.reason,
        ...(announced !== undefined ? { size: announced } : {}),
      },
    });
  } else if (media.type === "upload") {
    await tx.mediaFile.create({
      data: {
        ...base,
        status: "stored",
        mimeType: media.mimeType,
        size: media.bytes.byteLength,
        keyId: key.id,
        bytesEnc: new Uint8Array(cipher.sealBytesFor(key, media.bytes, sealedAt("MediaFile", "bytesEnc", id))),
        storedAt: now,
      },
    });
  } else {
    await tx.mediaFile.create({
      data: {
        ...base,
        status: "pending",
        sourceEnc: cipher.sealJsonFor(key, media.source, sealedAt("MediaFile", "sourceEnc", id)),
        ...(announced !== undefined ? { size: announced } : {}),
        nextAttemptAt: now,
      },
    });
  }
  return id;
}

/** A download to do: the file's id, the channel's source (decrypted), and how many tries it had. */
export type MediaDownload = { id: string; source: unknown; attempts: number };

/** Takes the channel's downloads that are due, for `leaseMs` (another instance skips them meanwhile). */
export async function claimMediaDownloads(
  db: Db,
  cipher: Cipher,
  channel: Channel,
  now: Date,
  options: { limit?: number; leaseMs?: number } = {},
): Promise<MediaDownload[]> {
  const until = new Date(now.getTime() + (options.leaseMs ?? 5 * 60_000));
  const ids = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "MediaFile"
       WHERE status = 'pending' AND channel = ${channel}::"Channel" AND "nextAttemptAt" <= ${now}
         AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
       ORDER BY "nextAttemptAt" LIMIT ${options.limit ?? 10} FOR UPDATE SKIP LOCKED`;
    if (rows.length)
      await tx.mediaFile.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { claimedUntil: until } });
    return rows.map((r) => r.id);
  });
  if (!ids.length) return [];
  const rows = await db.mediaFile.findMany({
    where: { id: { in: ids } },
    select: { id: true, sourceEnc: true, attempts: true },
  });
  await loadPersonKeys(
    db,
    cipher,
    rows.map((r) => r.sourceEnc),
  );
  return rows.map((row) => ({
    id: row.id,
    source: openOrNull<unknown>(cipher, row.sourceEnc, sealedAt("MediaFile", "sourceEnc", row.id)),
    attempts: row.attempts,
  }));
}

/**
 * Keeps a downloaded file: its type read from its bytes, sealed under the key of the person whose
 * conversation it is now. A file larger than the limit is refused (a channel that announced less). False when the file's
 * record is gone (the person erased their data meanwhile).
 */
export async function saveMediaBytes(
  db: Db,
  cipher: Cipher,
  input: { id: string; bytes: Uint8Array; now: Date; maxFileBytes: number },
): Promise<boolean> {
  const row = await db.mediaFile.findUnique({ where: { id: input.id }, select: { conversationId: true } });
  if (!row) return false;
  if (input.bytes.byteLength > input.maxFileBytes) {
    await finishMediaDownload(db, input.id, { status: "refused", reason: "too_large" });
    return true;
  }
  // the conversation's person now (one person seen at two WhatsApp addresses may have been joined meanwhile)
  const key = await personKeyForConversation(db, cipher, row.conversationId);
  const sealed = cipher.sealBytesFor(key, input.bytes, sealedAt("MediaFile", "bytesEnc", input.id));
  const updated = await db.mediaFile.updateMany({
    where: { id: input.id, status: "pending" },
    data: {
      status: "stored",
      mimeType: sniffMediaType(input.bytes),
      size: input.bytes.byteLength,
      keyId: key.id,
      bytesEnc: new Uint8Array(sealed),
      sourceEnc: null,
      storedAt: input.now,
      claimedUntil: null,
      lastError: null,
    },
  });
  return updated.count > 0;
}

/** A download that will not succeed: refused or failed, with why; the channel's source is forgotten. */
export async function finishMediaDownload(
  db: Db,
  id: string,
  outcome: { status: "refused" | "failed"; reason: string },
): Promise<void> {
  await db.mediaFile.updateMany({
    where: { id, status: "pending" },
    data: { status: outcome.status, reason: outcome.reason, sourceEnc: null, claimedUntil: null },
  });
}

/** A download to try again at `nextAttemptAt`. */
export async function retryMediaDownload(
  db: Db,
  id: string,
  input: { attempts: number; nextAttemptAt: Date; error: string },
): Promise<void> {
  await db.mediaFile.updateMany({
    where: { id, status: "pending" },
    data: { attempts: input.attempts, nextAttemptAt: input.nextAttemptAt, lastError: input.error, claimedUntil: null },
  });
}

/** Deletes the files whose retention ran out (RETENTION_MEDIA_DAYS); their messages stay, saying so. */
export async function purgeExpiredMedia(db: Db, now: Date): Promise<number> {
  const { count } = await db.mediaFile.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** The files of these messages, for the transcript. */
export async function listMediaOf(db: Db | Tx, messageIds: readonly string[]): Promise<Map<string, MediaSummary>> {
  if (!messageIds.length) return new Map();
  const rows = await db.mediaFile.findMany({
    where: { messageId: { in: [...messageIds] } },
    select: { id: true, messageId: true, kind: true, status: true, mimeType: true, size: true, reason: true },
  });
  return new Map(rows.map(({ messageId, ...row }) => [messageId, row]));
}

/** One file's bytes, decrypted, when it belongs to this conversation and is stored; null otherwise. */
export async function openMediaFile(
  db: Db,
  cipher: Cipher,
  input: { id: string; conversationId: string },
): Promise<{ bytes: Buffer; mimeType: string; kind: string; size: number } | null> {
  const row = await db.mediaFile.findFirst({
    where: { id: input.id, conversationId: input.conversationId, status: "stored" },
  });
  if (!row?.bytesEnc || !row.keyId || !row.mimeType) return null;
  if (!cipher.keys.get(row.keyId)) {
    const key = await db.personKey.findUnique({ where: { id: row.keyId } });
    if (!key) return null; // erased: the bytes can never be read again
    cipher.keys.remember(cipher.unwrapKey(key.id, key.wrapped));
  }
  try {
    const bytes = cipher.openBytes(row.keyId, row.bytesEnc, sealedAt("MediaFile", "bytesEnc", row.id));
    return { bytes, mimeType: row.mimeType, kind: row.kind, size: bytes.byteLength };
  } catch {
    return null;
  }
}
