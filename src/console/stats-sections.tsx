import type { Figure } from "../domain/stats/apply-privacy-rule.ts";
import { BarChart, FigureTable, HeatTable, StackedColumns, type Bar } from "./stats-charts.tsx";
import type { StatsView } from "./stats-labels.ts";

const HIDDEN: Figure = { value: null, suppressed: true };

/** The bars of a one-attribute table, biggest first, hidden groups last. */
export function barsOf(view: StatsView, id: string, limit = 20): Bar[] {
  const table = view.table(id);
  if (!table) return [];
  return table.cells.slice(0, limit).map((cell) => ({
    label: view.label(table.dimensions[0]!, cell.key[0]!),
    figure: cell,
  }));
}

/** One chart with its title and its figures as a table. */
export function BarSection(props: {
  view: StatsView;
  id: string;
  title: string;
  hint?: string;
  limit?: number;
  color?: string;
}) {
  const { view } = props;
  const bars = barsOf(view, props.id, props.limit);
  return (
    <section class="card stats-card">
      <h2>{props.title}</h2>
      {props.hint ? <p class="muted small">{props.hint}</p> : null}
      <BarChart
        title={props.title}
        bars={bars}
        show={view.show}
        empty={view.ts("no_data")}
        {...(props.color ? { color: props.color } : {})}
      />
      <FigureTable
        caption={view.ts("table_of_chart")}
        headers={[view.ts("column.value"), view.ts("column.count")]}
        rows={bars.map((bar) => ({ labels: [bar.label], figure: bar.figure }))}
        show={view.show}
      />
    </section>
  );
}

/** Month × something as stacked columns (months in order). */
function OverTime(props: { view: StatsView; id: string; title: string }) {
  const { view } = props;
  const table = view.table(props.id);
  if (!table) return null;
  const dimension = table.dimensions[1]!;
  const months = [...new Set(table.cells.map((c) => c.key[0]!))].sort();
  const series = [...new Set(table.cells.map((c) => c.key[1]!))].sort();
  const columns = months.map((month) => ({
    label: month,
    segments: table.cells.filter((c) => c.key[0] === month).map((c) => ({ series: c.key[1]!, figure: c as Figure })),
  }));
  return (
    <div>
      <h3>{props.title}</h3>
      <StackedColumns
        title={props.title}
        columns={columns}
        series={series.map((id) => ({ id, label: view.label(dimension, id) }))}
        empty={view.ts("no_data")}
      />
      <FigureTable
        caption={view.ts("table_of_chart")}
        headers={["", view.ts("column.value"), view.ts("column.count")]}
        rows={[...table.cells]
          .sort((a, b) => a.key.join().localeCompare(b.key.join()))
          .map((c) => ({ labels: [c.key[0]!, view.label(dimension, c.key[1]!)], figure: c }))}
        show={view.show}
      />
    </div>
  );
}

/** Two attributes as a heat table: rows × columns, the biggest rows and columns first. */
export function TwoWay(props: {
  view: StatsView;
  id: string;
  caption: string;
  corner: string;
  /** which key position is the row */
  rowAt?: 0 | 1;
  maxRows?: number;
  maxColumns?: number;
}) {
  const { view } = props;
  const table = view.table(props.id);
  if (!table || !table.cells.length) return <p class="muted">{view.ts("no_data")}</p>;
  const r = props.rowAt ?? 0;
  const c = r === 0 ? 1 : 0;
  const rank = (position: number) => {
    const sums = new Map<string, number>();
    for (const cell of table.cells)
      sums.set(cell.key[position]!, (sums.get(cell.key[position]!) ?? 0) + (cell.value ?? 0));
    return [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  };
  const figures = new Map(table.cells.map((cell) => [`${cell.key[r]}\u0000${cell.key[c]}`, cell as Figure]));
  return (
    <HeatTable
      caption={props.caption}
      corner={props.corner}
      rows={rank(r)
        .slice(0, props.maxRows ?? 20)
        .map((id) => ({ id, label: view.label(table.dimensions[r]!, id) }))}
      columns={rank(c)
        .slice(0, props.maxColumns ?? 10)
        .map((id) => ({ id, label: view.label(table.dimensions[c]!, id) }))}
      figure={(row, column) => figures.get(`${row}\u0000${column}`)}
      show={view.show}
    />
  );
}

/** This year against last year per destination: "which destinations rose this year". */
function DestinationsRise(props: { view: StatsView; year: number }) {
  const { view } = props;
  const table = view.table("year_by_destination");
  if (!table) return null;
  const thisYear = String(props.year);
  const lastYear = String(props.year - 1);
  const of = (year: string, destination: string) =>
    table.cells.find((c) => c.key[0] === year && c.key[1] === destination) as Figure | undefined;
  const destinations = [...new Set(table.cells.map((c) => c.key[1]!))];
  const rows = destinations
    .map((d) => {
      const now = of(thisYear, d);
      const before = of(lastYear, d);
      const change = now && before && !now.suppressed && !before.suppressed ? now.value - before.value : null;
      return { d, now, before, change };
    })
    .sort((a, b) => (b.change ?? -Infinity) - (a.change ?? -Infinity) || a.d.localeCompare(b.d));
  const show = (figure: Figure | undefined) => (figure ? view.show(figure) : "–");
  return (
    <div class="scroll">
      <table class="stats-table">
        <caption>{view.ts("section.destinations_rise")}</caption>
        <thead>
          <tr>
            <th scope="col">{view.ts("column.destination")}</th>
            <th scope="col">{lastYear}</th>
            <th scope="col">{thisYear}</th>
            <th scope="col">{view.ts("column.change")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{view.label("destination", row.d)}</th>
              <td class="num">{show(row.before)}</td>
              <td class="num">{show(row.now)}</td>
              <td class={`num ${row.change !== null && row.change > 0 ? "rise" : ""}`}>
                {row.change === null ? "–" : row.change > 0 ? `+${row.change}` : String(row.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Pairs as a plain list (routes, referrals, services): biggest first. */
function PairTable(props: { view: StatsView; id: string; caption: string; headers: [string, string]; limit?: number }) {
  const { view } = props;
  const table = view.table(props.id);
  if (!table || !table.cells.length) return <p class="muted">{view.ts("no_data")}</p>;
  return (
    <div class="scroll">
      <table class="stats-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.headers[0]}</th>
            <th scope="col">{props.headers[1]}</th>
            <th scope="col">{view.ts("column.count")}</th>
          </tr>
        </thead>
        <tbody>
          {table.cells.slice(0, props.limit ?? 30).map((cell) => (
            <tr>
              <td>{view.label(table.dimensions[0]!, cell.key[0]!)}</td>
              <td>{view.label(table.dimensions[1]!, cell.key[1]!)}</td>
              <td class="num">{view.show(cell)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Time to first human reply: one row of bands per priority, urgent first. */
function FirstReply(props: { view: StatsView }) {
  const { view } = props;
  const table = view.table("priority_by_first_reply");
  if (!table) return null;
  const priorities = ["urgent", "high", "normal", "low"].filter((p) => table.cells.some((c) => c.key[0] === p));
  const bands = ["15m", "1h", "4h", "24h", "more", "none"];
  return <StackedColumnsByPriority view={view} priorities={priorities} bands={bands} cells={table.cells} />;
}

function StackedColumnsByPriority(props: {
  view: StatsView;
  priorities: string[];
  bands: string[];
  cells: { key: string[]; value: number | null; suppressed: boolean }[];
}) {
  const { view } = props;
  return (
    <div>
      <StackedColumns
        title={view.ts("section.first_reply")}
        columns={props.priorities.map((p) => ({
          label: view.label("priority", p),
          segments: props.bands.map((band) => ({
            series: band,
            figure: (props.cells.find((c) => c.key[0] === p && c.key[1] === band) as Figure | undefined) ?? HIDDEN,
          })),
        }))}
        series={props.bands.map((id) => ({ id, label: view.label("first_reply", id) }))}
        empty={view.ts("no_data")}
      />
      <TwoWay
        view={view}
        id="priority_by_first_reply"
        caption={view.ts("section.first_reply")}
        corner={view.ts("column.priority")}
        maxColumns={6}
      />
    </div>
  );
}

/** Every section of the statistics page, the same on screen and in the print view. */
export function StatsSections(props: { view: StatsView; year: number }) {
  const { view } = props;
  const s = (key: string) => view.ts(`section.${key}`);
  return (
    <div class="stats-grid">
      <section class="card stats-card wide">
        <h2>{s("over_time")}</h2>
        <OverTime view={view} id="month_by_type" title={s("by_type")} />
        <OverTime view={view} id="month_by_priority" title={s("by_priority")} />
        <OverTime view={view} id="month_by_channel" title={s("by_channel")} />
      </section>
      <BarSection view={view} id="indicator" title={s("indicators")} limit={25} />
      <BarSection view={view} id="palermo" title={s("palermo")} />
      <BarSection view={view} id="sector" title={s("sectors")} />
      <section class="card stats-card wide">
        <h2>{s("co_occurrence")}</h2>
        <p class="muted small">{s("co_occurrence_hint")}</p>
        <TwoWay
          view={view}
          id="sector_by_indicator"
          caption={s("co_occurrence")}
          corner={view.ts("column.sign")}
          rowAt={1}
          maxRows={25}
          maxColumns={9}
        />
      </section>
      <BarSection view={view} id="destination" title={s("destinations")} />
      <section class="card stats-card">
        <h2>{s("destinations_rise")}</h2>
        <DestinationsRise view={view} year={props.year} />
      </section>
      <BarSection view={view} id="origin" title={s("origins")} />
      <section class="card stats-card">
        <h2>{s("routes")}</h2>
        <PairTable
          view={view}
          id="origin_by_destination"
          caption={s("routes")}
          headers={[view.ts("column.origin"), view.ts("column.destination")]}
        />
      </section>
      <BarSection view={view} id="recruitment_channel" title={s("recruitment")} />
      <section class="card stats-card">
        <h2>{s("platforms")}</h2>
        <TwoWay view={view} id="recruitment_channel_by_platform" caption={s("platforms")} corner="" />
      </section>
      <BarSection view={view} id="child" title={s("children")} />
      <section class="card stats-card">
        <h2>{s("children_by_sector")}</h2>
        <TwoWay view={view} id="child_by_sector" caption={s("children_by_sector")} corner="" rowAt={1} />
      </section>
      <section class="card stats-card">
        <h2>{s("age_gender")}</h2>
        <TwoWay view={view} id="age_band_by_gender" caption={s("age_gender")} corner="" />
      </section>
      <BarSection view={view} id="language" title={s("languages")} />
      <BarSection view={view} id="need" title={s("needs")} />
      <section class="card stats-card">
        <h2>{s("referrals")}</h2>
        <PairTable
          view={view}
          id="referral_partner_by_referral_status"
          caption={s("referrals")}
          headers={[view.ts("column.partner"), view.ts("column.outcome")]}
        />
      </section>
      <section class="card stats-card">
        <h2>{s("services")}</h2>
        <PairTable
          view={view}
          id="service_by_service_status"
          caption={s("services")}
          headers={[view.ts("column.service"), view.ts("column.status")]}
        />
      </section>
      <section class="card stats-card wide">
        <h2>{s("first_reply")}</h2>
        <p class="muted small">{s("first_reply_hint")}</p>
        <FirstReply view={view} />
      </section>
      <BarSection view={view} id="time_to_close" title={s("time_to_close")} />
    </div>
  );
}
