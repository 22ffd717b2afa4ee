const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Exponential backoff with full jitter, capped: about 1 s, 2 s, 4 s … up to `maxMs` (10 minutes).
 * `random` is injectable so tests get exact waits.
 * @example backoffMs(3, () => 1) // 4000
 */
export function backoffMs(attempt: number, random: () => number = Math.random, maxMs = MAX_BACKOFF_MS): number {
  const ceiling = Math.min(maxMs, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
