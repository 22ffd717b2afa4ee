/** After a temporary ban: wait this long before the first try, doubling to the cap (1 h, then up to 24 h). */
export const TEMPORARY_BAN_PAUSE_MS = 60 * 60_000;
export const TEMPORARY_BAN_PAUSE_CAP_MS = 24 * 60 * 60_000;

/** Capped exponential backoff with jitter: about 1 s, 2 s, 4 s … never more than the cap. */
export function reconnectDelayMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
