import { simplify } from "../understand/understand-reply.ts";

/**
 * What an everyday message is when it is not an answer: a greeting, a salam, thanks, goodbye, fear, asking
 * for the caseworker or for a person, or a question the bot cannot answer. Short messages only: a longer one
 * is a story and is treated as one.
 */
export type SmallTalk =
  | "salam"
  | "greeting"
  | "thanks"
  | "bye"
  | "fear"
  | "caseworker_when"
  | "want_person"
  | "is_bot"
  | "question";

const RULES: [SmallTalk, RegExp][] = [
  [
    "want_person",
    /\b(?:mau|ingin|pengen|pingin|bisa|boleh|minta|tolong)\b.*\b(?:ngomong|bicara|ngobrol|chat|telpon|telepon|bertemu|ketemu)\b.*\b(?:orang|manusia|petugas|admin|cs|seseorang|staf|staff)\b|\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+)?(?:real\s+)?(?:person|human|someone|somebody|staff|caseworker|agent)\b|\b(?:real|actual)\s+(?:person|human)\b|\bsama\s+(?:orang|manusia|petugas)\b/,
  ],
  [
    "caseworker_when",
    /\b(?:kapan|kok\s+belum|belum\s+di\s*bales|belum\s+dibalas|lama\s+banget)\b.*\b(?:bales|balas|balasan|jawab|respon|hubungi|telpon|petugas|admin)\b|\b(?:petugas|admin|mbak|mba|mas|kak|bu|pak)\s*\w*\s+(?:masih\s+)?(?:di\s*situ|disana|di\s*sana|ada|online)\b|\bmasih\s+(?:di\s*situ|disitu|ada\s+orang|online)\b|\b(?:when|how\s+long)\b.*\b(?:reply|answer|respond|call|contact|hear)\b|\b(?:petugas|admin|orang|manusia)(?:nya)?\s+(?:ada\s+)?(?:di\s*)?mana\b|\bmana\s+(?:petugas|admin|orang|manusia)(?:nya)?\b|\bwhere(?:'s|\s+is|\s+are)\s+(?:the\s+|my\s+|a\s+)?(?:caseworker|staff|officer|person|human|agent|someone|anyone)\b|\b(?:anyone|anybody|someone)\s+(?:there|here)\b|\bare\s+you\s+(?:still\s+)?there\b|\bstill\s+there\b/,
  ],
  [
    "is_bot",
    /\b(?:ini|kamu|anda)\s+(?:bot|robot|mesin|manusia|orang)\b|\bare\s+you\s+(?:a\s+)?(?:bot|robot|human|real)\b/,
  ],
  [
    "fear",
    /\b(?:takut|tkt|khawatir|kuatir|cemas|panik|gelisah|was\s*was|ngeri|scared|afraid|frightened|terrified|worried|anxious|panicking|nervous)\b/,
  ],
  [
    "salam",
    /\b(?:assalamu\s*'?\s*alaikum|assalamualaikum|asalamualaikum|assalamu'alaikum|assalamualaikum\s*wr\s*wb|aslm|ass\s+wr\s+wb|salam)\b/,
  ],
  [
    "thanks",
    /\b(?:makasih|makasi|mksh|mks|trims|trimakasih|terima\s*kasih|thanks|thank\s+you|thx|ty|tq|tengkyu|nuhun|matur\s+nuwun|suwun)\b/,
  ],
  ["bye", /\b(?:bye|dadah|dah\s+dulu|sampai\s+jumpa|good\s*bye|see\s+you|pamit)\b/],
  [
    "greeting",
    /^(?:hai+|hi+|halo+|hallo+|helo+|hello+|hey+|hei+|hy|p|pagi|siang|sore|malam|selamat\s+(?:pagi|siang|sore|malam)|good\s+(?:morning|afternoon|evening)|permisi|punten|misi|om\s+swastiastu|shalom|salam\s+sejahtera)\b/,
  ],
];

/** Longest message (in words) read as small talk. */
const MAX_WORDS = 12;

/** The kind of everyday message this is, or null when it is not one (a story, an answer, anything else). */
export function classifyFreeText(text: string): SmallTalk | null {
  const simple = simplify(text);
  const words = simple.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  for (const [kind, rule] of RULES) if (rule.test(simple)) return kind;
  if (/\?\s*$/.test(text.trim()) && words.length <= 10) return "question";
  return null;
}
