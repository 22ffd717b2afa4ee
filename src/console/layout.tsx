import type { Child } from "hono/jsx";
import type { Caseworker } from "../db/generated/client.ts";
import type { Locale, Vars } from "../i18n/create-i18n.ts";
import { atLeast } from "../casework/permissions.ts";
import { statsNavLabel } from "./stats-nav-label.ts";

import { CONSOLE_TIME_ZONE } from "../domain/tickets/describe-safe-times.ts";

/** Console strings (namespace "console") in the caseworker's language. */
export type Tr = (key: string, vars?: Vars) => string;

export type LayoutProps = {
  tr: Tr;
  lang: Locale;
  title: string;
  page: string;
  caseworker?: Caseworker;
  csrf?: string;
  /** where the language switch returns to (this page) */
  back?: string;
  data?: Record<string, string>;
  /** seconds; a refresh for browsers without JavaScript (in <noscript>) */
  refreshSeconds?: number;
  children?: Child;
};

/** The page shell: header with navigation, language switch and sign-out; no inline script or style (CSP). */
export function Layout(props: LayoutProps) {
  const { tr, caseworker } = props;
  const dataAttributes = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · Lentera`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        {props.refreshSeconds ? (
          <noscript>
            <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
          </noscript>
        ) : null}
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body
        data-page={props.page}
        {...(caseworker
          ? {
              "data-live": "/console/events",
              "data-notify-title": tr("nav.notify_title"),
              "data-msg-urgent": tr("live.urgent", { reference: "{ref}" }),
              "data-msg-assigned": tr("live.assigned", { reference: "{ref}" }),
              "data-msg-message": tr("live.message", { reference: "{ref}" }),
            }
          : {})}
        {...dataAttributes}
      >
        <a class="skip" href="#main">
          {tr("nav.skip")}
        </a>
        <header class="top">
          <a class="brand" href="/console/queue">
            {tr("brand")}
          </a>
          {caseworker ? (
            <nav aria-label={tr("nav.label")}>
              <a href="/console/queue">{tr("nav.queue")}</a>
              <a href="/console/search">{tr("nav.search")}</a>
              <a href="/console/partners">{tr("nav.partners")}</a>
              {atLeast(caseworker, "supervisor") ? <a href="/console/stats">{statsNavLabel(props.lang)}</a> : null}
              {atLeast(caseworker, "admin") ? <a href="/console/admin/accounts">{tr("nav.accounts")}</a> : null}
              {atLeast(caseworker, "admin") ? <a href="/console/admin/canned">{tr("nav.canned")}</a> : null}
              {atLeast(caseworker, "admin") ? <a href="/console/admin/help-lines">{tr("nav.help_lines")}</a> : null}
              {atLeast(caseworker, "admin") ? <a href="/console/admin/audit">{tr("nav.audit")}</a> : null}
              {atLeast(caseworker, "admin") ? <a href="/console/admin/settings">{tr("nav.settings")}</a> : null}
              {atLeast(caseworker, "admin") ? <a href="/console/admin/whatsapp">{tr("nav.whatsapp")}</a> : null}
              <form method="post" action="/console/language">
                <input type="hidden" name="_csrf" value={props.csrf ?? ""} />
                <input type="hidden" name="lang" value={props.lang === "id" ? "en" : "id"} />
                {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
                <button class="link" type="submit" lang={props.lang === "id" ? "en" : "id"}>
                  {props.lang === "id" ? "English" : "Bahasa Indonesia"}
                </button>
              </form>
              <button
                type="button"
                class="link"
                id="live-notify"
                hidden
                data-on={tr("nav.notify_on")}
                data-off={tr("nav.notify_off")}
              >
                {tr("nav.notify_on")}
              </button>
              <button
                type="button"
                class="link"
                id="live-sound"
                hidden
                data-on={tr("nav.sound_on")}
                data-off={tr("nav.sound_off")}
              >
                {tr("nav.sound_on")}
              </button>
              <span
                id="live-unread"
                class="badge unread"
                hidden
                title={tr("queue.unread")}
                data-label={tr("nav.unread")}
              ></span>
              <a class="small" href="/console/account">
                {caseworker.name} ({tr(`roles.${caseworker.role}`)})
              </a>
              <form method="post" action="/console/sign-out">
                <input type="hidden" name="_csrf" value={props.csrf ?? ""} />
                <button class="link" type="submit">
                  {tr("nav.sign_out")}
                </button>
              </form>
            </nav>
          ) : null}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

/** Hidden CSRF field for every form. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** "2 h 5 min" style durations in the console's language. */
export function formatWait(tr: Tr, minutes: number): string {
  if (minutes < 1) return tr("time.just_now");
  if (minutes < 60) return tr("time.minutes", { m: minutes });
  if (minutes < 48 * 60) return tr("time.hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
  return tr("time.days", { d: Math.floor(minutes / 1440) });
}

/** A date and time on the console's clock, with its zone: "29 Nov 2026, 19.00 WIB". */
export function formatDateTime(lang: Locale, date: Date): string {
  const formatted = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: CONSOLE_TIME_ZONE,
  }).format(date);
  return `${formatted} WIB`;
}
