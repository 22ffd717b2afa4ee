import nodemailer from "nodemailer";
import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Translate } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { buildReferralForm, renderReferralText } from "./referral-form.ts";

/** After this many failed tries a referral email is marked failed; the caseworker sends it by hand. */
export const MAX_DISPATCH_ATTEMPTS = 8;
/** While one instance sends a referral, the others leave it alone this long. */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export type ReferralMailer = {
  /** Sends what is due now (after a referral, and on a timer). Never throws. */
  kick(): Promise<void>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

/**
 * Emails referral forms to partners through SMTP_URL. A referral with consent to a partner that has a
 * referral email is stored `pending` in the same transaction as the referral; this job claims due rows
 * (a lease, so two instances never send one twice), sends the bilingual form, and marks it `sent` — or
 * schedules a retry with backoff, and after MAX_DISPATCH_ATTEMPTS marks it `failed` (shown on the ticket).
 */
export function createReferralMailer(deps: {
  db: Db;
  cipher: Cipher;
  t: Translate;
  now: () => Date;
  log: Logger;
  smtpUrl: string;
  from: string;
}): ReferralMailer {
  const transport = nodemailer.createTransport(deps.smtpUrl);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const sendOne = async (id: string) => {
    const referral = await deps.db.referral.findUnique({
      where: { id },
      include: { ticket: true, partner: { select: { referralEmail: true } } },
    });
    if (!referral || !referral.partner.referralEmail) return;
    try {
      const form = await buildReferralForm(deps, referral.ticket, referral.id);
      await transport.sendMail({
        from: deps.from,
        to: referral.partner.referralEmail,
        subject: `${deps.t("id", "referral:subject", { reference: form.reference })} / ${deps.t("en", "referral:subject", { reference: form.reference })}`,
        text: renderReferralText(form, deps.t),
      });
      await deps.db.referral.update({
        where: { id },
        data: { dispatch: "sent", dispatchedAt: deps.now(), nextDispatchAt: null, dispatchError: null },
      });
    } catch (error) {
      const attempts = referral.dispatchAttempts + 1;
      const code =
        (error as { code?: unknown; responseCode?: unknown }).responseCode ?? (error as { code?: unknown }).code;
      await deps.db.referral.update({
        where: { id },
        data: {
          dispatchAttempts: attempts,
          dispatch: attempts >= MAX_DISPATCH_ATTEMPTS ? "failed" : "pending",
          nextDispatchAt: new Date(deps.now().getTime() + Math.min(30_000 * 2 ** (attempts - 1), 3_600_000)),
          dispatchError: `SMTP ${String(code ?? "error")}`.slice(0, 100),
        },
      });
      deps.log.warn({ referralId: id, attempts, code: String(code ?? "") }, "referral email not sent");
    }
  };

  const run = async () => {
    const now = deps.now();
    const due = await deps.db.referral.findMany({
      where: { dispatch: "pending", OR: [{ nextDispatchAt: null }, { nextDispatchAt: { lte: now } }] },
      orderBy: { createdAt: "asc" },
      take: BATCH,
      select: { id: true, nextDispatchAt: true },
    });
    for (const row of due) {
      // Claim: only the instance whose update matches the row as it read it sends it.
      const claimed = await deps.db.referral.updateMany({
        where: { id: row.id, dispatch: "pending", nextDispatchAt: row.nextDispatchAt },
        data: { nextDispatchAt: new Date(now.getTime() + LEASE_MS) },
      });
      if (claimed.count === 1) await sendOne(row.id);
    }
  };

  const kick = () => {
    running ??= run()
      .catch((error: unknown) => deps.log.error({ err: { name: (error as Error).name } }, "referral mailer failed"))
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    kick,
    start(intervalMs = 30_000) {
      timer ??= setInterval(() => void kick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
      transport.close();
    },
  };
}
