/**
 * What a pattern's match must begin with, read from the pattern's source: the literal start of its first
 * word in every branch ("(?:ditusuk|dibacok) …" → "ditusuk", "dibacok"). A message none of whose words
 * begins so cannot match, so the matcher skips the regular expression (a necessary condition only: the
 * expression still decides). `undefined` when some branch can begin with anything (a gap, a class, "\S").
 *
 * Only the syntax the pattern files use is understood exactly; anything else counts as "any start",
 * which never skips a pattern wrongly.
 */
export function firstWordPrefixes(source: string): string[] | undefined {
  const parser = new Parser(source);
  const items = parser.alternation();
  if (parser.failed || parser.at < source.length) return undefined;
  const prefixes = [...new Set(items.map((item) => item.text))];
  return prefixes.some((prefix) => prefix === "") ? undefined : prefixes;
}

/** The longest prefix kept: longer ones are cut, which only weakens the condition. */
export const PREFIX_MAX = 6;
const MAX_ITEMS = 400;

/**
 * One way a match of a piece of the pattern can begin. `open`: the piece matches exactly `text`, so
 * what follows extends it; otherwise the match only begins with `text`.
 */
type Item = { text: string; open: boolean };

const EMPTY: readonly Item[] = [{ text: "", open: true }];
const ANY: readonly Item[] = [{ text: "", open: false }];

class Parser {
  at = 0;
  failed = false;
  constructor(private readonly source: string) {}

  alternation(): Item[] {
    const items = [...this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      items.push(...this.sequence());
    }
    return items.length > MAX_ITEMS ? [...ANY] : items;
  }

  private sequence(): readonly Item[] {
    let items: readonly Item[] = EMPTY;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.quantified(this.atom());
      if (this.failed) return ANY;
      items = concat(items, atom);
    }
    return items;
  }

  private atom(): readonly Item[] {
    const char = this.source[this.at++];
    if (char === "(") return this.group();
    if (char === "[") return this.skipClass();
    if (char === "\\") return this.escape();
    if (char === "." || char === undefined) return ANY;
    if (char === "^" || char === "$") return EMPTY;
    if ("*+?{}]".includes(char)) {
      this.failed = true;
      return ANY;
    }
    return [{ text: char, open: true }];
  }

  private group(): readonly Item[] {
    const rest = this.source.slice(this.at);
    const lookaround = /^\?(?:=|!|<=|<!)/.exec(rest);
    const named = /^\?<[A-Za-z_]\w*>/.exec(rest);
    if (lookaround !== null) this.at += lookaround[0].length;
    else if (named !== null) this.at += named[0].length;
    else if (rest.startsWith("?:")) this.at += 2;
    else if (rest.startsWith("?")) this.failed = true;
    const inner = this.alternation();
    if (this.source[this.at] !== ")") this.failed = true;
    this.at++;
    // A lookaround consumes nothing: the match begins with whatever follows it.
    return lookaround !== null ? EMPTY : inner;
  }

  private skipClass(): readonly Item[] {
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      if (this.source[this.at] === "\\") this.at++;
      this.at++;
    }
    if (this.source[this.at] !== "]") this.failed = true;
    this.at++;
    return ANY;
  }

  private escape(): readonly Item[] {
    const char = this.source[this.at++];
    if (char === undefined) {
      this.failed = true;
      return ANY;
    }
    if (char === "b" || char === "B") return EMPTY;
    // Classes (\d, \S …), back-references and code escapes: no literal start.
    if (/[A-Za-z0-9]/.test(char)) return ANY;
    return [{ text: char, open: true }];
  }

  /** `atom?`, `atom*`, `atom+`, `atom{m,n}`, each optionally lazy. */
  private quantified(atom: readonly Item[]): readonly Item[] {
    const rest = this.source.slice(this.at);
    const quantifier = /^(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})\??/.exec(rest);
    if (quantifier === null) return atom;
    this.at += quantifier[0].length;
    const symbol = quantifier[0][0];
    const min = symbol === "?" || symbol === "*" ? 0 : symbol === "+" ? 1 : Number(quantifier[1]);
    const max =
      symbol === "?"
        ? 1
        : symbol === "*" || symbol === "+"
          ? Infinity
          : quantifier[2] === undefined
            ? min
            : quantifier[3] === ""
              ? Infinity
              : Number(quantifier[3]);
    if (min === 1 && max === 1) return atom;
    // One or more repeats begin with the atom; what follows the first repeat is not known.
    const closed = atom.map((item) => ({ text: item.text, open: false }));
    if (min === 0 && max === 1) return [...atom, ...EMPTY];
    return min === 0 ? [...closed, ...EMPTY] : closed;
  }
}

function concat(left: readonly Item[], right: readonly Item[]): readonly Item[] {
  const out: Item[] = [];
  for (const a of left) {
    if (!a.open) {
      out.push(a);
      continue;
    }
    for (const b of right) out.push(settle(a.text + b.text, b.open));
    if (out.length > MAX_ITEMS) return ANY;
  }
  return out;
}

/** The first word only, at most PREFIX_MAX characters: beyond that the start is settled. */
function settle(text: string, open: boolean): Item {
  const space = text.indexOf(" ");
  const word = space < 0 ? text : text.slice(0, space);
  if (word.length >= PREFIX_MAX) return { text: word.slice(0, PREFIX_MAX), open: false };
  return { text: word, open: open && space < 0 };
}
