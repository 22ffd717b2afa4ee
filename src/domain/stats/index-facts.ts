import type { CaseFact } from "./load-case-facts.ts";
import { DIMENSIONS, type DimensionId, type TableSpec } from "./stats-dimensions.ts";

/** One dimension's values for every fact, as small integers: fact i has codes[start[i] .. start[i + 1]). */
type DimensionIndex = { names: string[]; start: Int32Array; codes: Int32Array };

/**
 * The facts as numbers, built once per loaded fact list: each person and each dimension value gets a
 * small integer, so counting a table over 50,000 tickets is a few million array increments, not string work.
 */
export type FactIndex = {
  facts: readonly CaseFact[];
  person: Int32Array;
  dimension: (id: DimensionId) => DimensionIndex;
};

const indexes = new WeakMap<readonly CaseFact[], FactIndex>();

/** `facts` must be sorted by person (loadCaseFacts sorts them; buildStats sorts what it is given). */
export function indexFacts(facts: readonly CaseFact[]): FactIndex {
  const found = indexes.get(facts);
  if (found) return found;
  const person = new Int32Array(facts.length);
  let current = "";
  let next = -1;
  facts.forEach((fact, i) => {
    if (i === 0 || fact.person !== current) {
      current = fact.person;
      next += 1;
    }
    person[i] = next;
  });
  const dimensions = new Map<DimensionId, DimensionIndex>();
  const index: FactIndex = {
    facts,
    person,
    dimension(id) {
      const done = dimensions.get(id);
      if (done) return done;
      const built = buildDimension(facts, DIMENSIONS[id]);
      dimensions.set(id, built);
      return built;
    },
  };
  indexes.set(facts, index);
  return index;
}

type DimensionSpec = (typeof DIMENSIONS)[DimensionId];

/** One dimension's codes: one pass, no list per fact (a single value is read as it is). */
function buildDimension(facts: readonly CaseFact[], spec: DimensionSpec): DimensionIndex {
  const dictionary = new Map<string, number>();
  const names: string[] = [];
  const codeOf = (value: string) => {
    let code = dictionary.get(value);
    if (code === undefined) {
      code = names.length;
      names.push(value);
      dictionary.set(value, code);
    }
    return code;
  };
  const start = new Int32Array(facts.length + 1);
  if (!spec.multi) {
    const codes = new Int32Array(facts.length);
    // consecutive facts often share a value (a person's tickets, a month): the last one is checked first
    let lastValue: string | undefined;
    let lastCode = -1;
    for (let i = 0; i < facts.length; i++) {
      start[i] = i;
      const value = spec.one(facts[i]!);
      if (value !== lastValue) {
        lastValue = value;
        lastCode = codeOf(value);
      }
      codes[i] = lastCode;
    }
    start[facts.length] = facts.length;
    return { names, start, codes };
  }
  let codes = new Int32Array(Math.max(16, facts.length * 2));
  let size = 0;
  for (let i = 0; i < facts.length; i++) {
    start[i] = size;
    const values = spec.of(facts[i]!);
    for (let v = 0; v < values.length; v++) {
      const code = codeOf(values[v]!);
      // a value counts once per fact
      let seen = false;
      for (let c = start[i]!; c < size; c++) if (codes[c] === code) seen = true;
      if (seen) continue;
      if (size === codes.length) {
        const grown = new Int32Array(size * 2);
        grown.set(codes);
        codes = grown;
      }
      codes[size++] = code;
    }
  }
  start[facts.length] = size;
  return { names, start, codes: codes.slice(0, size) };
}

/** A table's counts over some facts (indices into the index's list): distinct people per cell. */
export type TableCounts = { sizes: number[]; names: string[][]; counts: Int32Array };

export function countTable(index: FactIndex, table: TableSpec, rows: Int32Array): TableCounts {
  const dims = table.dims.map((id) => index.dimension(id));
  const sizes = dims.map((d) => Math.max(1, d.names.length));
  const total = sizes.reduce((a, b) => a * b, 1);
  const counts = new Int32Array(total);
  const last = new Int32Array(total).fill(-1);
  const [a, b, c] = dims;
  const count = (code: number, p: number) => {
    if (last[code] !== p) {
      last[code] = p;
      counts[code] = counts[code]! + 1;
    }
  };
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const p = index.person[i]!;
    for (let x = a!.start[i]!; x < a!.start[i + 1]!; x++) {
      const ca = a!.codes[x]!;
      if (!b) {
        count(ca, p);
        continue;
      }
      for (let y = b.start[i]!; y < b.start[i + 1]!; y++) {
        const cb = ca * sizes[1]! + b.codes[y]!;
        if (!c) {
          count(cb, p);
          continue;
        }
        for (let z = c.start[i]!; z < c.start[i + 1]!; z++) count(cb * sizes[2]! + c.codes[z]!, p);
      }
    }
  }
  return { sizes, names: dims.map((d) => d.names), counts };
}

/** The key of a cell code: one value per dimension (a pair dimension's value splits in two). */
export function keyOf(table: TableCounts, code: number): string[] {
  const parts: string[] = [];
  for (let d = table.sizes.length - 1; d >= 0; d--) {
    const size = table.sizes[d]!;
    parts.unshift(table.names[d]![code % size]!);
    code = Math.floor(code / size);
  }
  return parts.flatMap((part) => part.split("\u0000"));
}

/** The facts of one table by cell: the facts of cell `code` are `facts[start[code] .. start[code + 1])`. */
export type CellFacts = { start: Int32Array; facts: Int32Array };

/**
 * Groups fact indices by cell: `cellsOf(i, push)` calls `push(code)` for each cell fact i is in (once per
 * cell); `cells` is the number of codes. Facts stay in their order (by person) within a cell.
 */
export function groupByCell(
  size: number,
  cells: number,
  cellsOf: (fact: number, push: (code: number) => void) => void,
): CellFacts {
  // each fact's cells, once, in fact order; then counted into place
  let of = new Int32Array(Math.max(16, size));
  const from = new Int32Array(size + 1);
  let length = 0;
  const push = (code: number) => {
    if (length === of.length) {
      const grown = new Int32Array(length * 2);
      grown.set(of);
      of = grown;
    }
    of[length++] = code;
  };
  for (let i = 0; i < size; i++) {
    from[i] = length;
    cellsOf(i, push);
  }
  from[size] = length;
  return placeInCells(size, cells, { from, of: of.subarray(0, length) });
}

/** Each fact's cells of a table, in fact order: fact i is in cells `of[from[i] .. from[i + 1])`. */
function cellsOfFacts(size: number, dims: DimensionIndex[], sizes: number[]): { from: Int32Array; of: Int32Array } {
  const [da, db, dc] = dims as [DimensionIndex, DimensionIndex | undefined, DimensionIndex | undefined];
  const from = new Int32Array(size + 1);
  if (!db) {
    // one dimension: its codes are the cells
    from.set(da.start);
    return { from, of: da.codes };
  }
  let of = new Int32Array(Math.max(16, size * 2));
  let length = 0;
  const s1 = sizes[1]!;
  const s2 = sizes[2] ?? 1;
  for (let i = 0; i < size; i++) {
    from[i] = length;
    const need =
      (da.start[i + 1]! - da.start[i]!) *
      (db.start[i + 1]! - db.start[i]!) *
      (dc ? dc.start[i + 1]! - dc.start[i]! : 1);
    if (length + need > of.length) {
      const grown = new Int32Array(Math.max(of.length * 2, length + need));
      grown.set(of);
      of = grown;
    }
    for (let x = da.start[i]!; x < da.start[i + 1]!; x++) {
      const ca = da.codes[x]! * s1;
      for (let y = db.start[i]!; y < db.start[i + 1]!; y++) {
        const cb = ca + db.codes[y]!;
        if (!dc) of[length++] = cb;
        else for (let z = dc.start[i]!; z < dc.start[i + 1]!; z++) of[length++] = cb * s2 + dc.codes[z]!;
      }
    }
  }
  from[size] = length;
  return { from, of: of.subarray(0, length) };
}

/** Facts grouped by cell from each fact's cells (a counting sort): facts stay in their order within a cell. */
function placeInCells(size: number, cells: number, of: { from: Int32Array; of: Int32Array }): CellFacts {
  const length = of.from[size]!;
  const start = new Int32Array(cells + 1);
  for (let k = 0; k < length; k++) start[of.of[k]! + 1]! += 1;
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, cells);
  const facts = new Int32Array(length);
  for (let i = 0; i < size; i++) for (let k = of.from[i]!; k < of.from[i + 1]!; k++) facts[next[of.of[k]!]!++] = i;
  return { start, facts };
}

const cellFacts = new WeakMap<FactIndex, Map<string, CellFacts>>();

/**
 * Every fact of the index grouped by the cell of `table` it is in (null: the population, one cell of all
 * facts), built once per fact list: what the differencing guard counts a cell over other periods and filters from.
 */
export function cellFactsOf(index: FactIndex, table: TableSpec | null): CellFacts {
  let byTable = cellFacts.get(index);
  if (!byTable) cellFacts.set(index, (byTable = new Map()));
  const id = table?.id ?? "";
  const found = byTable.get(id);
  if (found) return found;
  let built: CellFacts;
  if (!table) built = groupByCell(index.facts.length, 1, (_, push) => push(0));
  else {
    const dims = table.dims.map((d) => index.dimension(d));
    const sizes = dims.map((d) => Math.max(1, d.names.length));
    const cells = sizes.reduce((a, b) => a * b, 1);
    built = placeInCells(index.facts.length, cells, cellsOfFacts(index.facts.length, dims, sizes));
  }
  byTable.set(id, built);
  return built;
}
