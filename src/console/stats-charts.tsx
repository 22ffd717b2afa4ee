import type { Figure } from "../domain/stats/apply-privacy-rule.ts";

/**
 * Server-rendered SVG charts for the statistics page: no script, no CDN, colours as SVG attributes (the
 * console's CSP allows no inline style). Every chart has a title for screen readers and its figures as a
 * table beside it; a suppressed figure is drawn as a grey stub labelled "< 11", never as a length.
 */
export const PALETTE = ["#1f5f8b", "#d97706", "#2f855a", "#b3261e", "#6b46c1", "#0e7490", "#9a5b00", "#64748b"];

export type Show = (figure: Figure) => string;

export type Bar = { label: string; figure: Figure };

const escapeId = (text: string) => text.replace(/[^a-z0-9]+/gi, "-").toLowerCase();

/** Horizontal bars, biggest first (as given). */
export function BarChart(props: { title: string; bars: Bar[]; show: Show; empty: string; color?: string }) {
  if (!props.bars.length) return <p class="muted">{props.empty}</p>;
  const max = Math.max(1, ...props.bars.map((b) => b.figure.value ?? 0));
  const labelWidth = 210;
  const width = 640;
  const barSpace = width - labelWidth - 70;
  const row = 24;
  const height = props.bars.length * row + 4;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`t-${escapeId(props.title)}`}
    >
      <title id={`t-${escapeId(props.title)}`}>{props.title}</title>
      {props.bars.map((bar, i) => {
        const y = i * row + 2;
        const w = bar.figure.suppressed ? 6 : Math.max(2, Math.round(((bar.figure.value ?? 0) / max) * barSpace));
        return (
          <g>
            <text x={labelWidth - 8} y={y + 16} text-anchor="end" font-size="13" fill="#1d232a">
              {truncate(bar.label, 30)}
            </text>
            <rect
              x={labelWidth}
              y={y + 3}
              width={w}
              height={row - 8}
              rx="2"
              fill={bar.figure.suppressed ? "#c5ccd3" : (props.color ?? PALETTE[0])}
            />
            <text x={labelWidth + w + 6} y={y + 16} font-size="12" fill="#5b6570">
              {props.show(bar.figure)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export type Column = { label: string; segments: { series: string; figure: Figure }[] };

/** Stacked columns (tickets per month by type …); hidden segments are left out and said so in the table. */
export function StackedColumns(props: {
  title: string;
  columns: Column[];
  series: { id: string; label: string }[];
  empty: string;
}) {
  if (!props.columns.length) return <p class="muted">{props.empty}</p>;
  const totals = props.columns.map((c) => c.segments.reduce((sum, s) => sum + (s.figure.value ?? 0), 0));
  const max = Math.max(1, ...totals);
  const width = 640;
  const top = 10;
  const plot = 180;
  const left = 40;
  const step = (width - left - 10) / props.columns.length;
  const barWidth = Math.max(3, Math.min(28, step - 3));
  const colorOf = (series: string) => PALETTE[props.series.findIndex((s) => s.id === series) % PALETTE.length]!;
  const legendRows = Math.ceil(props.series.length / 3);
  const height = top + plot + 34 + legendRows * 18;
  const labelEvery = Math.ceil(props.columns.length / 12);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`t-${escapeId(props.title)}`}
    >
      <title id={`t-${escapeId(props.title)}`}>{props.title}</title>
      <line x1={left} y1={top + plot} x2={width - 5} y2={top + plot} stroke="#d8dde2" />
      <text x={left - 6} y={top + 10} text-anchor="end" font-size="11" fill="#5b6570">
        {String(max)}
      </text>
      <text x={left - 6} y={top + plot} text-anchor="end" font-size="11" fill="#5b6570">
        0
      </text>
      {props.columns.map((column, i) => {
        const x = left + i * step + (step - barWidth) / 2;
        let y = top + plot;
        return (
          <g>
            {column.segments
              .filter((s) => !s.figure.suppressed && (s.figure.value ?? 0) > 0)
              .map((segment) => {
                const h = ((segment.figure.value ?? 0) / max) * plot;
                y -= h;
                return <rect x={x} y={y} width={barWidth} height={h} fill={colorOf(segment.series)} />;
              })}
            {i % labelEvery === 0 ? (
              <text x={x + barWidth / 2} y={top + plot + 14} text-anchor="middle" font-size="10" fill="#5b6570">
                {column.label}
              </text>
            ) : null}
          </g>
        );
      })}
      {props.series.map((series, i) => (
        <g>
          <rect
            x={left + (i % 3) * 200}
            y={top + plot + 26 + Math.floor(i / 3) * 18}
            width="10"
            height="10"
            fill={colorOf(series.id)}
          />
          <text
            x={left + (i % 3) * 200 + 14}
            y={top + plot + 35 + Math.floor(i / 3) * 18}
            font-size="12"
            fill="#1d232a"
          >
            {truncate(series.label, 26)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A two-way table with cells shaded by size (the co-occurrence of signs and sectors). */
export function HeatTable(props: {
  caption: string;
  corner: string;
  rows: { id: string; label: string }[];
  columns: { id: string; label: string }[];
  figure: (row: string, column: string) => Figure | undefined;
  show: Show;
}) {
  const max = Math.max(1, ...props.rows.flatMap((r) => props.columns.map((c) => props.figure(r.id, c.id)?.value ?? 0)));
  const shade = (value: number) => `heat-${Math.min(5, Math.ceil((value / max) * 5))}`;
  return (
    <div class="scroll">
      <table class="stats-table heat">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.corner}</th>
            {props.columns.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              {props.columns.map((c) => {
                const figure = props.figure(r.id, c.id);
                return (
                  <td class={figure && !figure.suppressed ? shade(figure.value) : "heat-none"}>
                    {figure ? props.show(figure) : "–"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The figures of a chart as a plain table (screen readers, copying into a report). */
export function FigureTable(props: {
  caption: string;
  headers: string[];
  rows: { labels: string[]; figure: Figure }[];
  show: Show;
}) {
  return (
    <details class="figures">
      <summary>{props.caption}</summary>
      <table class="stats-table">
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.labels.map((label) => (
                <td>{label}</td>
              ))}
              <td class="num">{props.show(row.figure)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
