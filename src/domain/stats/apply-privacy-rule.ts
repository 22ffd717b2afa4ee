/**
 * The statistics privacy rule (issue #17, item 2): a figure leaves the case only as a count of at least
 * `minGroup` people, rounded down to a multiple of `resolution`. Smaller cells are suppressed (shown as
 * "< 11"), and more cells are suppressed until what is hidden in any row or column cannot be recovered by
 * subtracting the shown cells from a shown total: the hidden cells of a slice add up to `minGroup` or more.
 */
export type StatsRule = {
  /** STATS_MIN_GROUP (default 11, CTDC's k) */
  minGroup: number;
  /** STATS_RESOLUTION (default 5) */
  resolution: number;
};

/** Combinations of at most this many attributes are published (the synthetic-data "reporting length"). */
export const REPORTING_LENGTH = 3;

export const DEFAULT_STATS_RULE: StatsRule = { minGroup: 11, resolution: 5 };

/** A published figure: a rounded count, or suppressed (a group smaller than the rule allows). */
export type Figure = { value: number; suppressed: false } | { value: null; suppressed: true };

/** A true count before the rule: how many distinct people (or anonymous tickets) are in the cell. */
export type RawCell = { key: string[]; count: number };

export type SafeCell = { key: string[] } & Figure;

/** One figure under the rule, with no context (a total, a population). */
export function toFigure(count: number, rule: StatsRule): Figure {
  if (count < rule.minGroup) return { value: null, suppressed: true };
  return { value: Math.floor(count / rule.resolution) * rule.resolution, suppressed: false };
}

/** How a figure reads on a page or in a CSV: the rounded number, or "< 11". */
export function displayFigure(figure: Figure, rule: StatsRule): string {
  return figure.suppressed ? `< ${rule.minGroup}` : String(figure.value);
}

/**
 * The rule over one table. `partitions` are the key positions along which the cells of a slice add up to
 * a figure published elsewhere (the positions of single-valued attributes: a month, a sector; not a
 * multi-valued one such as "indicators", whose cells overlap). Cells with no people are left out;
 * `alsoHide` hides more cells before the complementary pass (the differencing guard of build-stats).
 *
 * Example (k = 11, resolution 5): cells 40, 23, 4 in one partition → 40, 20, and both 23 and 4 hidden,
 * because 4 alone could be had as total − 40 − 20.
 */
export function applyPrivacyRule<C extends RawCell>(
  cells: C[],
  rule: StatsRule,
  partitions: number[] = [],
  alsoHide: (cell: C) => boolean = () => false,
): SafeCell[] {
  const present = cells.filter((cell) => cell.count > 0);
  const hidden = new Set<number>();
  present.forEach((cell, i) => {
    if (cell.count < rule.minGroup || alsoHide(cell)) hidden.add(i);
  });
  // Complementary suppression: repeat until every slice hides 0 or at least minGroup people.
  for (let changed = true; changed; ) {
    changed = false;
    for (const position of partitions) {
      const slices = new Map<string, number[]>();
      present.forEach((cell, i) => {
        const rest = cell.key.filter((_, p) => p !== position).join("\u0000");
        const slice = slices.get(rest);
        if (slice) slice.push(i);
        else slices.set(rest, [i]);
      });
      for (const members of slices.values()) {
        const hiddenMass = members.filter((i) => hidden.has(i)).reduce((sum, i) => sum + present[i]!.count, 0);
        if (hiddenMass === 0 || hiddenMass >= rule.minGroup) continue;
        const next = members.filter((i) => !hidden.has(i)).sort((a, b) => present[a]!.count - present[b]!.count)[0];
        if (next === undefined) continue; // the whole slice is hidden; its total is checked on its own
        hidden.add(next);
        changed = true;
      }
    }
  }
  return present.map((cell, i) =>
    hidden.has(i) ? { key: cell.key, value: null, suppressed: true } : { key: cell.key, ...toFigure(cell.count, rule) },
  );
}
