/** At most this many keys are tracked; see `take` for what happens when a flood fills the table. */
export const MAX_RATE_KEYS = 50_000;

/**
 * A fixed-window counter per key, in memory: enough to stop a flood from one conversation or chat. When the
 * table is full, windows that have ended are dropped; if it is still full, a key it does not know yet is
 * refused until room frees up — a flood never resets the counters of others.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? MAX_RATE_KEYS;
  const windows = new Map<string, { start: number; count: number }>();
  const sweep = (t: number) => {
    for (const [key, window] of windows) if (t - window.start >= options.windowMs) windows.delete(key);
  };
  return {
    /** true when the call is allowed; false when the key is over its limit for the current window */
    take(key: string): boolean {
      const t = now();
      const window = windows.get(key);
      if (!window || t - window.start >= options.windowMs) {
        if (!window && windows.size >= maxKeys) {
          sweep(t);
          if (windows.size >= maxKeys) return false;
        }
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.limit;
    },
    /** how many keys are tracked (for tests and metrics) */
    get size() {
      return windows.size;
    },
  };
}
