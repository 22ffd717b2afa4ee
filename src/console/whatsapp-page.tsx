import { raw } from "hono/html";
import type { Caseworker } from "../db/generated/client.ts";
import { renderQrSvg } from "./render-qr-svg.ts";
import type { WhatsAppCounters, WhatsAppStatus } from "../channels/whatsapp/types.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Csrf, Layout, formatDateTime, type Tr } from "./layout.tsx";

/** States in which an admin may forget the link and get a new QR code (not while another process holds it). */
export const RELINKABLE_STATES = ["open", "reconnecting", "logged_out", "forbidden", "replaced"] as const;

/** How often the page asks whether the state or the QR code changed (WhatsApp rotates the code every ~20 s). */
const POLL_INTERVAL_MS = 3000;
const COUNTERS: (keyof WhatsAppCounters)[] = [
  "received",
  "handled",
  "duplicates",
  "ignored",
  "sent",
  "rateLimited",
  "deleted",
  "reconnects",
];

type WhatsAppPageProps = {
  tr: Tr;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  back?: string;
  flash?: string;
  status: WhatsAppStatus | { state: "disabled" };
  /** `whatsapp:status.<state>` in the admin's language */
  stateLabel: string;
  signature: string;
  /** whether this process can relink (WhatsApp is on here) */
  canRelink: boolean;
};

/**
 * The WhatsApp link (admins): its state, and while unlinked the QR code to scan as inline SVG (no script,
 * no inline style: the CSP allows neither). Never shows the organisation's number or any chat id.
 */
export function WhatsAppPage(props: WhatsAppPageProps) {
  const { tr, status } = props;
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tr("whatsapp.title")}
      page="whatsapp"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
      refreshSeconds={15}
      data={{ signature: props.signature, poll: "/console/admin/whatsapp/poll", interval: String(POLL_INTERVAL_MS) }}
    >
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <h1>{tr("whatsapp.title")}</h1>
      <p class="muted">{tr("whatsapp.intro")}</p>
      <div class="card">
        <dl class="facts">
          <dt>{tr("whatsapp.state")}</dt>
          <dd>
            <strong data-state={status.state}>{props.stateLabel}</strong>
          </dd>
          {status.state !== "disabled" ? (
            <>
              <dt>{tr("whatsapp.since")}</dt>
              <dd>{formatDateTime(props.lang, new Date(status.since))}</dd>
              {status.lastDisconnectCode !== undefined ? (
                <>
                  <dt>{tr("whatsapp.last_disconnect")}</dt>
                  <dd>{status.lastDisconnectCode}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
        {status.state !== "disabled" ? <p class="small muted">{tr("whatsapp.refreshes")}</p> : null}
      </div>
      {status.state === "disabled" ? <Disabled tr={tr} /> : <StateHelp tr={tr} status={status} />}
      {status.state !== "disabled" &&
      props.canRelink &&
      (RELINKABLE_STATES as readonly string[]).includes(status.state) ? (
        <div class="card">
          <h2>{tr("whatsapp.relink_title")}</h2>
          <p>{tr("whatsapp.relink_intro")}</p>
          <form method="post" action="/console/admin/whatsapp/relink" class="stack">
            <Csrf token={props.csrf} />
            <label class="inline">
              <input type="checkbox" name="confirm" value="1" required /> {tr("whatsapp.relink_confirm")}
            </label>
            <button type="submit" class="danger">
              {tr("whatsapp.relink_button")}
            </button>
          </form>
        </div>
      ) : null}
      {status.state !== "disabled" ? (
        <div class="card">
          <h2>{tr("whatsapp.counters_title")}</h2>
          <dl class="facts">
            {COUNTERS.map((name) => (
              <>
                <dt>{tr(`whatsapp.counters.${name}`)}</dt>
                <dd>{status.counters[name]}</dd>
              </>
            ))}
          </dl>
        </div>
      ) : null}
    </Layout>
  );
}

function Disabled(props: { tr: Tr }) {
  return (
    <div class="card stack">
      <p>{props.tr("whatsapp.disabled_how")}</p>
      <p>
        <code>WHATSAPP_ENABLED=true</code>
      </p>
      <p class="small muted">{props.tr("whatsapp.disabled_then")}</p>
    </div>
  );
}

/** What the admin should do in this state: scan the QR code, wait, relink, or look elsewhere. */
function StateHelp(props: { tr: Tr; status: WhatsAppStatus }) {
  const { tr, status } = props;
  if (status.state === "qr" && status.qr) {
    return (
      <div class="card stack">
        <h2>{tr("whatsapp.scan_title")}</h2>
        <p>{tr("whatsapp.scan_steps")}</p>
        <div class="qr">{raw(renderQrSvg(status.qr, { title: tr("whatsapp.qr_alt") }))}</div>
        <p class="warn">{tr("whatsapp.qr_private")}</p>
      </div>
    );
  }
  const note = {
    qr: "waiting",
    connecting: "waiting",
    reconnecting: "waiting",
    standby: "standby",
    logged_out: "logged_out",
    forbidden: "forbidden",
    paused: "paused",
    replaced: "replaced",
    open: "open",
    stopped: "stopped",
  }[status.state];
  return (
    <p class={["logged_out", "forbidden", "paused", "replaced"].includes(status.state) ? "warn" : "card"}>
      {tr(`whatsapp.notes.${note}`)}
    </p>
  );
}
