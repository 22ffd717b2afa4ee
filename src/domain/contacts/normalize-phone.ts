/**
 * A phone number as WhatsApp addresses it: digits only, with the country code, no "+" or leading zeros.
 * Indonesian habits are understood: "0812-3456-7890" and "812 3456 7890" become "6281234567890";
 * "+62 812…" and "0062 812…" stay Indonesian; other countries need their code ("+60 12…", "0060 12…").
 * Returns null when the result cannot be a phone number (E.164 allows 8–15 digits here).
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) {
    // already international
  } else if (digits.startsWith("00")) {
    digits = digits.slice(2);
  } else if (digits.startsWith("0")) {
    digits = `62${digits.slice(1)}`;
  } else if (digits.startsWith("8") && digits.length >= 9 && digits.length <= 13) {
    digits = `62${digits}`;
  }
  if (digits.startsWith("620")) digits = `62${digits.slice(3)}`;
  return /^[1-9]\d{7,14}$/.test(digits) ? digits : null;
}
