import type { Caseworker } from "../db/generated/client.ts";
import type { Queue, QueueFilter } from "../casework/list-queue.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { countryLabel } from "./country-label.ts";
import { Layout, formatWait, type Tr } from "./layout.tsx";

const TYPES = ["victim_assistance", "emergency", "family_tracing", "recruiter_report", "talk_to_person"];
const STATUSES = ["open", "new", "claimed", "in_progress", "referred", "closed"];

/** The queue: counts, filters, and the tickets most urgent first, then oldest first. */
export function QueuePage(props: {
  tr: Tr;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  back?: string;
  queue: Queue;
  filter: QueueFilter;
  signature: string;
  flash?: string;
  /** the person's messages since the actor last opened each ticket they hold */
  unread?: Record<string, number>;
  /** open follow-ups due today or earlier on tickets the actor holds */
  followUpsDue?: number;
}) {
  const { tr, queue, filter } = props;
  const select = (
    name: string,
    label: string,
    options: { value: string; label: string }[],
    current: string | undefined,
  ) => (
    <label>
      {label}
      <select name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === (current ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Layout
      tr={tr}
      lang={props.lang}
      title={tr("queue.title")}
      page="queue"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: `${props.back}${queryOf(props.filter)}` } : {})}
      refreshSeconds={60}
      data={{
        urgent: JSON.stringify(queue.urgent),
        signature: props.signature,
        poll: "/console/queue/poll",
        interval: "15000",
      }}
    >
      <div id="urgent-alert" class="alert-urgent" role="alert" hidden>
        <span>{tr("queue.new_urgent")}</span> <strong data-refs></strong>{" "}
        <button type="button" class="secondary">
          {tr("queue.dismiss")}
        </button>
      </div>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <h1>{tr("queue.title")}</h1>
      {props.followUpsDue ? (
        <p class="warn" role="status">
          {tr("queue.follow_ups_due", { count: props.followUpsDue })}
        </p>
      ) : null}
      <ul class="counts" aria-label={tr("queue.counts_label")}>
        <li>{tr("queue.count_open", { count: queue.counts.open })}</li>
        <li class={queue.counts.urgent ? "urgent" : ""}>{tr("queue.count_urgent", { count: queue.counts.urgent })}</li>
        <li>{tr("queue.count_unassigned", { count: queue.counts.unassigned })}</li>
        <li>{tr("queue.count_mine", { count: queue.counts.mine })}</li>
      </ul>
      {queue.load ? <LoadTable tr={tr} load={queue.load} /> : null}
      <form method="get" action="/console/queue" class="filters card" aria-label={tr("queue.filters")}>
        {select(
          "type",
          tr("queue.filter.type"),
          [{ value: "", label: tr("queue.filter.all") }, ...TYPES.map((v) => ({ value: v, label: tr(`types.${v}`) }))],
          filter.type,
        )}
        {select(
          "status",
          tr("queue.filter.status"),
          STATUSES.map((v) => ({ value: v, label: tr(`statuses.${v}`) })),
          filter.status,
        )}
        {select(
          "language",
          tr("queue.filter.language"),
          [
            { value: "", label: tr("queue.filter.all") },
            { value: "id", label: "Bahasa Indonesia" },
            { value: "en", label: "English" },
          ],
          filter.language,
        )}
        {select(
          "channel",
          tr("queue.filter.channel"),
          [
            { value: "", label: tr("queue.filter.all") },
            ...["web", "telegram", "whatsapp"].map((v) => ({ value: v, label: tr(`channels.${v}`) })),
          ],
          filter.channel,
        )}
        {select(
          "province",
          tr("queue.filter.province"),
          [{ value: "", label: tr("queue.filter.all") }, ...queue.provinces.map((p) => ({ value: p, label: p }))],
          filter.province,
        )}
        {select(
          "country",
          tr("queue.filter.country"),
          [
            { value: "", label: tr("queue.filter.all") },
            ...queue.countries.map((code) => ({ value: code, label: countryLabel(code, props.lang) })),
          ],
          filter.country,
        )}
        {select(
          "assigned",
          tr("queue.filter.assigned"),
          ["any", "me", "unassigned"].map((v) => ({ value: v, label: tr(`queue.assigned.${v}`) })),
          filter.assigned,
        )}
        <button type="submit">{tr("queue.filter.apply")}</button>
        <a href="/console/queue">{tr("queue.filter.reset")}</a>
      </form>
      {queue.tickets.length === 0 ? (
        <p class="card">{tr("queue.empty")}</p>
      ) : (
        <table class="queue">
          <caption class="muted small">{tr("queue.order")}</caption>
          <thead>
            <tr>
              <th scope="col">{tr("queue.col.priority")}</th>
              <th scope="col">{tr("queue.col.reference")}</th>
              <th scope="col">{tr("queue.col.type")}</th>
              <th scope="col">{tr("queue.col.summary")}</th>
              <th scope="col">{tr("queue.col.status")}</th>
              <th scope="col">{tr("queue.col.waiting")}</th>
              <th scope="col">{tr("queue.col.where")}</th>
              <th scope="col">{tr("queue.col.assignee")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.tickets.map((ticket) => (
              <tr class={ticket.priority === "urgent" ? "urgent" : ""} data-reference={ticket.reference}>
                <td data-label={tr("queue.col.priority")}>
                  <span class={`badge ${ticket.priority}`}>{tr(`priorities.${ticket.priority}`)}</span>
                  {ticket.child ? <span class="badge">{tr("ticket.child")}</span> : null}
                </td>
                <td data-label={tr("queue.col.reference")}>
                  <a href={`/console/tickets/${ticket.reference}`}>
                    <strong>{ticket.reference}</strong>
                  </a>
                  {ticket.awaitingReply ? <span class="badge waiting">{tr("queue.awaiting_reply")}</span> : null}
                  <span
                    class="badge unread"
                    data-unread={ticket.reference}
                    hidden={!props.unread?.[ticket.reference]}
                    title={tr("queue.unread")}
                  >
                    {String(props.unread?.[ticket.reference] ?? 0)}
                  </span>
                </td>
                <td data-label={tr("queue.col.type")}>{tr(`types.${ticket.type}`)}</td>
                <td data-label={tr("queue.col.summary")} class="summary">
                  {ticket.summary?.[props.lang] ?? ticket.summary?.id ?? ""}
                  {ticket.indicatorIds.length ? (
                    <ul class="chips" aria-label={tr("ticket.indicators")}>
                      {ticket.indicatorIds.slice(0, MAX_CHIPS).map((id) => (
                        <li class="chip" data-indicator={id}>
                          {tr("ticket.indicator_name", { id })}
                        </li>
                      ))}
                      {ticket.indicatorIds.length > MAX_CHIPS ? (
                        <li class="chip muted">
                          {tr("queue.more_indicators", { count: ticket.indicatorIds.length - MAX_CHIPS })}
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </td>
                <td data-label={tr("queue.col.status")}>
                  {ticket.erased ? tr("events.erased") : tr(`statuses.${ticket.status}`)}
                </td>
                <td data-label={tr("queue.col.waiting")}>{formatWait(tr, ticket.waitingMinutes)}</td>
                <td data-label={tr("queue.col.where")}>
                  {tr(`channels.${ticket.channel}`)} · {ticket.language.toUpperCase()}
                  {ticket.country ? ` · ${countryLabel(ticket.country, props.lang)}` : ""}
                  {ticket.province ? ` · ${ticket.province}` : ""}
                </td>
                <td data-label={tr("queue.col.assignee")}>
                  {ticket.assignee
                    ? ticket.assignee.id === props.caseworker.id
                      ? tr("queue.me")
                      : ticket.assignee.name
                    : tr("queue.unassigned")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.page > 1 || queue.hasMore ? (
        <Pager tr={tr} filter={filter} page={queue.page} hasMore={queue.hasMore} />
      ) : null}
    </Layout>
  );
}

/** The filters as a query string, so switching language keeps them. */
function queryOf(filter: QueueFilter): string {
  const params = new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]) =>
      v === undefined || v === "" || (k === "page" && v === 1) ? [] : [[k, String(v)]],
    ),
  );
  return params.size ? `?${params}` : "";
}

/** Earlier and later pages of the queue, keeping the filters. */
function Pager(props: { tr: Tr; filter: QueueFilter; page: number; hasMore: boolean }) {
  const { tr, filter, page } = props;
  const href = (to: number) => `/console/queue${queryOf({ ...filter, page: to })}`;
  return (
    <nav class="pager" aria-label={tr("queue.pager.label")}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {tr("queue.pager.previous")}
        </a>
      ) : null}
      <span>{tr("queue.pager.page", { page })}</span>
      {props.hasMore ? (
        <a href={href(page + 1)} rel="next">
          {tr("queue.pager.next")}
        </a>
      ) : null}
    </nav>
  );
}

/** indicator chips shown per row; the rest are counted */
const MAX_CHIPS = 3;

/** Supervisors' view of who holds how much. */
function LoadTable(props: { tr: Tr; load: NonNullable<Queue["load"]> }) {
  const { tr, load } = props;
  return (
    <section class="card load" aria-label={tr("queue.load.title")}>
      <h2>{tr("queue.load.title")}</h2>
      {load.length === 0 ? (
        <p class="muted">{tr("queue.load.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr("queue.load.name")}</th>
              <th scope="col">{tr("queue.load.open")}</th>
              <th scope="col">{tr("queue.load.urgent")}</th>
            </tr>
          </thead>
          <tbody>
            {load.map((row) => (
              <tr data-caseworker={row.id}>
                <td>{row.name}</td>
                <td class="num">{String(row.open)}</td>
                <td class="num">{String(row.urgent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
