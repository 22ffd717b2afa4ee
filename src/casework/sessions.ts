import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, CaseworkerSession } from "../db/generated/client.ts";

/** A session ends after this long whatever the activity: a stolen cookie is not good for ever. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;
/** Activity is written at most this often, so every page view is not a database write. */
const TOUCH_EVERY_MS = 30_000;

export type ActiveSession = { session: CaseworkerSession; caseworker: Caseworker };
export type SessionLookup = { status: "active"; active: ActiveSession } | { status: "expired" } | { status: "none" };

/** A new console session: the cookie value is returned once; only its SHA-256 is stored, with a CSRF token. */
export async function createSession(
  db: Db,
  caseworkerId: string,
  now: Date,
): Promise<{ token: string; session: CaseworkerSession }> {
  const token = randomBytes(32).toString("base64url");
  const session = await db.caseworkerSession.create({
    data: {
      tokenHash: hashSessionToken(token),
      caseworkerId,
      csrfToken: randomBytes(32).toString("base64url"),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
    },
  });
  return { token, session };
}

/**
 * The session a cookie belongs to. One idle longer than `idleMs`, past its maximum age, or of a deactivated
 * account is deleted and reported as expired. `touch: false` (background polls) does not count as activity.
 */
export async function findSession(
  db: Db,
  token: string | undefined,
  options: { now: Date; idleMs: number; touch: boolean },
): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: "none" };
  const found = await db.caseworkerSession.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { caseworker: true },
  });
  if (!found) return { status: "none" };
  const now = options.now.getTime();
  if (
    now - found.lastSeenAt.getTime() > options.idleMs ||
    now > found.expiresAt.getTime() ||
    !found.caseworker.active
  ) {
    await db.caseworkerSession.deleteMany({ where: { id: found.id } });
    return { status: "expired" };
  }
  const { caseworker, ...session } = found;
  if (options.touch && now - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.caseworkerSession.update({ where: { id: found.id }, data: { lastSeenAt: options.now } });
    await db.caseworker.update({ where: { id: caseworker.id }, data: { lastSeenAt: options.now } });
  }
  return { status: "active", active: { session, caseworker } };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.caseworkerSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of an account (password reset, deactivation). */
export async function endAllSessions(db: Pick<Db, "caseworkerSession">, caseworkerId: string): Promise<void> {
  await db.caseworkerSession.deleteMany({ where: { caseworkerId } });
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
