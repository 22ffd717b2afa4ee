/** The statistics pages' own stylesheet (served at /console/stats/stats.css beside the console's one). */
export const STATS_CSS = `
.stats-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 1rem; }
.stats-card { overflow: hidden; }
.stats-card.wide { grid-column: 1 / -1; }
.stats-card h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.stats-card h3 { font-size: .95rem; margin: .75rem 0 .25rem; }
.chart { display: block; max-width: 100%; height: auto; }
.stats-filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
.stats-filters label { display: flex; flex-direction: column; font-size: .9rem; }
.stats-summary p { margin: .25rem 0; }
.stats-population { font-size: 1.25rem; }
.stats-links { margin: 0 0 .75rem; }
.stats-table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.stats-table caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.stats-table th, .stats-table td { border-bottom: 1px solid #d8dde2; padding: .25rem .4rem; text-align: left; vertical-align: top; }
.stats-table td.num, .stats-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.stats-table .rise { color: #b3261e; font-weight: 600; }
.heat td { text-align: right; font-variant-numeric: tabular-nums; }
.heat-none { color: #8a939c; }
.heat-0, .heat-1 { background: #e8f0f7; }
.heat-2 { background: #c9dcec; }
.heat-3 { background: #9fc1dc; }
.heat-4 { background: #5e97c2; color: #fff; }
.heat-5 { background: #1f5f8b; color: #fff; }
.scroll { overflow-x: auto; }
.figures summary { cursor: pointer; color: #1f5f8b; font-size: .9rem; margin-top: .25rem; }
.notice { background: #fff7e0; border-left: 4px solid #9a5b00; padding: .5rem .75rem; }
.stats-print main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.stats-print .figures { display: block; }
@media print {
  .screen-only, .skip, header.top, .stats-filters, .stats-links, .stats-exports { display: none !important; }
  body, .stats-print { background: #fff; }
  .card { box-shadow: none; border: 1px solid #d8dde2; break-inside: avoid; }
  .stats-grid { display: block; }
  .stats-card { margin-bottom: 1rem; }
  details.figures > summary { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
