import type { Caseworker } from "../db/generated/client.ts";
import type { SearchQuery, SearchResult } from "../casework/search-tickets.ts";
import { TRANSCRIPT_SEARCH_DAYS } from "../casework/search-tickets.ts";
import { INDICATOR_IDS } from "../domain/screening/index.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import { Layout, formatDateTime, type Tr } from "./layout.tsx";

const TYPES = ["victim_assistance", "emergency", "family_tracing", "recruiter_report", "talk_to_person"];
const STATUSES = ["new", "claimed", "in_progress", "referred", "closed"];

/**
 * Search: one box for a reference, a phone number or words, and filters; results link to the tickets.
 * Words are searched in the transcripts of the last TRANSCRIPT_SEARCH_DAYS days that the role may read.
 */
export function SearchPage(props: {
  tr: Tr;
  /** strings of the "workday" namespace */
  tw: Tr;
  lang: Locale;
  caseworker: Caseworker;
  csrf: string;
  back?: string;
  query: SearchQuery;
  result: SearchResult | null;
  partners: { id: string; name: string }[];
  caseworkers: { id: string; name: string }[];
  invalid?: boolean;
}) {
  const { tr, tw, query, result } = props;
  const select = (name: keyof SearchQuery, label: string, options: { value: string; label: string }[]) => (
    <label>
      {label}
      <select name={name}>
        <option value="">{tw("search.any")}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === (query[name] ?? "")}>
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
      title={tw("search.title")}
      page="search"
      caseworker={props.caseworker}
      csrf={props.csrf}
      {...(props.back ? { back: props.back } : {})}
    >
      <h1>{tw("search.title")}</h1>
      <form method="get" action="/console/search" class="filters card" role="search">
        <label class="wide">
          {tw("search.q")}
          <input
            type="search"
            name="q"
            value={query.q ?? ""}
            maxlength={200}
            placeholder={tw("search.q_placeholder")}
            autofocus
          />
        </label>
        {select(
          "type",
          tr("queue.filter.type"),
          TYPES.map((v) => ({ value: v, label: tr(`types.${v}`) })),
        )}
        {select(
          "status",
          tr("queue.filter.status"),
          STATUSES.map((v) => ({ value: v, label: tr(`statuses.${v}`) })),
        )}
        <label>
          {tw("search.country")}
          <input type="text" name="country" value={query.country ?? ""} maxlength={2} size={3} placeholder="SA" />
        </label>
        <label>
          {tw("search.indicator")}
          <input
            type="text"
            name="indicator"
            value={query.indicator ?? ""}
            maxlength={40}
            placeholder="FL-01-documents"
            list="indicator-list"
          />
          <datalist id="indicator-list">
            {INDICATOR_IDS.map((id) => (
              <option value={id}>{tr("ticket.indicator_name", { id })}</option>
            ))}
          </datalist>
        </label>
        {select(
          "partnerId",
          tw("search.partner"),
          props.partners.map((p) => ({ value: p.id, label: p.name })),
        )}
        {select(
          "assigneeId",
          tw("search.caseworker"),
          props.caseworkers.map((p) => ({ value: p.id, label: p.name })),
        )}
        <label>
          {tw("search.from")}
          <input type="date" name="from" value={query.from ?? ""} />
        </label>
        <label>
          {tw("search.to")}
          <input type="date" name="to" value={query.to ?? ""} />
        </label>
        <button type="submit">{tw("search.submit")}</button>
      </form>
      <p class="small">{tw("search.hint", { days: TRANSCRIPT_SEARCH_DAYS })}</p>
      {props.invalid ? (
        <p class="error" role="alert">
          {tw("search.invalid")}
        </p>
      ) : null}
      {result ? (
        <section aria-live="polite">
          <h2>{tw("search.results", { count: result.hits.length })}</h2>
          {result.hits.length === 0 ? (
            <p>{tw("search.none")}</p>
          ) : (
            <table class="queue">
              <thead>
                <tr>
                  <th>{tw("search.col.reference")}</th>
                  <th>{tw("search.col.type")}</th>
                  <th>{tw("search.col.status")}</th>
                  <th>{tw("search.col.country")}</th>
                  <th>{tw("search.col.assignee")}</th>
                  <th>{tw("search.col.opened")}</th>
                  <th>{tw("search.col.match")}</th>
                </tr>
              </thead>
              <tbody>
                {result.hits.map((hit) => (
                  <tr class={`priority-${hit.priority}`}>
                    <td>
                      <a href={`/console/tickets/${hit.reference}`}>{hit.reference}</a>
                      {hit.erased ? <span class="chip"> {tw("search.erased")}</span> : null}
                    </td>
                    <td>{tr(`types.${hit.type}`)}</td>
                    <td>{tr(`statuses.${hit.status}`)}</td>
                    <td>{hit.country ?? "—"}</td>
                    <td>{hit.assignee ?? "—"}</td>
                    <td>{formatDateTime(props.lang, hit.createdAt)}</td>
                    <td>{tw(`search.match.${hit.match}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.truncated ? <p class="small">{tw("search.truncated")}</p> : null}
        </section>
      ) : null}
    </Layout>
  );
}
