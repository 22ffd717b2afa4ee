import nodemailer from "nodemailer";
import type { Translate } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { retryWithBackoff, type Sleep } from "../retry/retry-with-backoff.ts";

/** How often an alert email is tried before it is given up (and logged): a few minutes of a mail server's hiccup. */
const MAX_ATTEMPTS = 5;

export type UrgentTicketAlert = { ticketId: string; reference: string; ticketType: string; channel: string };

export type UrgentAlertMailer = {
  /** Emails the duty inbox about a new urgent ticket, in the background; never throws. */
  notify(alert: UrgentTicketAlert): void;
  /** Waits for the emails under way (shutdown, tests). */
  idle(): Promise<void>;
};

/**
 * Email notifications (SMTP_URL, SMTP_ALERT_TO): a new urgent ticket is told to the helpline's duty inbox
 * at once, in both languages, with its reference, type, channel and a link to the console — never the
 * person's words, name or number, which stay behind the console's sign-in and audit. A failed send is
 * retried with backoff, then logged (the console's live alerts and the queue still show the ticket).
 */
export function createUrgentAlertMailer(deps: {
  smtpUrl: string;
  from: string;
  to: readonly string[];
  t: Translate;
  log: Logger;
  /** PUBLIC_URL: where the link points; without it the email names the reference only */
  publicUrl?: string;
  sleep?: Sleep;
}): UrgentAlertMailer {
  const transport = nodemailer.createTransport(deps.smtpUrl);
  const running = new Set<Promise<void>>();

  const send = async (alert: UrgentTicketAlert) => {
    const link = deps.publicUrl
      ? new URL(`/console/tickets/${encodeURIComponent(alert.reference)}`, deps.publicUrl).toString()
      : null;
    const part = (locale: "id" | "en") =>
      [
        deps.t(locale, "console:alert_email.body", {
          reference: alert.reference,
          type: deps.t(locale, `console:types.${alert.ticketType}`),
          channel: alert.channel,
        }),
        link ?? deps.t(locale, "console:alert_email.no_link"),
      ].join("\n");
    const subject = (locale: "id" | "en") =>
      deps.t(locale, "console:alert_email.subject", { reference: alert.reference });
    const result = await retryWithBackoff(
      async () => {
        try {
          await transport.sendMail({
            from: deps.from,
            to: [...deps.to],
            subject: `${subject("id")} / ${subject("en")}`,
            text: `${part("id")}\n\n---\n\n${part("en")}\n`,
          });
          return { status: "done", value: true } as const;
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          return { status: "retry", reason: typeof code === "string" ? code : "error" } as const;
        }
      },
      { baseMs: 5_000, capMs: 60_000, maxAttempts: MAX_ATTEMPTS, ...(deps.sleep ? { sleep: deps.sleep } : {}) },
    );
    if (result.status !== "done")
      deps.log.error(
        { ticketId: alert.ticketId, reason: "reason" in result ? result.reason : result.status },
        "urgent-ticket email not sent",
      );
  };

  return {
    notify(alert) {
      const job = send(alert).catch((error: unknown) =>
        deps.log.error({ ticketId: alert.ticketId, err: String(error) }, "urgent-ticket email failed"),
      );
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async idle() {
      await Promise.all([...running]);
    },
  };
}
