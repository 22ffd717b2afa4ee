import { CASEWORK_LIMITS } from "../casework/casework-action-schemas.ts";
import type { Child } from "hono/jsx";
import type { Caseworker, Partner } from "../db/generated/client.ts";
import type { AuditRow } from "../casework/list-audit.ts";
import { atLeast } from "../casework/permissions.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Csrf, Layout, formatDateTime, type Tr } from "./layout.tsx";
import { needLabel } from "./ticket-cards/ticket-labels.ts";

type PageBase = { tr: Tr; lang: Locale; caseworker: Caseworker; csrf: string; back?: string; flash?: string };

/** The partner directory: everyone reads it; admins add and edit (services and provinces comma-separated). */
export function PartnersPage(props: PageBase & { partners: Partner[] }) {
  const { tr } = props;
  const admin = atLeast(props.caseworker, "admin");
  const fields = (p?: Partner) => (
    <>
      <label>
        {tr("partners.name")}{" "}
        <input
          type="text"
          name="name"
          required
          minlength={2}
          maxlength={CASEWORK_LIMITS.partnerName}
          value={p?.name ?? ""}
        />
      </label>
      <label>
        {tr("partners.services")}{" "}
        <input type="text" name="services" maxlength={800} value={p?.services.join(", ") ?? ""} />
      </label>
      <label>
        {tr("partners.provinces")}{" "}
        <input type="text" name="provinces" maxlength={800} value={p?.provinces.join(", ") ?? ""} />
      </label>
      <label>
        {tr("partners.contact")}{" "}
        <input type="text" name="contact" required minlength={3} maxlength={500} value={p?.contact ?? ""} />
      </label>
      <label>
        {tr("partners.referral_email")}{" "}
        <input type="email" name="referralEmail" maxlength={320} value={p?.referralEmail ?? ""} />
      </label>
      <label class="inline">
        <input type="checkbox" name="active" value="1" checked={p ? p.active : true} /> {tr("partners.active")}
      </label>
    </>
  );
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tr("partners.title")}
      page="partners"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      {props.flash ? <p class="flash">{props.flash}</p> : null}
      <h1>{tr("partners.title")}</h1>
      <p class="muted">{tr("partners.intro")}</p>
      {props.partners.map((p) => (
        <div class="card stack">
          <h2>
            {p.name} {p.active ? null : <span class="badge">{tr("partners.inactive")}</span>}
          </h2>
          <p>
            {p.services.map((s) => needLabel(tr, s)).join(", ")} · {p.provinces.join(", ")}
          </p>
          <p class="small">{p.contact}</p>
          {admin ? (
            <details>
              <summary>{tr("partners.edit")}</summary>
              <form method="post" action={`/console/partners/${p.id}`} class="stack">
                <Csrf token={props.csrf} />
                {fields(p)}
                <button type="submit">{tr("ticket.save")}</button>
              </form>
            </details>
          ) : null}
        </div>
      ))}
      {admin ? (
        <div class="card">
          <h2>{tr("partners.add")}</h2>
          <form method="post" action="/console/partners" class="stack">
            <Csrf token={props.csrf} />
            {fields()}
            <button type="submit">{tr("partners.add")}</button>
          </form>
        </div>
      ) : null}
    </Layout>
  );
}

/** Accounts (admins): role and on/off. New accounts and passwords: `npm run cli -- caseworker add`. */
export function AccountsPage(
  props: PageBase & {
    accounts: Caseworker[];
    /** the invitation form */
    invite?: Child;
    /** per-account actions (reset password, sign out everywhere) */
    actions?: (account: Caseworker) => Child;
  },
) {
  const { tr } = props;
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tr("accounts.title")}
      page="accounts"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      {props.flash ? <p class="flash">{props.flash}</p> : null}
      <h1>{tr("accounts.title")}</h1>
      <p class="muted">{tr("accounts.intro")}</p>
      <table class="queue">
        <thead>
          <tr>
            <th scope="col">{tr("accounts.name")}</th>
            <th scope="col">{tr("accounts.email")}</th>
            <th scope="col">{tr("accounts.role")}</th>
            <th scope="col">{tr("accounts.last_seen")}</th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr>
              <td data-label={tr("accounts.name")}>
                {a.name} {a.active ? null : <span class="badge">{tr("accounts.inactive")}</span>}
              </td>
              <td data-label={tr("accounts.email")}>{a.email}</td>
              <td data-label={tr("accounts.role")}>
                {a.id === props.caseworker.id ? (
                  tr(`roles.${a.role}`)
                ) : (
                  <form method="post" action={`/console/admin/accounts/${a.id}`} class="row">
                    <Csrf token={props.csrf} />
                    <select name="role" aria-label={tr("accounts.role")}>
                      {(["caseworker", "supervisor", "admin"] as const).map((r) => (
                        <option value={r} selected={r === a.role}>
                          {tr(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                    <label class="inline">
                      <input type="checkbox" name="active" value="1" checked={a.active} /> {tr("accounts.active")}
                    </label>
                    <button type="submit" class="secondary">
                      {tr("ticket.save")}
                    </button>
                  </form>
                )}
              </td>
              <td data-label={tr("accounts.last_seen")}>
                {a.lastSeenAt ? formatDateTime(props.lang, a.lastSeenAt) : "—"}
                {props.actions && a.id !== props.caseworker.id ? props.actions(a) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.invite ?? null}
    </Layout>
  );
}

/** The audit log (admins): every ticket read and change, filterable, exportable as CSV. */
export function AuditPage(props: PageBase & { rows: AuditRow[]; query: string; action?: string }) {
  const { tr } = props;
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tr("audit.title")}
      page="audit"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      <h1>{tr("audit.title")}</h1>
      <form method="get" action="/console/admin/audit" class="filters card">
        <label>
          {tr("audit.action")} <input type="search" name="action" value={props.action ?? ""} placeholder="ticket." />
        </label>
        <button type="submit">{tr("queue.filter.apply")}</button>
        <a class="button secondary" href={`/console/admin/audit.csv${props.query}`}>
          {tr("audit.export")}
        </a>
      </form>
      <table class="queue">
        <thead>
          <tr>
            <th scope="col">{tr("audit.time")}</th>
            <th scope="col">{tr("audit.actor")}</th>
            <th scope="col">{tr("audit.action")}</th>
            <th scope="col">{tr("audit.subject")}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td data-label={tr("audit.time")}>{formatDateTime(props.lang, r.createdAt)}</td>
              <td data-label={tr("audit.actor")}>{r.actorEmail ?? r.actorType}</td>
              <td data-label={tr("audit.action")}>
                <code>{r.action}</code>
              </td>
              <td data-label={tr("audit.subject")}>
                {r.subjectType} {r.subjectReference ?? r.subjectId ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export type SettingsView = {
  sessionIdleMinutes: number;
  secureCookies: boolean;
  health: Record<string, unknown>;
  examplePartners: number;
  /** help lines given from public sources that nobody here has confirmed */
  unconfirmedHelpLines: number;
};

/** What is configured (read-only: settings are environment variables, README "Configuration"). */
export function SettingsPage(props: PageBase & { settings: SettingsView }) {
  const { tr, settings } = props;
  const rows: [string, string][] = [
    [tr("settings.session_idle"), tr("settings.minutes", { m: settings.sessionIdleMinutes })],
    [tr("settings.secure_cookies"), settings.secureCookies ? tr("yes") : tr("settings.secure_no")],
    ...Object.entries(settings.health)
      .filter(([key]) => key !== "ok")
      .map(([key, value]): [string, string] => [key, String(value)]),
  ];
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tr("settings.title")}
      page="settings"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      <h1>{tr("settings.title")}</h1>
      <p class="muted">{tr("settings.intro")}</p>
      {settings.examplePartners ? (
        <p class="warn" role="alert">
          {tr("settings.example_partners", { count: settings.examplePartners })}{" "}
          <a href="/console/partners">{tr("nav.partners")}</a>
        </p>
      ) : null}
      {settings.unconfirmedHelpLines ? (
        <p class="warn" role="alert">
          {tr("settings.unconfirmed_help_lines", { count: settings.unconfirmedHelpLines })}{" "}
          <a href="/console/admin/help-lines">{tr("nav.help_lines")}</a>
        </p>
      ) : null}
      <div class="card">
        <dl class="facts">
          {rows.map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
      </div>
    </Layout>
  );
}
