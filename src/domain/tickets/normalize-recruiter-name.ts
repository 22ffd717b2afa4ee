/** Legal forms and filler words that do not tell two recruiters apart. */
const NOISE = new Set([
  "pt",
  "cv",
  "ud",
  "tbk",
  "lpk",
  "yayasan",
  "persero",
  "ltd",
  "limited",
  "inc",
  "co",
  "sdn",
  "bhd",
  "agen",
  "agency",
  "agent",
  "bapak",
  "pak",
  "ibu",
  "bu",
  "mas",
  "mbak",
  "bang",
  "calo",
  "sponsor",
]);

/**
 * The key under which reports of the same recruiter are counted: lower case, accents, punctuation, legal
 * forms ("PT", "Sdn Bhd") and titles ("Pak") removed, words in order.
 *
 * Example: "PT. Maju-Jaya Abadi" and "pt maju jaya abadi tbk" → "maju jaya abadi".
 */
export function normalizeRecruiterName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((word) => word && !NOISE.has(word))
    .join(" ");
}
