import { isNegator } from "./detect-negation.ts";
import { CLAUSE_BREAK, SENTENCE_END, tokenAtChar, type NormalizedText } from "./normalize-text.ts";
import { stemCandidates } from "./stem-word.ts";
import { compileWordPattern, firstWordMatch, type WordPattern } from "./word-index.ts";
import {
  CARE_REFUSED,
  CHILD_TAKEN,
  ARMED,
  CUT_OFF,
  DISTRESS,
  FICTION,
  HABITUAL,
  HIDING,
  ILL,
  IMMINENT_BEFORE,
  LETHAL_EN,
  LETHAL_ROOTS,
  MOVED_SOON,
  NOW_WORDS,
  PHONE,
  PLAYFUL,
  RAN_AWAY,
  REFLEXIVE,
  SOS_AS_NAME,
  SOS_WORDS,
  STARVED,
  STRANDED,
  TAKE_AWAY,
  VIOLENCE_EN,
  VIOLENCE_ROOTS,
} from "./urgency-vocabulary.ts";

/**
 * Why a message is an emergency a hotline would act on now, beyond the catalogue's emergency phrases:
 * an SOS word; violence about to happen or happening ("mau mukul sy skrg", "going to beat me now"); having
 * run away and being stranded without money or papers; the phone about to be taken ("ini mungkin
 * terakhir saya chat"); being moved on soon, in distress.
 */
export type UrgencyCue = {
  cue:
    | "sos"
    | "imminent_violence"
    | "imminent_lethal"
    | "stranded"
    | "cut_off"
    | "moved_soon"
    | "moved_plain"
    | "care_refused"
    | "child_taken"
    | "armed"
    | "starved";
  first: number;
  last: number;
  /** A second span the cue needs as well (the illness beside care refused). */
  with?: { first: number; last: number };
};

const words = (source: string): WordPattern => compileWordPattern(source);
const SOS = words(SOS_WORDS);
const SOS_NAME = words(SOS_AS_NAME);
const NOW = new RegExp(`(?<=^| )(?:${NOW_WORDS})(?= |$)`, "g");
const RAN = words(RAN_AWAY);
const STRAND = words(STRANDED);
const SAFE_HOME = words(
  "sudah (?:di rumah|pulang|di indonesia|di kampung|aman|di shelter|di kbri|di kjri)|sekarang (?:sudah )?(?:aman|di rumah|di shelter|di kbri|di kjri)|(?:now|already) (?:safe|home|at the shelter|at the embassy)|dulu|pernah|years ago|tahun lalu|used to",
);
const PHONE_TAKEN = words(
  `(?:${PHONE}) (?:\\S+ ){0,3}(?:mau|akan|bakal|will be|going to be|about to be|nanti|sebentar lagi|is going to be) (?:\\S+ )?(?:${TAKE_AWAY})|(?:mau|akan|bakal|going to|will|about to|want to) (?:\\S+ ){0,2}(?:ambil|sita|rampas|take|confiscate|grab|smash|break) (?:\\S+ ){0,2}(?:${PHONE})|${CUT_OFF}`,
);
const MOVED = words(MOVED_SOON);
/** The message opens with someone else as its subject: "istri saya …", "my daughter …". */
const ABOUT_OTHER =
  /^(?:\S+ ){0,3}(?:istri|suami|anak|adik|kakak|sepupu|teman|ibu|ayah|bapak|mama|mamah|papa|keponakan|ponakan|tetangga|pacar|my (?:wife|husband|son|daughter|sister|brother|friend|mother|father|cousin|niece|nephew)) /;
const CARE = words(CARE_REFUSED);
const ILLNESS = words(ILL);
const TAKEN = words(CHILD_TAKEN);
const DISTRESSED = words(DISTRESS);
const ARMED_NOW = words(ARMED);
const STARVING = words(STARVED);
/** The weapon is in a story that is over or a what-if: "dulu pernah ditodong", "kalau dia bawa pisau". */
const NOT_NOW_WEAPON = words(
  "dulu|pernah|tahun lalu|years ago|used to|kalau|jika|if|film|game|masak|memasak|dapur|kitchen|cooking|cook|potong sayur|buah|jual|beli|buy|sell|toko|shop",
);
const PLAY = new RegExp(`(?<=^| )(?:${PLAYFUL})(?= |$)|😂|🤣`);
const FICTIONAL = new RegExp(`(?<=^| )(?:${FICTION})(?= |$)`);

export function detectUrgency(normalized: NormalizedText): UrgencyCue[] {
  const cues: UrgencyCue[] = [];
  const at = (index: number): number => tokenIndexAt(normalized, index);
  const sos = firstMatch(SOS, normalized, (index, length) => !overlaps(SOS_NAME, normalized, index, length));
  if (sos !== undefined) cues.push({ cue: "sos", first: at(sos[0]), last: at(sos[0] + sos[1] - 1) });
  const violence = imminentViolence(normalized);
  if (violence !== undefined) {
    const verb = normalized.tokens[violence.last]?.text ?? "";
    cues.push({ cue: isLethal(verb) ? "imminent_lethal" : "imminent_violence", ...violence });
  }
  const ran = firstMatch(RAN, normalized);
  const strand = firstMatch(STRAND, normalized);
  // Stranded is the writer's own alarm ("sy kabur … di jalan"); a relative's account of it is a report.
  if (
    ran !== undefined &&
    strand !== undefined &&
    firstMatch(SAFE_HOME, normalized) === undefined &&
    !ABOUT_OTHER.test(normalized.text)
  ) {
    cues.push({ cue: "stranded", first: at(ran[0]), last: at(strand[0] + strand[1] - 1) });
  }
  const phone = firstMatch(PHONE_TAKEN, normalized);
  if (phone !== undefined) cues.push({ cue: "cut_off", first: at(phone[0]), last: at(phone[0] + phone[1] - 1) });
  const moved = firstMatch(MOVED, normalized);
  if (moved !== undefined) {
    // In distress it is an alarm by itself; without, only beside a sign of control (assessText decides).
    const cue = firstMatch(DISTRESSED, normalized) !== undefined ? "moved_soon" : "moved_plain";
    cues.push({ cue, first: at(moved[0]), last: at(moved[0] + moved[1] - 1) });
  }
  const refused = firstMatch(CARE, normalized);
  const illness = firstMatch(ILLNESS, normalized);
  if (refused !== undefined && illness !== undefined) {
    cues.push({
      cue: "care_refused",
      first: at(refused[0]),
      last: at(refused[0] + refused[1] - 1),
      with: { first: at(illness[0]), last: at(illness[0] + illness[1] - 1) },
    });
  }
  const armed = firstMatch(ARMED_NOW, normalized);
  if (
    armed !== undefined &&
    firstMatch(NOT_NOW_WEAPON, normalized) === undefined &&
    firstMatch(SAFE_HOME, normalized) === undefined
  )
    cues.push({ cue: "armed", first: at(armed[0]), last: at(armed[0] + armed[1] - 1) });
  const starved = firstMatch(STARVING, normalized);
  if (starved !== undefined && firstMatch(SAFE_HOME, normalized) === undefined)
    cues.push({ cue: "starved", first: at(starved[0]), last: at(starved[0] + starved[1] - 1) });
  const taken = firstMatch(TAKEN, normalized);
  if (taken !== undefined) cues.push({ cue: "child_taken", first: at(taken[0]), last: at(taken[0] + taken[1] - 1) });
  return cues;
}

/** Laughter, a game, a film or a novel: frightening words there tell no one's situation. */
export function isPlayful(normalized: NormalizedText): boolean {
  return PLAY.test(normalized.text) || FICTIONAL.test(normalized.text);
}

const BOUNDARY: ReadonlySet<string> = new Set([SENTENCE_END, CLAUSE_BREAK]);
const CONDITIONAL: ReadonlySet<string> = new Set(["kalau", "jika", "bila", "apabila", "if", "unless", "kecuali"]);
const PAST: ReadonlySet<string> = new Set([
  "pernah",
  "dulu",
  "sudah",
  "kemarin",
  "waktu",
  "tadi",
  "used",
  "once",
  "last",
]);

/** A violent verb with a cue of now or soon before it in its sentence, not negated. */
function imminentViolence(normalized: NormalizedText): { first: number; last: number } | undefined {
  const { tokens } = normalized;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.text ?? "";
    if (!isViolent(word) || REFLEXIVE.has(tokens[i + 1]?.text ?? "")) continue;
    let sentenceStart = i;
    while (sentenceStart > 0 && i - sentenceStart < REACH && !BOUNDARY.has(tokens[sentenceStart - 1]?.text ?? ""))
      sentenceStart--;
    let sentenceEnd = i;
    while (
      sentenceEnd < tokens.length - 1 &&
      sentenceEnd - i < REACH &&
      !BOUNDARY.has(tokens[sentenceEnd + 1]?.text ?? "")
    )
      sentenceEnd++;
    const before = tokens.slice(Math.max(sentenceStart, i - 3), i).map((token) => token.text);
    if (before.some((token) => isNegator(token) || HABITUAL.has(token) || PAST.has(token))) continue;
    const sentence = tokens
      .slice(sentenceStart, sentenceEnd + 1)
      .map((token) => token.text)
      .join(" ");
    // "kalau lapor, dia akan mukul" / "if I tell anyone he will hurt me": a threat (FL-07), not the moment.
    if (conditionNear(tokens, i)) continue;
    const cueBefore = before.findIndex((token) => IMMINENT_BEFORE.has(token));
    NOW.lastIndex = 0;
    if (cueBefore >= 0) return { first: i - before.length + cueBefore, last: i };
    if (NOW.test(sentence)) return { first: i, last: i };
    const hiding = hidingNear(tokens, i);
    if (hiding !== undefined) return { first: Math.min(hiding, i), last: Math.max(hiding, i) };
  }
  return undefined;
}

/** A word of hiding in the same full sentence (across commas), within twelve tokens of the verb. */
function hidingNear(tokens: NormalizedText["tokens"], i: number): number | undefined {
  for (const step of [-1, 1]) {
    for (let j = i + step; Math.abs(j - i) <= 12 && j >= 0 && j < tokens.length; j += step) {
      const word = tokens[j]?.text ?? "";
      if (word === SENTENCE_END) break;
      if (HIDING.has(word)) return j;
    }
  }
  return undefined;
}

/** A condition within six tokens of the verb, across commas but not across a full stop. */
function conditionNear(tokens: NormalizedText["tokens"], i: number): boolean {
  for (const step of [-1, 1]) {
    for (let j = i + step; Math.abs(j - i) <= 6 && j >= 0 && j < tokens.length; j += step) {
      const word = tokens[j]?.text ?? "";
      if (word === SENTENCE_END) break;
      if (CONDITIONAL.has(word)) return true;
    }
  }
  return false;
}

/** How far a clause reaches in a run-on without commas or full stops. */
const REACH = 40;
/** Whether each word seen so far is a violent verb: worked out once per word. */
const VIOLENT = new Map<string, boolean>();

function isViolent(word: string): boolean {
  const known = VIOLENT.get(word);
  if (known !== undefined) return known;
  const violent =
    VIOLENCE_EN.has(word) ||
    VIOLENCE_EN.has(englishBase(word)) ||
    stemCandidates(word).some((stem) => VIOLENCE_ROOTS.has(stem));
  if (VIOLENT.size >= 20_000) VIOLENT.clear();
  VIOLENT.set(word, violent);
  return violent;
}

/** A verb of violence that can kill: "dibunuh", "nusuk", "stabbing". */
function isLethal(word: string): boolean {
  return (
    LETHAL_EN.has(word) ||
    LETHAL_EN.has(englishBase(word)) ||
    stemCandidates(word).some((stem) => LETHAL_ROOTS.has(stem))
  );
}

/** "hitting" → "hit", "beats" → "beat", "killed" → "kill". */
function englishBase(word: string): string {
  const bare = word.replace(/(?:ing|ed|es|s)$/, "");
  return /([bcdfghjklmnpqrstvwxz])\1$/.test(bare) ? bare.slice(0, -1) : bare;
}

function firstMatch(
  pattern: WordPattern,
  normalized: NormalizedText,
  accept: (index: number, length: number) => boolean = () => true,
): [number, number] | undefined {
  return firstWordMatch(normalized, pattern, accept);
}

function overlaps(pattern: WordPattern, normalized: NormalizedText, index: number, length: number): boolean {
  const overlapping = (at: number, size: number): boolean => at < index + length && index < at + size;
  return firstWordMatch(normalized, pattern, overlapping) !== undefined;
}

function tokenIndexAt(normalized: NormalizedText, charIndex: number): number {
  return Math.max(0, tokenAtChar(normalized, charIndex));
}
