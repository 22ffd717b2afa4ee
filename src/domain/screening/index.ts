export { assessText } from "./assess-text.ts";
export { INDICATORS, INDICATOR_IDS, Indicator, IndicatorId, findIndicator, isIndicatorId } from "./catalogue.ts";
export { detectLanguage, localeFor } from "./detect-language.ts";
export { nextQuestions, QUESTION_ORDER } from "./next-questions.ts";
export type {
  Answer,
  Assessment,
  AssessTextInput,
  IndicatorHit,
  IndicatorName,
  Language,
  Intent,
  Locale,
  Palermo,
  Priority,
  Risk,
  Strength,
  Translate,
  Understanding,
} from "./types.ts";
