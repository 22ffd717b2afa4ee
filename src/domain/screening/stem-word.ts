/**
 * The possible roots of an Indonesian verb as people write it, so one root stands for all its forms:
 * "dipukuli", "mukul", "memukul", "mukulin", "pukulan" → "pukul"; "nyiksa", "disiksa" → "siksa";
 * "nendang" → "tendang"; "ngancem" → "ancem". Rules of the language, not a word list: the passive
 * di-/ke-/ter-, the active me-/ng-/ny-/m-/n- with its nasal replacing p/t/k/s, and the suffixes
 * -in/-i/-kan/-an/-nya. Over-generating is fine: a candidate only counts when a vocabulary has it.
 */
export function stemCandidates(word: string): string[] {
  const out = new Set<string>([word]);
  for (const base of withoutSuffix(word)) {
    out.add(base);
    for (const root of withoutPrefix(base)) out.add(root);
  }
  return [...out];
}

const SUFFIXES = ["kannya", "innya", "inya", "kan", "in", "nya", "i", "an"];

function withoutSuffix(word: string): string[] {
  const out = [word];
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  }
  return out;
}

function withoutPrefix(word: string): string[] {
  const out: string[] = [];
  const add = (root: string): void => {
    if (root.length >= 3) out.push(root);
  };
  for (const prefix of ["di", "ke", "ter", "ber", "se"]) if (word.startsWith(prefix)) add(word.slice(prefix.length));
  // me-/ng-/ny-/m-/n- (active voice): the nasal may replace the root's first consonant.
  const active = /^(?:me(?:ng|ny|m|n)?|ng|ny|m|n)(.+)$/.exec(word);
  const rest = active?.[1];
  if (rest !== undefined) {
    const nasal = /^(me)?(ng|ny|m|n)/.exec(word)?.[2];
    add(rest);
    if (nasal === "m") add(`p${rest}`);
    if (nasal === "n") add(`t${rest}`);
    if (nasal === "ny") add(`s${rest}`);
    if (nasal === "ng") add(`k${rest}`);
    if (word.startsWith("me") && !nasal) add(rest);
  }
  return out;
}
