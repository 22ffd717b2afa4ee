import type { NormalizedText } from "./normalize-text.ts";
import { KIN } from "./patterns/fragments.ts";

/** Whether a message asks something, and whether it is about someone's own situation. */
export type QuestionKind = "none" | "personal" | "general";

const words = (source: string): RegExp => new RegExp(`(?<=^| )(?:${source})(?= |$)`);

const QUESTION_START =
  /^(?:apa|apakah|bagaimana|berapa|kapan|di mana|ke mana|siapa|kenapa|mengapa|boleh|bolehkah|bisakah|gimana|how|what|where|when|which|who|why|is|are|can|could|should|do|does)(?= |$)/;
const QUESTION_ANYWHERE = words(
  "cara|caranya|bagaimana cara|mau tanya|ingin bertanya|numpang tanya|beneran (?:tidak|atau tidak)|asli (?:tidak|atau tidak)|resmi (?:tidak|atau tidak)|legal (?:tidak|atau tidak)|boleh (?:tidak|atau tidak)|is it (?:legal|true|normal|safe|real|ok)|how (?:do|can|to)",
);
/** Asking phrases that contain "saya" without telling the person's own story. */
const ASKING_IDIOMS = words(
  "(?:apa yang|bagaimana|apa) (?:harus|bisa|sebaiknya|perlu) saya (?:lakukan|lakuin|perbuat|lakukan sekarang)|apa hak saya|hak saya apa|what are my rights|saya (?:mau|ingin|boleh) (?:tanya|bertanya|nanya)|(?:can|may) i ask|i (?:want|would like) to (?:ask|know)|(?:what|how) (?:should|can|do) i do|do i need|can i",
);
const PERSONAL = words(`saya|kami|kita|kamu|i|me|my|we|us|our|mine|${KIN}`);

/**
 * "general" = a question that tells no one's own story ("apakah majikan boleh menahan paspor
 * pekerja?"); its indicators are topics, not facts about a person. "personal" = a question about
 * the writer or someone they know ("is it legal for the agency to keep my passport?").
 */
export function detectQuestion(normalized: NormalizedText): QuestionKind {
  const { text, original } = normalized;
  const asks = original.includes("?") || QUESTION_START.test(text) || QUESTION_ANYWHERE.test(text);
  if (!asks) return "none";
  const withoutIdioms = text.replace(new RegExp(ASKING_IDIOMS.source, "g"), " ");
  return PERSONAL.test(withoutIdioms) ? "personal" : "general";
}
