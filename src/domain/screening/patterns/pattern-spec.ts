import type { IndicatorId } from "../catalogue.ts";

/**
 * One way of saying that an indicator is present, written as a regular expression over the
 * normalised text (see normalize-text.ts: canonical lower-case tokens separated by single spaces,
 * "." ends a sentence and "," a clause). Token boundaries are added when the pattern is compiled,
 * so `re: "dipukul(?:i|in)?"` never matches inside another word.
 */
export type PatternSpec = {
  re: string;
  /**
   * Whether a negation in front of the match ("tidak dipukul", "never hit me") cancels it.
   * Set to false when the pattern spells out its own negation ("tidak dibayar", "not allowed to leave").
   * Default: true.
   */
  negatable?: boolean;
  /** The sentence around the match must NOT match this (e.g. "hp … dikunci" is a locked phone, not a person). */
  unless?: string;
  /** The whole message must ALSO match this (e.g. a work or migration setting). */
  needs?: string;
};

/** Patterns per indicator id. */
export type PatternTable = Partial<Record<IndicatorId, readonly PatternSpec[]>>;
