import { derivePalermo } from "../screening/derive-palermo.ts";
import { isIndicatorId } from "../screening/catalogue.ts";
import { normalizeText } from "../screening/normalize-text.ts";

const NO_TEXT = normalizeText("");

/**
 * The Palermo elements a ticket's indicators are evidence of, from the indicators alone (a ticket keeps no
 * words for statistics), plus "all_three" when act, means and purpose are all present.
 */
export function derivePalermoOf(indicators: readonly string[]): string[] {
  const palermo = derivePalermo(indicators.filter(isIndicatorId), NO_TEXT);
  const elements = (["act", "means", "purpose"] as const).filter((element) => palermo[element]);
  return elements.length === 3 ? [...elements, "all_three"] : elements;
}
