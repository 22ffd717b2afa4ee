import type { Sleep } from "../../src/retry/retry-with-backoff.ts";

/**
 * A clock for tests: every wait is recorded and resolves at once, so a test asserts the backoff a loop asked
 * for without sitting through it.
 */
export function createInstantSleep(): Sleep & { waits: number[] } {
  const waits: number[] = [];
  return Object.assign(
    async (ms: number) => {
      waits.push(ms);
    },
    { waits },
  );
}
