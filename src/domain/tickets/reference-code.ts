import { randomInt } from "node:crypto";

/** Digits and capitals without 0/O, 1/I/L, so a code read aloud or from a small screen is not misread. */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 6;
const PREFIX = "LNT-";

/** `LNT-` and 6 random characters (31^6 ≈ 887 million): short to quote, not sequential, not guessable. */
export function newReferenceCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${PREFIX}${code}`;
}

export const REFERENCE_PATTERN = new RegExp(`^${PREFIX}[${REFERENCE_ALPHABET}]{${LENGTH}}$`);

/** A reference as a person might type it ("lnt 7kq4m9", "LNT-7KQ4M9") in its stored form, or null. */
export function parseReferenceCode(value: string): string | null {
  const compact = value.trim().toUpperCase().replace(/[\s-]/g, "");
  const candidate = compact.startsWith("LNT") ? `${PREFIX}${compact.slice(3)}` : `${PREFIX}${compact}`;
  return REFERENCE_PATTERN.test(candidate) ? candidate : null;
}
