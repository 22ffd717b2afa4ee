import type { Db } from "../../db/create-prisma-client.ts";

const DAY_MS = 24 * 3600_000;
/** Rate counters are read only in their own window (a second to an hour): a day later they are bookkeeping. */
const RATE_COUNTER_KEEP_MS = DAY_MS;

export type RecordRetention = {
  /** RETENTION_LOGIN_ATTEMPT_DAYS (0 = kept for ever) */
  loginAttemptDays: number;
  /** RETENTION_AUDIT_DAYS (0 = kept for ever) */
  auditDays: number;
};

/**
 * Deletes the records whose use has passed: sign-in attempts and audit events older than their retention
 * (each a number of days; 0 keeps them), and the shared rate counters' windows of more than a day ago (the
 * web chat's starts per address, the Telegram sends per second), which would otherwise grow by a row a
 * second while Telegram is busy. Idempotent: instances may run it at the same time.
 */
export async function purgeExpiredRecords(db: Db, now: Date, retention: RecordRetention) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const [rateCounters, loginAttempts, auditEvents] = await Promise.all([
    db.rateCounter.deleteMany({ where: { windowStart: { lt: before(RATE_COUNTER_KEEP_MS) } } }),
    retention.loginAttemptDays > 0
      ? db.loginAttempt.deleteMany({ where: { createdAt: { lt: before(retention.loginAttemptDays * DAY_MS) } } })
      : { count: 0 },
    retention.auditDays > 0
      ? db.auditEvent.deleteMany({ where: { createdAt: { lt: before(retention.auditDays * DAY_MS) } } })
      : { count: 0 },
  ]);
  return { rateCounters: rateCounters.count, loginAttempts: loginAttempts.count, auditEvents: auditEvents.count };
}
