import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { verifyPassword } from "./hash-password.ts";
import { createSession } from "./sessions.ts";

/** Failed sign-ins counted over this window … */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** … at most this many per account (email) … */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** … and this many per network address, before sign-in is refused until the window has passed. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export type SignInResult =
  | { status: "signed_in"; caseworker: Caseworker; token: string; csrfToken: string }
  | { status: "invalid" }
  | { status: "throttled" };

/**
 * Email + password → a session. Failures are counted in LoginAttempt under keyed hashes of the email and
 * the address (no address or email is stored in clear), and every answer but success is the same
 * "invalid": nobody learns whether an account exists.
 */
export async function signIn(
  deps: { db: Db; cipher: Cipher; now: () => Date },
  input: { email: string; password: string; address: string },
): Promise<SignInResult> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const accountKey = `email:${deps.cipher.lookupKey(email)}`;
  const addressKey = `addr:${deps.cipher.lookupKey(input.address)}`;
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [accountFailures, addressFailures] = await Promise.all([
    deps.db.loginAttempt.count({ where: { key: accountKey, success: false, createdAt: { gte: since } } }),
    deps.db.loginAttempt.count({ where: { key: addressKey, success: false, createdAt: { gte: since } } }),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
    await recordAudit(deps.db, {
      actor: { type: "system" },
      action: "sign_in.throttled",
      subjectType: "caseworker",
      meta: {},
    });
    return { status: "throttled" };
  }
  const caseworker = await deps.db.caseworker.findUnique({ where: { email } });
  const ok = await verifyPassword(input.password, caseworker?.passwordHash ?? null);
  if (!ok || !caseworker || !caseworker.active) {
    await deps.db.loginAttempt.createMany({
      data: [
        { key: accountKey, success: false, createdAt: now },
        { key: addressKey, success: false, createdAt: now },
      ],
    });
    await recordAudit(deps.db, {
      actor: { type: "system" },
      action: "sign_in.failed",
      subjectType: "caseworker",
      subjectId: caseworker?.id ?? null,
    });
    return { status: "invalid" };
  }
  await deps.db.loginAttempt.create({ data: { key: accountKey, success: true, createdAt: now } });
  const { token, session } = await createSession(deps.db, caseworker.id, now);
  await recordAudit(deps.db, {
    actor: { type: "caseworker", id: caseworker.id },
    action: "sign_in",
    subjectType: "caseworker",
    subjectId: caseworker.id,
  });
  return { status: "signed_in", caseworker, token, csrfToken: session.csrfToken };
}
