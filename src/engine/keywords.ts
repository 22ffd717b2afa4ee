/** Words that work at any step, in either language, typed on their own (with or without a leading slash). */
export const KEYWORDS = {
  menu: ["menu", "menu utama", "main menu", "kembali ke menu", "back to menu"],
  language: ["bahasa", "language", "ganti bahasa", "change language", "bahasa inggris", "english", "bahasa indonesia"],
  emergency: ["darurat", "emergency", "sos", "bahaya", "danger"],
  help: ["help", "bantuan", "tolong bantu", "apa ini", "what is this"],
  myData: ["data saya", "my data", "lihat data saya", "lihat data", "show my data", "see my data", "data ku", "dataku"],
  erase: [
    "hapus",
    "delete",
    "hapus data",
    "hapus data saya",
    "hapus semua",
    "delete my data",
    "erase my data",
    "erase",
  ],
  withdraw: [
    "cabut izin",
    "tarik izin",
    "batalkan izin",
    "cabut persetujuan",
    "withdraw consent",
    "withdraw permission",
    "revoke consent",
  ],
} as const;

export type Keyword = keyof typeof KEYWORDS;

/** Lower case, no surrounding punctuation or slash, single spaces: how typed replies are compared. */
export function normalizeReply(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\u200d|\ufe0f/g, "")
    .replace(/^[\s/!.,:;?¿¡"'()\-–—*]+|[\s!.,:;?¿¡"'()\-–—*]+$/g, "")
    .replace(/\s+/g, " ");
}

const LOOKUP = new Map<string, Keyword>(
  (Object.entries(KEYWORDS) as [Keyword, readonly string[]][]).flatMap(([keyword, words]) =>
    words.map((w) => [w, keyword] as const),
  ),
);

/** The global keyword a message is, if the whole message is one. */
export function matchKeyword(text: string): Keyword | null {
  return LOOKUP.get(normalizeReply(text)) ?? null;
}
