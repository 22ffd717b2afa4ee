import { simplify } from "../understand/understand-reply.ts";

/**
 * A message written by a relative about someone else ("anak sy", "my daughter", "adik saya", "suami"):
 * they are asking about a family member, so they are offered tracing and never screened as the victim.
 * "not me" / "bukan saya" makes it certain; a relative named with a possessive is enough.
 */
export type Relative = "child" | "sibling" | "spouse" | "parent" | "relative";

const WORDS: [Relative, string][] = [
  ["child", "anak|anakku|anak ku|putri|putra|putriku|putraku|daughter|son|child|kid"],
  ["sibling", "adik|adek|adikku|kakak|kakakku|abang|saudara|saudari|sister|brother|sis"],
  ["spouse", "suami|suamiku|istri|istriku|isteri|husband|wife"],
  ["parent", "ibu|ibuku|bapak|bapakku|ayah|ayahku|mama|papa|emak|mother|father|mom|mum|dad"],
  ["relative", "keponakan|ponakan|sepupu|paman|bibi|tante|om|cucu|niece|nephew|cousin|aunt|uncle|grandchild"],
];
const POSSESSIVE_ID = "(?:saya|sy|aku|ku|gue|gw|kami)";
const POSSESSIVE_EN = "(?:my|our)";
const NOT_ME =
  /\b(?:bukan\s+(?:saya|sy|aku|gue|gw)|not\s+(?:me|about\s+me|for\s+me)|it\s*'?s\s+not\s+me|its\s+not\s+me|untuk\s+(?:anak|adik|kakak|suami|istri|keluarga))\b/;
const ASKING_ABOUT =
  /\b(?:hilang|tidak\s+ada\s+kabar|gak\s+ada\s+kabar|ga\s+ada\s+kabar|gak\s+bisa\s+dihubungi|tidak\s+bisa\s+dihubungi|ga\s+bisa\s+dihubungi|hp\s*nya\s+mati|nomornya\s+mati|missing|lost\s+contact|no\s+news|can\s*'?t\s+reach|cannot\s+reach|not\s+answering|disappeared|haven\s*'?t\s+heard|putus\s+kontak|kabar)\b/;

export function detectRelative(text: string): { relative: Relative; notMe: boolean; missing: boolean } | null {
  const simple = simplify(text);
  const notMe = NOT_ME.test(simple);
  for (const [relative, words] of WORDS) {
    const own = new RegExp(
      `\\b(?:(?:${words})\\s+${POSSESSIVE_ID}|${POSSESSIVE_EN}\\s+(?:\\w+\\s+)?(?:${words})|(?:anakku|adikku|kakakku|suamiku|istriku|ibuku|bapakku|ayahku|putriku|putraku))\\b`,
    );
    if (own.test(simple) || (notMe && new RegExp(`\\b(?:${words})\\b`).test(simple)))
      return { relative, notMe, missing: ASKING_ABOUT.test(simple) };
  }
  return null;
}

/** Who the writer is to the person they ask about (the tracing form's "how are you related"): a child's parent. */
export const WRITER_IS: Record<Relative, "parent" | "child" | "sibling" | "spouse" | "relative"> = {
  child: "parent",
  parent: "child",
  sibling: "sibling",
  spouse: "spouse",
  relative: "relative",
};

/** "Is she with you?", "apakah anak saya ada di sana?": someone asking whether a person is known. */
export function asksWhetherKnown(text: string): boolean {
  const simple = simplify(text);
  return (
    (/\b(?:apakah|apa|apa\s+kah|tahu|tau|kenal|ada)\b.*\b(?:di\s*(?:sana|situ|data|lentera)|terdaftar|tercatat|kenal|tahu\s+dimana|tau\s+dimana|dimana|di\s+mana|keberadaan)\b/.test(
      simple,
    ) &&
      /\b(?:anak|adik|kakak|suami|istri|ibu|bapak|ayah|dia|nya)\b/.test(simple)) ||
    /\b(?:do\s+you\s+(?:know|have)|is\s+(?:she|he)\s+(?:there|with\s+you|in\s+your)|have\s+you\s+(?:seen|heard|found)|where\s+is\s+(?:she|he|my))\b/.test(
      simple,
    )
  );
}
