import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { INDICATOR_IDS } from "../../domain/screening/catalogue.ts";
import type { LenteraEvent } from "../../events/event-bus.ts";
import { isLocale, type Locale, type Translate } from "../../i18n/create-i18n.ts";
import { retryWithBackoff, type Sleep } from "../../retry/retry-with-backoff.ts";
import { toDeliveryResult } from "./to-delivery-result.ts";
import type { DeliveryResult } from "../../outbox/types.ts";

type TicketOpened = Extract<LenteraEvent, { type: "ticket.opened" }>;

/** Only these priorities are posted to the caseworker group. */
export const ALERT_PRIORITIES: readonly string[] = ["urgent", "high"];
/** Alerts are tried this many times, waiting 2 s, 4 s, 8 s … (or Telegram's retry_after) in between. */
export const ALERT_MAX_ATTEMPTS = 8;
/** 2 s, 4 s, 8 s … between alert attempts, at most 5 minutes (the alert matters; the ticket is open anyway). */
const ALERT_BACKOFF = { baseMs: 2000, capMs: 300_000 } as const;
/** The caseworker group reads alerts in Indonesian. */
const ALERT_LOCALE: Locale = "id";

const KNOWN_INDICATORS = new Set<string>(INDICATOR_IDS);
const TICKET_TYPES = new Set<string>([
  "victim_assistance",
  "emergency",
  "family_tracing",
  "recruiter_report",
  "talk_to_person",
]);

/**
 * Renders a new ticket as a redacted alert for the caseworker group: reference, type, priority, the
 * person's language and the names of the indicators found — never a name, a phone number or anything the
 * person wrote. With PUBLIC_URL, a button opens the ticket in the console.
 */
export function renderTicketAlert(
  event: TicketOpened,
  t: Translate,
  publicUrl: string | undefined,
): { text: string; reply_markup?: InlineKeyboardMarkup } {
  const l = ALERT_LOCALE;
  const indicators = event.indicatorIds.map((id) =>
    KNOWN_INDICATORS.has(id) ? t(l, `screening:indicator.${id}`) : id,
  );
  const lines = [
    t(l, `telegram:alert.title_${event.priority === "urgent" ? "urgent" : "high"}`),
    t(l, "telegram:alert.reference", { reference: event.reference }),
    t(l, "telegram:alert.type", {
      type: TICKET_TYPES.has(event.ticketType) ? t(l, `telegram:alert.types.${event.ticketType}`) : event.ticketType,
    }),
    t(l, "telegram:alert.priority", {
      priority: t(l, `telegram:alert.priorities.${event.priority === "urgent" ? "urgent" : "high"}`),
    }),
    t(l, "telegram:alert.language", {
      language: t(l, `telegram:alert.languages.${isLocale(event.locale) ? event.locale : "id"}`),
    }),
  ];
  if (indicators.length)
    lines.push(t(l, "telegram:alert.indicators", { indicators: indicators.map((name) => `• ${name}`).join("\n") }));
  if (!publicUrl) return { text: lines.join("\n") };
  const url = `${publicUrl.replace(/\/+$/, "")}/console/tickets/${encodeURIComponent(event.reference)}`;
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: [[{ text: t(l, "telegram:alert.open"), url }]] } };
}

/**
 * Posts the alert, retrying in this process: short 429s inside the API transformer, longer waits,
 * 5xx and network errors here with backoff. A posted alert is marked on its ticket; one a restart
 * interrupted is posted at the next start (post-missed-alerts.ts).
 */
export async function postTicketAlert(
  deps: {
    api: Api;
    t: Translate;
    publicUrl?: string;
    chatId: string;
    /** the clock between attempts (tests pass one that does not wait) */
    sleep?: Sleep;
    /** aborts the retries (the channel is stopping) */
    signal?: AbortSignal;
  },
  event: TicketOpened,
): Promise<"sent" | "failed"> {
  return sendAlert(deps, renderTicketAlert(event, deps.t, deps.publicUrl));
}

/** The one message for the alerts held over the cap (cap-ticket-alerts.ts): how many, and a link to the queue. */
export function renderAlertSummary(
  count: number,
  t: Translate,
  publicUrl: string | undefined,
): { text: string; reply_markup?: InlineKeyboardMarkup } {
  const text = t(ALERT_LOCALE, "telegram:alert.more", { count });
  if (!publicUrl) return { text };
  const url = `${publicUrl.replace(/\/+$/, "")}/console/queue`;
  return { text, reply_markup: { inline_keyboard: [[{ text: t(ALERT_LOCALE, "telegram:alert.open_queue"), url }]] } };
}

/** Posts the summary of `count` held alerts, with the same retries as one alert. */
export async function postAlertSummary(deps: AlertDeps, count: number): Promise<"sent" | "failed"> {
  return sendAlert(deps, renderAlertSummary(count, deps.t, deps.publicUrl));
}

type AlertDeps = Parameters<typeof postTicketAlert>[0];

async function sendAlert(
  deps: AlertDeps,
  { text, reply_markup }: { text: string; reply_markup?: InlineKeyboardMarkup },
): Promise<"sent" | "failed"> {
  const result = await retryWithBackoff<undefined, DeliveryResult>(
    async () => {
      try {
        await deps.api.sendMessage(Number(deps.chatId), text, {
          ...(reply_markup ? { reply_markup } : {}),
          link_preview_options: { is_disabled: true },
        });
        return { status: "done", value: undefined };
      } catch (error) {
        const delivery = toDeliveryResult(error);
        return delivery.status === "retry"
          ? { status: "retry", reason: delivery, ...(delivery.retryAfterMs ? { afterMs: delivery.retryAfterMs } : {}) }
          : { status: "fail", reason: delivery };
      }
    },
    {
      ...ALERT_BACKOFF,
      maxAttempts: ALERT_MAX_ATTEMPTS,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    },
  );
  return result.status === "done" ? "sent" : "failed";
}
