import type { Child } from "hono/jsx";
import type { Caseworker, Partner } from "../db/generated/client.ts";
import type { TicketView } from "../casework/read-ticket.ts";
import { MANUAL_STATUSES, OUTCOMES } from "../casework/change-status.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Csrf, Layout, formatDateTime, formatWait, type Tr } from "./layout.tsx";
import { TranscriptItems } from "./transcript.tsx";

export type TicketPageProps = {
  tr: Tr;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  back?: string;
  view: TicketView;
  partners: Partner[];
  caseworkers: Pick<Caseworker, "id" | "name" | "role">[];
  now: Date;
  flash?: string;
  error?: string;
  /** a reply that was held back (outside safe times) and waits for confirmation */
  draft?: string;
  confirmSafeTimes?: boolean;
  /** the canned-reply picker shown above the reply box */
  cannedPicker?: Child;
  /** the case-work card (services, follow-ups, links, tags) */
  caseWorkCard?: Child;
  /** how each referral reaches its partner (email or by hand), with its printable form */
  referralDispatch?: (referralId: string) => Child;
};

/** One ticket: what is known, the conversation, and every action the caseworker's role allows. */
export function TicketPage(props: TicketPageProps) {
  const { tr, view, lang } = props;
  const { ticket, allowed } = view;
  const ref = ticket.reference;
  const action = (path: string) => `/console/tickets/${ref}/${path}`;
  const cursor = view.transcript.at(-1)?.cursor ?? "0";
  const inHandoff = view.conversation?.mode === "human";
  const canWrite = allowed["ticket.reply"] && view.conversation && !view.conversation.erased;
  return (
    <Layout
      tr={tr}
      lang={lang}
      title={`${tr("ticket.title")} ${ref}`}
      page="ticket"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      <p>
        <a href="/console/queue">← {tr("nav.queue")}</a>
      </p>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      {props.error ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div class="card">
        <h1>
          {tr("ticket.title")} {ref}
        </h1>
        <div class="row">
          <span class={`badge ${ticket.priority}`}>{tr(`priorities.${ticket.priority}`)}</span>
          <span class="badge">{tr(`types.${ticket.type}`)}</span>
          <span class="badge" data-status={ticket.status}>
            {tr(`statuses.${ticket.status}`)}
          </span>
          {ticket.emergency ? <span class="badge urgent">{tr("ticket.emergency")}</span> : null}
          {ticket.child ? <span class="badge high">{tr("ticket.child")}</span> : null}
          {inHandoff ? <span class="badge waiting">{tr("ticket.in_handoff")}</span> : null}
        </div>
        <dl class="facts">
          <dt>{tr("ticket.assignee")}</dt>
          <dd data-assignee>{view.assignee ? view.assignee.name : tr("queue.unassigned")}</dd>
          <dt>{tr("ticket.opened")}</dt>
          <dd>
            {formatDateTime(lang, ticket.createdAt)} (
            {formatWait(tr, Math.floor((props.now.getTime() - ticket.createdAt.getTime()) / 60_000))})
          </dd>
          <dt>{tr("ticket.where")}</dt>
          <dd>
            {tr(`channels.${ticket.channel}`)} · {ticket.locale.toUpperCase()}
            {ticket.province ? ` · ${ticket.province}` : ""}
            {ticket.country ? ` · ${ticket.country}` : ""}
          </dd>
          {ticket.outcome ? (
            <>
              <dt>{tr("ticket.outcome")}</dt>
              <dd>{outcomeLabel(tr, ticket.outcome)}</dd>
            </>
          ) : null}
        </dl>
        <div class="row">
          {allowed["ticket.claim"] ? (
            <form method="post" action={action("claim")}>
              <Csrf token={props.csrf} />
              <button type="submit">{tr("ticket.claim")}</button>
            </form>
          ) : null}
          {allowed["ticket.release"] ? (
            <form method="post" action={action("release")}>
              <Csrf token={props.csrf} />
              <button type="submit" class="secondary">
                {tr("ticket.release")}
              </button>
            </form>
          ) : null}
          {allowed["ticket.reassign"] ? (
            <form method="post" action={action("reassign")} class="row">
              <Csrf token={props.csrf} />
              <label class="inline">
                {tr("ticket.reassign_to")}
                <select name="assigneeId" required>
                  {props.caseworkers.map((c) => (
                    <option value={c.id} selected={c.id === ticket.assigneeId}>
                      {c.name} ({tr(`roles.${c.role}`)})
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" class="secondary">
                {tr("ticket.reassign")}
              </button>
            </form>
          ) : null}
        </div>
      </div>

      <div class="grid">
        <div>
          <section class="card" aria-labelledby="h-transcript">
            <h2 id="h-transcript">{tr("ticket.transcript")}</h2>
            {view.erased || view.conversation?.erased ? <p class="warn">{tr("ticket.erased")}</p> : null}
            {view.earlier ? (
              <p>
                <a href={`/console/tickets/${ref}?before=${view.earlier}`}>{tr("ticket.load_earlier")}</a>
              </p>
            ) : null}
            {view.paged ? (
              <p>
                <a href={`/console/tickets/${ref}`}>{tr("ticket.load_newest")}</a>
              </p>
            ) : null}
            <ol
              id="transcript"
              class="transcript"
              aria-live="polite"
              data-cursor={cursor}
              {...(view.paged ? {} : { "data-poll": action("transcript") })}
              data-interval="4000"
            >
              {view.transcript.length === 0 ? (
                <li id="transcript-empty" class="muted">
                  {tr("ticket.no_messages")}
                </li>
              ) : null}
              <TranscriptItems tr={tr} lang={lang} messages={view.transcript} />
            </ol>
          </section>
          {canWrite ? (
            <section class="card stack" aria-labelledby="h-reply">
              <h2 id="h-reply">{tr("ticket.reply")}</h2>
              {!view.safeNow ? (
                <p class="warn" role="alert">
                  {tr("ticket.outside_safe_times")}
                </p>
              ) : null}
              <p class="small muted">{inHandoff ? tr("ticket.reply_help_handoff") : tr("ticket.reply_help_first")}</p>
              {props.cannedPicker ?? null}
              <form method="post" action={action("reply")} class="stack">
                <Csrf token={props.csrf} />
                <label for="reply-text">{tr("ticket.reply_label")}</label>
                <textarea id="reply-text" name="text" required maxlength={4000}>
                  {props.draft ?? ""}
                </textarea>
                {!view.safeNow || props.confirmSafeTimes ? (
                  <label class="inline">
                    <input type="checkbox" name="confirmOutsideSafeTimes" value="1" />{" "}
                    {tr("ticket.confirm_outside_safe_times")}
                  </label>
                ) : null}
                <button type="submit">{tr("ticket.send")}</button>
              </form>
              {inHandoff ? (
                <form method="post" action={action("hand-back")}>
                  <Csrf token={props.csrf} />
                  <button type="submit" class="secondary">
                    {tr("ticket.hand_back")}
                  </button>
                </form>
              ) : null}
            </section>
          ) : null}
          <section class="card stack" aria-labelledby="h-notes">
            <h2 id="h-notes">{tr("ticket.notes")}</h2>
            {view.notes.length ? (
              <ul class="plain">
                {view.notes.map((n) => (
                  <li>
                    <span class="small muted">
                      {n.author} · {formatDateTime(lang, n.createdAt)}
                    </span>
                    <div class="msg">{n.text}</div>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{tr("ticket.no_notes")}</p>
            )}
            {allowed["ticket.note"] ? (
              <form method="post" action={action("notes")} class="stack">
                <Csrf token={props.csrf} />
                <label for="note-text">{tr("ticket.note_label")}</label>
                <textarea id="note-text" name="text" required maxlength={8000}></textarea>
                <button type="submit" class="secondary">
                  {tr("ticket.add_note")}
                </button>
              </form>
            ) : null}
          </section>
        </div>

        <div>
          {view.summary ? (
            <section class="card" aria-labelledby="h-summary">
              <h2 id="h-summary">{tr("ticket.summary")}</h2>
              <p class="msg">
                {(lang === "en" ? view.summary.en : view.summary.id) ?? view.summary.id ?? view.summary.en}
              </p>
            </section>
          ) : null}
          <section class="card" aria-labelledby="h-assessment">
            <h2 id="h-assessment">{tr("ticket.assessment")}</h2>
            <dl class="facts">
              <dt>{tr("ticket.risk")}</dt>
              <dd>{tr(`risks.${view.assessment?.risk ?? ticket.risk}`)}</dd>
              <dt>{tr("ticket.palermo")}</dt>
              <dd>
                {(["act", "means", "purpose"] as const)
                  .map((k) => `${tr(`palermo.${k}`)}: ${view.assessment?.palermo?.[k] ? tr("yes") : tr("no")}`)
                  .join(" · ")}
              </dd>
            </dl>
            <h3>{tr("ticket.indicators")}</h3>
            {view.assessment?.indicators.length ? (
              <ul class="plain">
                {view.assessment.indicators.map((i) => (
                  <li>
                    <code>{i.id}</code> {i.strength ? <span class="badge">{i.strength}</span> : null}
                    {i.evidence ? <div class="evidence">“{i.evidence}”</div> : null}
                  </li>
                ))}
              </ul>
            ) : ticket.indicatorIds.length ? (
              <p>{ticket.indicatorIds.join(", ")}</p>
            ) : (
              <p class="muted">{tr("ticket.no_indicators")}</p>
            )}
            {view.assessment?.explanation ? (
              <>
                <h3>{tr("ticket.why")}</h3>
                <p>{(lang === "en" ? view.assessment.explanation.en : view.assessment.explanation.id) ?? ""}</p>
              </>
            ) : null}
          </section>
          <section class="card" aria-labelledby="h-needs">
            <h2 id="h-needs">{tr("ticket.needs")}</h2>
            {ticket.needs.length ? (
              <p>{ticket.needs.map((n) => needLabel(tr, n)).join(", ")}</p>
            ) : (
              <p class="muted">{tr("ticket.none_given")}</p>
            )}
            <h3>{tr("ticket.safe_contact")}</h3>
            {view.safeContact && Object.keys(view.safeContact).length ? (
              <dl class="facts">
                {Object.entries(view.safeContact).map(([k, v]) => (
                  <>
                    <dt>{tr(`safe_contact.${k in SAFE_KEYS ? k : "other"}`)}</dt>
                    <dd>
                      {typeof v === "string"
                        ? SAFE_VALUES.includes(v)
                          ? tr(`safe_contact.values.${v}`)
                          : v
                        : JSON.stringify(v)}
                    </dd>
                  </>
                ))}
              </dl>
            ) : (
              <p class="muted">{tr("ticket.none_given")}</p>
            )}
            <h3>{tr("ticket.consents")}</h3>
            <p>{view.shareConsent ? tr("ticket.share_yes") : tr("ticket.share_no")}</p>
            {view.consents.length ? (
              <ul class="plain small">
                {view.consents.map((c) => (
                  <li>
                    {c.scope}: {c.granted ? tr("yes") : tr("no")} · {formatDateTime(lang, c.createdAt)}
                  </li>
                ))}
              </ul>
            ) : null}
            {view.details && Object.keys(view.details).length ? (
              <>
                <h3>{tr("ticket.details")}</h3>
                <dl class="facts">
                  {Object.entries(view.details).map(([k, v]) => (
                    <>
                      <dt>{k}</dt>
                      <dd>{typeof v === "string" ? v : JSON.stringify(v)}</dd>
                    </>
                  ))}
                </dl>
              </>
            ) : null}
          </section>
          {allowed["ticket.change_status"] ? (
            <section class="card stack" aria-labelledby="h-status">
              <h2 id="h-status">{tr("ticket.status")}</h2>
              {ticket.status !== "closed" && ticket.status !== "in_progress" && ticket.status !== "new" ? (
                <form method="post" action={action("status")}>
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="status" value="in_progress" />
                  <button type="submit" class="secondary">
                    {tr("ticket.mark_in_progress")}
                  </button>
                </form>
              ) : null}
              {ticket.status === "closed" ? (
                <form method="post" action={action("status")}>
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="status" value="in_progress" />
                  <button type="submit" class="secondary">
                    {tr("ticket.reopen")}
                  </button>
                </form>
              ) : (
                <form method="post" action={action("status")} class="stack">
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="status" value={MANUAL_STATUSES[1]} />
                  <label for="outcome">{tr("ticket.outcome_label")}</label>
                  <select id="outcome" name="outcome" required>
                    <option value="">{tr("ticket.choose")}</option>
                    {OUTCOMES.map((o) => (
                      <option value={o}>{tr(`outcomes.${o}`)}</option>
                    ))}
                  </select>
                  <label for="outcome-note">{tr("ticket.outcome_note")}</label>
                  <input id="outcome-note" name="outcomeNote" type="text" maxlength={500} />
                  <button type="submit" class="danger">
                    {tr("ticket.close")}
                  </button>
                </form>
              )}
            </section>
          ) : null}
          <section class="card stack" aria-labelledby="h-referrals">
            <h2 id="h-referrals">{tr("ticket.referrals")}</h2>
            {view.referrals.length ? (
              <ul class="plain">
                {view.referrals.map((r) => (
                  <li>
                    <strong>{r.partner}</strong> · {tr(`referral_status.${r.status}`)} ·{" "}
                    {formatDateTime(lang, r.createdAt)} · {r.createdBy}
                    <div class="small">
                      {r.consent
                        ? tr("ticket.with_consent")
                        : tr("ticket.override", { reason: r.overrideReason ?? "" })}
                    </div>
                    {r.outcomeNote ? <div class="small">{r.outcomeNote}</div> : null}
                    {props.referralDispatch?.(r.id) ?? null}
                    {allowed["ticket.refer"] ? (
                      <form method="post" action={action(`referrals/${r.id}`)} class="row">
                        <Csrf token={props.csrf} />
                        <select name="status" aria-label={tr("ticket.referral_outcome")}>
                          {["pending", "accepted", "declined", "completed"].map((s) => (
                            <option value={s} selected={s === r.status}>
                              {tr(`referral_status.${s}`)}
                            </option>
                          ))}
                        </select>
                        <input
                          type="text"
                          name="note"
                          maxlength={500}
                          aria-label={tr("ticket.referral_note")}
                          placeholder={tr("ticket.referral_note")}
                        />
                        <button type="submit" class="secondary">
                          {tr("ticket.save")}
                        </button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{tr("ticket.no_referrals")}</p>
            )}
            {allowed["ticket.refer"] &&
            ticket.status !== "closed" &&
            (view.shareConsent || allowed["ticket.refer_override"]) ? (
              <form method="post" action={action("referrals")} class="stack">
                <Csrf token={props.csrf} />
                <label for="partner">{tr("ticket.partner")}</label>
                <select id="partner" name="partnerId" required>
                  {props.partners.map((p) => (
                    <option value={p.id}>
                      {p.name} — {p.services.map((s) => needLabel(tr, s)).join(", ")} ({p.provinces.join(", ")})
                    </option>
                  ))}
                </select>
                {!view.shareConsent ? (
                  <>
                    <p class="warn">{tr("ticket.no_consent_override")}</p>
                    <label for="override">{tr("ticket.override_reason")}</label>
                    <textarea id="override" name="overrideReason" required minlength={10} maxlength={1000}></textarea>
                  </>
                ) : null}
                <button type="submit" class="secondary">
                  {tr("ticket.refer")}
                </button>
              </form>
            ) : allowed["ticket.refer"] && !view.shareConsent ? (
              <p class="muted small">{tr("ticket.no_consent")}</p>
            ) : null}
          </section>
          {props.caseWorkCard ?? null}
          <section class="card" aria-labelledby="h-events">
            <h2 id="h-events">{tr("ticket.history")}</h2>
            <ol class="plain small">
              {view.events.map((e) => (
                <li>
                  {formatDateTime(lang, e.createdAt)} ·{" "}
                  {tr(`events.${e.type in EVENT_KEYS ? e.type : "other"}`, { type: e.type })} ·{" "}
                  {e.actor === "system" || e.actor === "person" || e.actor === "cli"
                    ? tr(`actors.${e.actor}`)
                    : e.actor}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </Layout>
  );
}

const SAFE_VALUES = ["this_chat", "call", "message", "wait_for_me", "morning", "afternoon", "evening", "any"];
const NEEDS = [
  "shelter",
  "health",
  "legal",
  "going_home",
  "counselling",
  "livelihood",
  "education",
  "family_counselling",
  "escort",
];

/** A need or service in the console's language; one the console does not know is shown as written. */
export function needLabel(tr: Tr, need: string): string {
  return NEEDS.includes(need) ? tr(`needs.${need}`) : need;
}

const SAFE_KEYS = { method: 1, time: 1, number: 1 } as const;
const EVENT_KEYS = {
  service_recorded: 1,
  service_updated: 1,
  follow_up_set: 1,
  follow_up_done: 1,
  tags_set: 1,
  ticket_linked: 1,
  created: 1,
  updated: 1,
  claimed: 1,
  released: 1,
  reassigned: 1,
  status_changed: 1,
  note_added: 1,
  referred: 1,
  referral_updated: 1,
  message_sent: 1,
  handed_back: 1,
  erased: 1,
} as const;

function outcomeLabel(tr: Tr, outcome: string): string {
  const [code, ...rest] = outcome.split(": ");
  const known = (OUTCOMES as readonly string[]).includes(code ?? "");
  return known ? [tr(`outcomes.${code}`), rest.join(": ")].filter(Boolean).join(": ") : outcome;
}
