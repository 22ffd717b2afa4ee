import nodemailer from "nodemailer";
import type { Translate } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { retryWithBackoff, type Sleep } from "../retry/retry-with-backoff.ts";

/** How often an alert email is tried before it is given up (and logged): a few minutes of a mail server's hiccup. */
const MAX_ATTEMPTS = 5;

export type UrgentTicketAlert = { ticketId: string; reference: string; ticketType: string; channel: string };
export type AssignedTicketAlert = { ticketId: string; reference: string; email: string };

export type StaffAlertMailer = {
  /** Emails the duty inbox (SMTP_ALERT_TO) about a new urgent ticket, in the background; never throws. */
  notifyUrgent(alert: UrgentTicketAlert): void;
  /** Emails a caseworker that a supervisor gave them a ticket, in the background; never throws. */
  notifyAssigned(alert: AssignedTicketAlert): void;
  /** Waits for the emails under way (shutdown, tests). */
  idle(): Promise<void>;
};

type Locale = "id" | "en";

/**
 * Email notifications for staff through SMTP_URL: a new urgent ticket to the helpline's duty inbox, a ticket
 * given to a caseworker to that caseworker. Both languages in one email; the reference, the ticket's type
 * and channel and a link to the console (PUBLIC_URL) — never the person's words, name or number, which stay
 * behind the console's sign-in and audit. A failed send is retried with backoff, then logged (the console's
 * live alerts and the queue still show the ticket).
 */
export function createStaffAlertMailer(deps: {
  smtpUrl: string;
  from: string;
  /** SMTP_ALERT_TO: where urgent tickets are told (none: they are not emailed) */
  urgentTo: readonly string[];
  t: Translate;
  log: Logger;
  /** PUBLIC_URL: where the link points; without it the email names the reference only */
  publicUrl?: string;
  sleep?: Sleep;
}): StaffAlertMailer {
  const transport = nodemailer.createTransport(deps.smtpUrl);
  const running = new Set<Promise<void>>();

  const linkTo = (reference: string) =>
    deps.publicUrl ? new URL(`/console/tickets/${encodeURIComponent(reference)}`, deps.publicUrl).toString() : null;

  const send = async (mail: {
    ticketId: string;
    reference: string;
    to: readonly string[];
    subject: (locale: Locale) => string;
    body: (locale: Locale) => string;
  }) => {
    const link = linkTo(mail.reference);
    const part = (locale: Locale) =>
      [mail.body(locale), link ?? deps.t(locale, "console:alert_email.no_link")].join("\n");
    const result = await retryWithBackoff(
      async () => {
        try {
          await transport.sendMail({
            from: deps.from,
            to: [...mail.to],
            subject: `${mail.subject("id")} / ${mail.subject("en")}`,
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
        { ticketId: mail.ticketId, reason: "reason" in result ? result.reason : result.status },
        "staff alert email not sent",
      );
  };

  const background = (ticketId: string, job: Promise<void>) => {
    const guarded = job.catch((error: unknown) =>
      deps.log.error({ ticketId, err: String(error) }, "staff alert email failed"),
    );
    running.add(guarded);
    void guarded.finally(() => running.delete(guarded));
  };

  return {
    notifyUrgent(alert) {
      if (deps.urgentTo.length === 0) return;
      background(
        alert.ticketId,
        send({
          ticketId: alert.ticketId,
          reference: alert.reference,
          to: deps.urgentTo,
          subject: (locale) => deps.t(locale, "console:alert_email.subject", { reference: alert.reference }),
          body: (locale) =>
            deps.t(locale, "console:alert_email.body", {
              reference: alert.reference,
              type: deps.t(locale, `console:types.${alert.ticketType}`),
              channel: alert.channel,
            }),
        }),
      );
    },
    notifyAssigned(alert) {
      background(
        alert.ticketId,
        send({
          ticketId: alert.ticketId,
          reference: alert.reference,
          to: [alert.email],
          subject: (locale) => deps.t(locale, "console:alert_email.assigned_subject", { reference: alert.reference }),
          body: (locale) => deps.t(locale, "console:alert_email.assigned_body", { reference: alert.reference }),
        }),
      );
    },
    async idle() {
      await Promise.all([...running]);
    },
  };
}
