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
 * Email + password → a session. Every attempt is first written to LoginAttempt as a failure, under keyed
 * hashes of the email and the address (neither is stored in clear), and only then are the failures counted:
 * so concurrent guesses count each other before any password is checked, and at most
 * MAX_FAILURES_PER_ACCOUNT of them are ever checked in a window. A right password turns its row into a
 * success. Every answer but success is the same "invalid": nobody learns whether an account exists.
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
  const attempts = await deps.db.loginAttempt.createManyAndReturn({
    data: [
      { key: accountKey, success: false, createdAt: now },
      { key: addressKey, success: false, createdAt: now },
    ],
    select: { id: true },
  });
  const [accountFailures, addressFailures] = await Promise.all([
    deps.db.loginAttempt.count({ where: { key: accountKey, success: false, createdAt: { gte: since } } }),
    deps.db.loginAttempt.count({ where: { key: addressKey, success: false, createdAt: { gte: since } } }),
  ]);
  // This attempt is among the counted ones: the limit is reached when it is beyond the allowed number.
  if (accountFailures > MAX_FAILURES_PER_ACCOUNT || addressFailures > MAX_FAILURES_PER_ADDRESS) {
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
    await recordAudit(deps.db, {
      actor: { type: "system" },
      action: "sign_in.failed",
      subjectType: "caseworker",
      subjectId: caseworker?.id ?? null,
    });
    return { status: "invalid" };
  }
  // A right password is not a failure: neither for the account nor for the address it came from.
  await deps.db.loginAttempt.updateMany({
    where: { id: { in: attempts.map((a) => a.id) } },
    data: { success: true },
  });
  const { token, session } = await createSession(deps.db, caseworker.id, now);
  await recordAudit(deps.db, {
    actor: { type: "caseworker", id: caseworker.id },
    action: "sign_in",
    subjectType: "caseworker",
    subjectId: caseworker.id,
  });
  return { status: "signed_in", caseworker, token, csrfToken: session.csrfToken };
}
