import { expect } from "vitest";
import type { consoleClient } from "../console/support.ts";
import { bearer } from "../api/api-support.ts";

/** The figures the statistics publish, read from outside: the API, the aggregate export and the page. */
export type Figure = { value: number | null; suppressed: boolean };
export type Report = {
  rule: { minGroup: number };
  asOf?: string;
  population: Figure;
  tables: { id: string; cells: ({ key: string[] } & Figure)[] }[];
};
export type Query = { from?: string; to?: string; channel?: string; province?: string; country?: string };
/** what one view of one query published: "population" or "table|value|value" → the figure (null: hidden) */
export type View = { query: Query; via: string; figures: Map<string, number | null> };

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export const queryString = (q: Query) => new URLSearchParams(q as Record<string, string>).toString();

export function fromReport(query: Query, via: string, report: Report): View {
  const figures = new Map<string, number | null>([["population", report.population.value]]);
  for (const table of report.tables)
    for (const cell of table.cells) figures.set([table.id, ...cell.key].join("|"), cell.value);
  return { query, via, figures };
}

export async function apiReport(app: App, token: string, query: Query): Promise<Report> {
  const res = await app.request(`/api/stats/summary?${queryString(query)}`, { headers: bearer(token) });
  expect(res.status, queryString(query)).toBe(200);
  return (await res.json()) as Report;
}

export async function viaApi(app: App, token: string, query: Query): Promise<View> {
  return fromReport(query, "api", await apiReport(app, token, query));
}

export async function viaExport(app: App, token: string, query: Query): Promise<View> {
  const res = await app.request(`/api/stats/export?format=aggregates&type=csv&${queryString(query)}`, {
    headers: bearer(token),
  });
  const lines = (await res.text()).trim().split("\r\n").slice(1);
  const figures = new Map<string, number | null>();
  for (const line of lines) {
    const cells = line.split(",");
    const [table, ...rest] = cells;
    const [count, suppressed] = rest.slice(-2);
    const values = rest.slice(0, -2).filter((_, i) => i % 2 === 1);
    const value = suppressed === "true" ? null : Number(count);
    if (values[0] === "" && rest[0] === "total") figures.set("population", value);
    else figures.set([table, ...values.filter((v) => v !== "")].join("|"), value);
  }
  return { query, via: "export", figures };
}

export async function viaPage(page: ReturnType<typeof consoleClient>, query: Query): Promise<View> {
  const { body } = await page.get(`/console/stats?${queryString(query)}`);
  const shown = /class="stats-population">([^<]*)</.exec(body)?.[1] ?? "";
  return { query, via: "page", figures: new Map([["population", /^\d+$/.test(shown) ? Number(shown) : null]]) };
}
