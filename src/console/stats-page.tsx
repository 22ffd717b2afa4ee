import type { Caseworker } from "../db/generated/client.ts";
import type { StatsFilter } from "../domain/stats/stats-filter.ts";
import { Layout, type Tr } from "./layout.tsx";
import type { StatsView } from "./stats-labels.ts";
import { StatsSections } from "./stats-sections.tsx";

export type StatsPageProps = {
  tr: Tr;
  lang: StatsView["lang"];
  caseworker: Caseworker;
  csrf: string;
  back: string;
  view: StatsView;
  filter: StatsFilter;
  invalid: boolean;
  year: number;
  /** admins export from the page */
  canExport: boolean;
  /** published origins and destinations, for the filter's suggestions */
  places: { provinces: string[]; countries: string[] };
  query: string;
};

/** The filter form (GET): period in months, channel, province of origin, destination country. */
export function StatsFilters(props: {
  view: StatsView;
  filter: StatsFilter;
  action: string;
  places: StatsPageProps["places"];
}) {
  const { view, filter } = props;
  const f = (key: string) => view.ts(`filters.${key}`);
  return (
    <form class="card filters stats-filters" method="get" action={props.action}>
      <label>
        {f("from")}
        <input type="month" name="from" value={filter.from ?? ""} />
      </label>
      <label>
        {f("to")}
        <input type="month" name="to" value={filter.to ?? ""} />
      </label>
      <label>
        {f("channel")}
        <select name="channel">
          <option value="">{f("any")}</option>
          {(["web", "telegram", "whatsapp"] as const).map((channel) => (
            <option value={channel} selected={filter.channel === channel}>
              {view.label("channel", channel)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {f("province")}
        <input name="province" list="stats-provinces" value={filter.province ?? ""} maxlength={60} />
      </label>
      <datalist id="stats-provinces">
        {props.places.provinces.map((p) => (
          <option value={p} />
        ))}
      </datalist>
      <label>
        {f("country")}
        <input name="country" list="stats-countries" value={filter.country ?? ""} maxlength={60} />
      </label>
      <datalist id="stats-countries">
        {props.places.countries.map((p) => (
          <option value={p} />
        ))}
      </datalist>
      <button type="submit">{f("apply")}</button>
      <a href={props.action}>{f("reset")}</a>
      <p class="muted small">{f("one_at_a_time")}</p>
    </form>
  );
}

/** The rule in words and the population the figures are about. */
export function StatsSummary(props: { view: StatsView }) {
  const { view } = props;
  const { rule, population } = view.report;
  return (
    <div class="card stats-summary">
      <p>{view.ts("intro", { min: rule.minGroup, res: rule.resolution })}</p>
      {view.asOf ? (
        <p class="stats-as-of">
          <strong>{view.ts("as_of", { time: view.asOf })}</strong> {view.ts("as_of_note", { min: rule.minGroup })}
        </p>
      ) : null}
      <p>
        <strong>{view.ts("population")}:</strong> <span class="stats-population">{view.show(population)}</span>
      </p>
      {population.suppressed ? (
        <p role="status" class="notice">
          {view.ts("too_few", { min: rule.minGroup })}
        </p>
      ) : (
        <p class="muted small">{view.ts("hidden_note")}</p>
      )}
    </div>
  );
}

/** `/console/stats`: the statistics at a glance (supervisors and admins). */
export function StatsPage(props: StatsPageProps) {
  const { view } = props;
  const suffix = props.query ? `?${props.query}` : "";
  const exportLink = (format: string, type: string) =>
    `/console/stats/export?format=${format}&type=${type}${props.query ? `&${props.query}` : ""}`;
  return (
    <Layout
      tr={props.tr}
      lang={props.lang}
      title={view.ts("title")}
      page="stats"
      caseworker={props.caseworker}
      csrf={props.csrf}
      back={props.back}
    >
      <link rel="stylesheet" href="/console/stats/stats.css" />
      <h1>{view.ts("title")}</h1>
      <p class="stats-links">
        <a href={`/console/stats/print${suffix}`}>{view.ts("links.print")}</a>
        {" · "}
        <a href={`/console/stats/recruitment${suffix}`}>{view.ts("links.recruitment")}</a>
      </p>
      {props.invalid ? (
        <p role="alert" class="notice">
          {view.ts("filters.invalid")}
        </p>
      ) : null}
      <StatsFilters view={view} filter={props.filter} action="/console/stats" places={props.places} />
      <StatsSummary view={view} />
      {props.canExport ? (
        <div class="card stats-exports">
          <h2>{view.ts("links.exports")}</h2>
          <ul>
            <li>
              <a href={exportLink("htcds", "csv")}>{view.ts("links.export_htcds_csv")}</a>
            </li>
            <li>
              <a href={exportLink("htcds", "json")}>{view.ts("links.export_htcds_json")}</a>
            </li>
            <li>
              <a href={exportLink("aggregates", "csv")}>{view.ts("links.export_aggregates_csv")}</a>
            </li>
            <li>
              <a href={exportLink("aggregates", "json")}>{view.ts("links.export_aggregates_json")}</a>
            </li>
          </ul>
          <p class="muted small">{view.ts("links.htcds_filter_note")}</p>
        </div>
      ) : null}
      {view.report.population.suppressed && !view.report.tables.some((t) => t.cells.length) ? null : (
        <StatsSections view={view} year={props.year} />
      )}
    </Layout>
  );
}

/** `/console/stats/print`: the same figures on plain pages for a report (no navigation, no script). */
export function StatsPrintPage(props: { view: StatsView; filter: StatsFilter; year: number; generated: string }) {
  const { view, filter } = props;
  const period = filter.from || filter.to ? `${filter.from ?? "…"} – ${filter.to ?? "…"}` : view.ts("print.all_time");
  const others = [
    filter.channel ? view.label("channel", filter.channel) : null,
    filter.province ?? null,
    filter.country ?? null,
  ].filter(Boolean);
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${view.ts("print.title")} · Lentera`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <link rel="stylesheet" href="/console/stats/stats.css" />
      </head>
      <body class="stats-print" data-page="stats-print">
        <main id="main">
          <h1>{view.ts("print.title")}</h1>
          <p>
            {view.ts("print.period", { period })} ·{" "}
            {view.ts("print.filters", { filters: others.join(", ") || view.ts("print.none") })} ·{" "}
            {view.ts("print.generated", { date: props.generated })}
          </p>
          <p class="screen-only">
            <a href={`/console/stats${queryOf(filter)}`}>{view.ts("links.overview")}</a>
          </p>
          <StatsSummary view={view} />
          {view.report.population.suppressed && !view.report.tables.some((t) => t.cells.length) ? null : (
            <StatsSections view={view} year={props.year} />
          )}
        </main>
      </body>
    </html>
  );
}

/** The filter as a query string (for links between the statistics pages). */
export function queryOf(filter: StatsFilter): string {
  const params = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  ).toString();
  return params ? `?${params}` : "";
}
