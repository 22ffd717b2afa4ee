/**
 * Public types of the screening engine. The shapes follow the contract in SCREENING.md
 * (`POST /api/screening/assess`); do not add fields here without updating that contract.
 */
export type Locale = "id" | "en";
/** The languages screening tells apart (ISO 639-1): ours, and those of people brought into Indonesia. */
export type Language = Locale | "tl" | "vi" | "th" | "my" | "km" | "ms" | "zh" | "es" | "pt";
export type Intent = "help" | "family_tracing" | "information" | "report_recruiter" | "other";
export type Risk = "high" | "medium" | "low" | "none";
export type Priority = "urgent" | "high" | "normal" | "low";
export type Strength = "strong" | "medium" | "weak";

/** An indicator's human name, in both languages the team reads (locales/<lng>/screening.json). */
export type IndicatorName = { id: string; en: string };

/**
 * One indicator that fired; `evidence` is the span of the person's own text that says it (or the
 * answered question); `name` is what caseworkers read instead of the id.
 */
export type IndicatorHit = { id: string; category: string; strength: Strength; evidence: string; name: IndicatorName };

/** How much of the message screening could read: its words, the ones it knows, and whether it reads the language. */
export type Understanding = { words: number; knownWords: number; languageRead: boolean };

export type Palermo = { act: boolean; means: boolean; purpose: boolean };

export type Assessment = {
  /** detected from the text (ISO 639-1); the conversation locale when the text does not tell */
  language: Language;
  intent: Intent;
  emergency: boolean;
  /** A danger signal that is not a clear emergency: the engine asks the safety question at once. */
  safetyCheck: boolean;
  /** Thoughts of suicide or self-harm: their own answer (mental-health line), not the trafficking block. */
  selfHarm: boolean;
  child: boolean;
  indicators: IndicatorHit[];
  palermo: Palermo;
  risk: Risk;
  priority: Priority;
  explanation: { id: string; en: string };
  /**
   * Screening understood little of the message (a language it does not read, or a longer message of
   * mostly unknown words): a caseworker should read it, whatever the risk says.
   */
  littleUnderstood: boolean;
  understanding: Understanding;
};

/** An answer given in the guided screening flow to the question of one indicator. */
export type Answer = "yes" | "no" | "unsure";

export type AssessTextInput = {
  text: string;
  /** The conversation locale; used when the text itself is too short to tell the language. */
  locale?: Locale;
  /** Answers from the guided flow, keyed by indicator id. */
  answers?: Record<string, Answer>;
};

/**
 * Looks up a key of the i18next namespace "screening" for one language and interpolates `{{var}}`.
 * The app passes `(lng, key, vars) => i18n.getFixedT(lng, "screening")(key, vars)`; tests pass a small
 * helper that reads the same JSON files.
 */
export type Translate = (lng: Locale, key: string, vars?: Record<string, unknown>) => string;
