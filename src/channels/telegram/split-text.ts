/** Telegram's limit for one message's text (after entity parsing; Lentera sends plain text). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits text into parts Telegram accepts, preferring paragraph breaks, then line breaks, then spaces, so
 * long guidance reads as a few whole messages. Never cuts a surrogate pair in half.
 *
 * @example splitText("a\n\nb", 3) // ["a", "b"]
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = lastBreak(window, "\n\n", limit);
    if (cut < limit / 2) cut = Math.max(cut, lastBreak(window, "\n", limit));
    if (cut < limit / 2) cut = Math.max(cut, lastBreak(window, " ", limit));
    if (cut <= 0) cut = isHighSurrogate(rest.charCodeAt(limit - 1)) ? limit - 1 : limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts.length ? parts : [""];
}

/** Where the last separator starting at or before `limit` begins (the part before it fits). */
function lastBreak(window: string, separator: string, limit: number): number {
  return window.lastIndexOf(separator, limit);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
