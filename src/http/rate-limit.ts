/** A fixed-window counter per key, in memory: enough to stop a flood from one conversation or address. */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** true when the call is allowed; false when the key is over its limit for the current window */
    take(key: string): boolean {
      const t = now();
      const window = windows.get(key);
      if (!window || t - window.start >= options.windowMs) {
        if (windows.size > 50_000) windows.clear();
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.limit;
    },
  };
}
