import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker } from "../db/generated/client.ts";

const PREFIX = "lnt_";

/** A personal API token: shown once, stored only as a SHA-256 hash. */
export function newApiToken(): { token: string; hash: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token) };
}

/** How stale a caseworker's last-seen time may get before a request writes it again. */
export const LAST_SEEN_EVERY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A request with a personal API token: the active caseworker it belongs to (their last-seen time updated),
 * or null for an unknown, malformed or switched-off account's token.
 */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<Caseworker | null> {
  const caseworker = await findCaseworkerByToken(db, token, now);
  if (!caseworker) return null;
  // No write on every read: the last-seen time moves at most once a minute (presence, not an audit trail).
  if (!caseworker.lastSeenAt || now.getTime() - caseworker.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS)
    await db.caseworker.update({ where: { id: caseworker.id }, data: { lastSeenAt: now } });
  return caseworker;
}

/**
 * The active caseworker a bearer token belongs to, or null: unknown, inactive, and expired tokens alike
 * (a token without an expiry is one from before expiries; the migration gave those one).
 */
export async function findCaseworkerByToken(db: Db, token: string, now = new Date()): Promise<Caseworker | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const caseworker = await db.caseworker.findUnique({ where: { apiTokenHash: hashApiToken(token) } });
  if (!caseworker?.active) return null;
  if (caseworker.apiTokenExpiresAt && caseworker.apiTokenExpiresAt <= now) return null;
  return caseworker;
}
