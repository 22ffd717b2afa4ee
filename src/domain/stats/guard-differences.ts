import type { StatsRule } from "./apply-privacy-rule.ts";
import type { CellFacts, FactIndex } from "./index-facts.ts";
import { monthIndex, type StatsFilter } from "./stats-filter.ts";

/**
 * The differencing guard (issue #17: "no combination of two queries reveals a group smaller than
 * STATS_MIN_GROUP").
 *
 * The queries. A query is a period in whole months and at most one of channel, province and country (see
 * `StatsFilter`). Query B is nested in query A when B's period lies within A's and A has no filter or the
 * same one: B's people are then a subset of A's, and A − B, for any cell, is a group of people. Only nested
 * pairs subtract to a group (two overlapping periods subtract to the difference of two groups).
 *
 * The rule. A cell of query A (and the population, the total of every table) is published only if, for
 * every query B nested with it (inside or around it) in which the same cell holds STATS_MIN_GROUP people or
 * more (else B shows "< 11"), the two counts are equal or differ by STATS_MIN_GROUP or more, before and after
 * rounding. Both sides of such a pair check it with the same counts, so whatever two queries an attacker
 * subtracts, one of them hides the cell or the difference is a group the rule allows.
 *
 * Two tiers keep the common views useful. The whole time (no period) and the whole calendar years
 * (from = YYYY-01, to = YYYY-12), with or without a filter, are checked against each other only: they are
 * few, far apart, and what reports ask for. Every other period is checked against every nested query of both
 * tiers: each of its sub-periods (trimmed at either end or both) and each period around it, under its own
 * filter and, for the wider side, without it; a query without a filter also against every filter value over
 * its sub-periods. A pair of a common view and another period is thus always checked by the other period,
 * which hides the cell: odd periods show fewer figures than whole years.
 *
 * The counts are exact distinct people for any period: per cell, each person's first and last month and
 * the gaps between their months (a person with tickets in March and July is not in April–June), so
 * the people of [x..y] = all − (last < x) − (first > y) − (a gap around [x..y]), from prefix sums.
 */

/** A filter state: no filter (null), or one value of channel, province or country. */
type State = null | { attr: 0 | 1 | 2; code: number };

/** What the guard needs of the facts: their month, filter values, people and cells. */
export type GuardIndex = {
  index: FactIndex;
  /** month of each fact, 0 = the first month of the data */
  month: Int32Array;
  /** months the data spans */
  months: number;
  /** month index of month 0 */
  first: number;
  /** per fact: channel, province, country codes (−1 = none) */
  attrs: [Int32Array, Int32Array, Int32Array];
  /** folded value → code, per attribute */
  dictionaries: [Map<string, number>, Map<string, number>, Map<string, number>];
};

/** A person's months in a cell, summarised: who is in any period [x..y]. */
type PeriodCounter = { people: number; lastCum: Int32Array; firstCum: Int32Array; gaps: number[] };

let buffer = new Int32Array(64);

function counterOf(g: GuardIndex, cells: CellFacts, code: number, state: State): PeriodCounter {
  const n = g.months;
  const firstHist = new Int32Array(n);
  const lastHist = new Int32Array(n);
  const gaps: number[] = [];
  let people = 0;
  const from = cells.start[code]!;
  const to = cells.start[code + 1]!;
  const person = g.index.person;
  // one person's months in the cell, sorted as they come (a person has few tickets)
  let months = buffer;
  let size = 0;
  const flush = () => {
    if (!size) return;
    people += 1;
    firstHist[months[0]!]! += 1;
    lastHist[months[size - 1]!]! += 1;
    for (let i = 1; i < size; i++) if (months[i]! > months[i - 1]! + 1) gaps.push(months[i - 1]!, months[i]!);
    size = 0;
  };
  let current = -1;
  for (let e = from; e < to; e++) {
    const fact = cells.facts[e]!;
    if (state && g.attrs[state.attr][fact] !== state.code) continue;
    if (person[fact] !== current) {
      flush();
      current = person[fact]!;
    }
    const m = g.month[fact]!;
    let at = size;
    while (at > 0 && months[at - 1]! > m) at--;
    if (at > 0 && months[at - 1] === m) continue;
    if (size === months.length) {
      const grown = new Int32Array(size * 2);
      grown.set(months);
      months = buffer = grown;
    }
    months.copyWithin(at + 1, at, size);
    months[at] = m;
    size += 1;
  }
  flush();
  const firstCum = new Int32Array(n);
  const lastCum = new Int32Array(n);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    a += firstHist[i]!;
    b += lastHist[i]!;
    firstCum[i] = a;
    lastCum[i] = b;
  }
  return { people, firstCum, lastCum, gaps };
}

/** The distinct people of the counter in months [x..y] (0 ≤ x ≤ y < months). */
function peopleIn(c: PeriodCounter, x: number, y: number): number {
  let out = c.people - (x > 0 ? c.lastCum[x - 1]! : 0) - (c.people - c.firstCum[y]!);
  for (let i = 0; i < c.gaps.length; i += 2) if (c.gaps[i]! < x && c.gaps[i + 1]! > y) out -= 1;
  return out;
}

/** A period as month positions in the data, clamped; null when it holds no month of the data. */
export type Span = { x: number; y: number } | null;

export function spanOf(g: GuardIndex, filter: StatsFilter): Span {
  const x = filter.from ? Math.max(0, monthIndex(filter.from) - g.first) : 0;
  const y = filter.to ? Math.min(g.months - 1, monthIndex(filter.to) - g.first) : g.months - 1;
  return x > y ? null : { x, y };
}

/** Whole time, or a whole calendar year: the common views (see the tiers above). */
export function isCommonPeriod(filter: StatsFilter): boolean {
  if (!filter.from && !filter.to) return true;
  return !!filter.from && !!filter.to && filter.from.endsWith("-01") && filter.to === `${filter.from.slice(0, 4)}-12`;
}

/** The common periods as spans: the whole time and every calendar year of the data. */
function commonSpans(g: GuardIndex): { x: number; y: number }[] {
  const out = [{ x: 0, y: g.months - 1 }];
  const firstYear = Math.floor(g.first / 12);
  const lastYear = Math.floor((g.first + g.months - 1) / 12);
  for (let year = firstYear; year <= lastYear; year++)
    out.push({ x: Math.max(0, year * 12 - g.first), y: Math.min(g.months - 1, year * 12 + 11 - g.first) });
  return out;
}

export function stateOf(g: GuardIndex, filter: StatsFilter): State | "none-match" {
  const pick = (attr: 0 | 1 | 2, value: string | undefined): State | "none-match" => {
    const code = g.dictionaries[attr].get(value!.trim().toLowerCase());
    return code === undefined ? "none-match" : { attr, code };
  };
  if (filter.channel) return pick(0, filter.channel);
  if (filter.province) return pick(1, filter.province);
  if (filter.country) return pick(2, filter.country);
  return null;
}

/**
 * Whether the cell `code` of `cells` must be hidden in the query (`span`, `state`, `common`) because a
 * nested query counts it at a small difference (see the rule above). `count` is its count in the query.
 */
export function differsFromANestedQuery(
  g: GuardIndex,
  cells: CellFacts,
  code: number,
  query: { span: { x: number; y: number }; state: State; common: boolean },
  count: number,
  rule: StatsRule,
): boolean {
  const round = (n: number) => Math.floor(n / rule.resolution) * rule.resolution;
  const small = (other: number) =>
    other >= rule.minGroup &&
    other !== count &&
    (Math.abs(other - count) < rule.minGroup || Math.abs(round(other) - round(count)) < rule.minGroup);
  /** a difference at which no rounding brings two counts closer than the rule allows */
  const far = rule.minGroup + rule.resolution - 1;
  const { x, y } = query.span;
  const inside = (c: PeriodCounter) => {
    for (let a = x; a <= y; a++)
      for (let b = y; b >= a; b--) {
        const other = peopleIn(c, a, b);
        if (other < rule.minGroup) break; // shorter periods from a hold no more
        if (small(other)) return true;
      }
    return false;
  };
  const around = (c: PeriodCounter) => {
    for (let a = x; a >= 0; a--)
      for (let b = y; b < g.months; b++) {
        const other = peopleIn(c, a, b);
        if (small(other)) return true;
        if (other - count >= far) break; // longer periods from a hold no fewer
      }
    return false;
  };
  if (query.common) return commonDiffers(g, cells, code, query, count, small);
  const own = counterOf(g, cells, code, query.state);
  if (inside(own) || around(own)) return true;
  if (query.state) return around(counterOf(g, cells, code, null));
  // no filter: every filter value over the sub-periods, where it can hold enough people at a small difference
  const person = g.index.person;
  for (const attr of [0, 1, 2] as const) {
    // the people of each filter value in the period, counted once each (facts of a person lie together)
    const values = g.attrs[attr];
    const size = g.dictionaries[attr].size;
    const inPeriod = new Int32Array(size);
    const lastPerson = new Int32Array(size).fill(-1);
    for (let e = cells.start[code]!; e < cells.start[code + 1]!; e++) {
      const fact = cells.facts[e]!;
      const m = g.month[fact]!;
      const value = values[fact]!;
      if (m < x || m > y || value < 0 || lastPerson[value] === person[fact]) continue;
      lastPerson[value] = person[fact]!;
      inPeriod[value]! += 1;
    }
    for (let value = 0; value < size; value++) {
      const people = inPeriod[value]!;
      if (people < rule.minGroup || count - people >= far) continue;
      if (inside(counterOf(g, cells, code, { attr, code: value }))) return true;
    }
  }
  return false;
}

/**
 * The check of a common view (whole time, a calendar year) against the other common views, in one pass over
 * the cell's facts: the people of each common period, without a filter and under each filter value.
 */
function commonDiffers(
  g: GuardIndex,
  cells: CellFacts,
  code: number,
  query: { span: { x: number; y: number }; state: State },
  count: number,
  small: (other: number) => boolean,
): boolean {
  const spans = commonSpans(g);
  const sizes = g.dictionaries.map((d) => d.size);
  // counts[span][0] without a filter, counts[span][1 + offset of the attribute + value] under a value
  const offsets = [1, 1 + sizes[0]!, 1 + sizes[0]! + sizes[1]!];
  const width = offsets[2]! + sizes[2]!;
  const counts = new Int32Array(spans.length * width);
  const last = new Int32Array(spans.length * width).fill(-1);
  const person = g.index.person;
  const [channel, province, country] = g.attrs;
  const [o0, o1, o2] = offsets as [number, number, number];
  const firstYear = Math.floor(g.first / 12);
  for (let e = cells.start[code]!; e < cells.start[code + 1]!; e++) {
    const fact = cells.facts[e]!;
    const p = person[fact]!;
    const c = channel[fact]!;
    const r = province[fact]!;
    const n = country[fact]!;
    for (let base = 0, round = 0; round < 2; round++) {
      // the whole time (span 0), then the fact's year
      if (round === 1) base = (Math.floor((g.first + g.month[fact]!) / 12) - firstYear + 1) * width;
      if (last[base] !== p) {
        last[base] = p;
        counts[base]! += 1;
      }
      if (c >= 0 && last[base + o0 + c] !== p) {
        last[base + o0 + c] = p;
        counts[base + o0 + c]! += 1;
      }
      if (r >= 0 && last[base + o1 + r] !== p) {
        last[base + o1 + r] = p;
        counts[base + o1 + r]! += 1;
      }
      if (n >= 0 && last[base + o2 + n] !== p) {
        last[base + o2 + n] = p;
        counts[base + o2 + n]! += 1;
      }
    }
  }
  const { x, y } = query.span;
  const own = query.state ? offsets[query.state.attr]! + query.state.code : 0;
  for (let j = 0; j < spans.length; j++) {
    const s = spans[j]!;
    const within = s.x >= x && s.y <= y;
    const around = s.x <= x && s.y >= y;
    if (!within && !around) continue;
    const base = j * width;
    if (small(counts[base + own]!)) return true;
    if (query.state && around && small(counts[base]!)) return true;
    if (!query.state && within) for (let k = 1; k < width; k++) if (small(counts[base + k]!)) return true;
  }
  return false;
}

const guardIndexes = new WeakMap<FactIndex, GuardIndex>();

/** The guard's view of the facts, built once per fact list. */
export function guardIndexOf(index: FactIndex): GuardIndex {
  const found = guardIndexes.get(index);
  if (found) return found;
  const facts = index.facts;
  let lowest = Infinity;
  let highest = -Infinity;
  const absolute = new Int32Array(facts.length);
  const parsed = new Map<string, number>();
  facts.forEach((fact, i) => {
    let m = parsed.get(fact.month);
    if (m === undefined) parsed.set(fact.month, (m = monthIndex(fact.month)));
    absolute[i] = m;
    if (m < lowest) lowest = m;
    if (m > highest) highest = m;
  });
  const first = facts.length ? lowest : 0;
  const month = absolute.map((m) => m - first);
  const dictionaries: GuardIndex["dictionaries"] = [new Map(), new Map(), new Map()];
  const attrs: GuardIndex["attrs"] = [
    new Int32Array(facts.length),
    new Int32Array(facts.length),
    new Int32Array(facts.length),
  ];
  const code = (attr: 0 | 1 | 2, value: string | null) => {
    if (value === null) return -1;
    const key = value.trim().toLowerCase();
    let found = dictionaries[attr].get(key);
    if (found === undefined) dictionaries[attr].set(key, (found = dictionaries[attr].size));
    return found;
  };
  facts.forEach((fact, i) => {
    attrs[0][i] = code(0, fact.channel);
    attrs[1][i] = code(1, fact.origin);
    attrs[2][i] = code(2, fact.destination);
  });
  const built = { index, month, months: facts.length ? highest - lowest + 1 : 1, first, attrs, dictionaries };
  guardIndexes.set(index, built);
  return built;
}
