import { describe, expect, test, vi } from "vitest";
import { backoffDelayMs, retryWithBackoff, sleep, type AttemptOutcome } from "../../src/retry/retry-with-backoff.ts";
import { createInstantSleep } from "../support/instant-sleep.ts";

describe("backoffDelayMs", () => {
  test("doubles from the base up to the cap, without jitter exactly", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, { baseMs: 1000, capMs: 10_000 }));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  test("jitter draws from [(1 − j)·ceiling, ceiling]", () => {
    const options = { baseMs: 1000, capMs: 60_000, jitter: 0.5 };
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(4000);
    expect(backoffDelayMs(3, { ...options, random: () => 1 })).toBe(2000);
    expect(backoffDelayMs(3, { ...options, jitter: 1, random: () => 1 })).toBe(0);
  });
});

describe("retryWithBackoff", () => {
  const script = <T>(outcomes: AttemptOutcome<T, string>[]) => {
    const calls: number[] = [];
    return {
      calls,
      attempt: async (n: number) => {
        calls.push(n);
        return outcomes[n - 1]!;
      },
    };
  };

  test("retries until done, waiting the backoff (or the wait the attempt was told) in between", async () => {
    const clock = createInstantSleep();
    const { attempt, calls } = script<string>([
      { status: "retry", reason: "500" },
      { status: "retry", reason: "429", afterMs: 7000 },
      { status: "retry", reason: "network" },
      { status: "done", value: "ok" },
    ]);
    const result = await retryWithBackoff(attempt, { baseMs: 1000, capMs: 60_000, maxAttempts: 5, sleep: clock });
    expect(result).toEqual({ status: "done", value: "ok", attempts: 4 });
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(clock.waits).toEqual([1000, 7000, 4000]);
  });

  test("stops at a final failure, and gives up after maxAttempts without a last wait", async () => {
    const clock = createInstantSleep();
    const failed = await retryWithBackoff(
      script<number>([
        { status: "retry", reason: "500" },
        { status: "fail", reason: "403" },
      ]).attempt,
      { baseMs: 10, capMs: 100, maxAttempts: 5, sleep: clock },
    );
    expect(failed).toEqual({ status: "failed", reason: "403", attempts: 2 });
    const exhausted = await retryWithBackoff(async () => ({ status: "retry", reason: "500" }) as const, {
      baseMs: 10,
      capMs: 100,
      maxAttempts: 3,
      sleep: clock,
    });
    expect(exhausted).toEqual({ status: "exhausted", reason: "500", attempts: 3 });
    expect(clock.waits).toEqual([10, 10, 20]);
  });

  test("an abort ends the wait at once and stops the loop", async () => {
    vi.useFakeTimers();
    try {
      const stopping = new AbortController();
      let calls = 0;
      const running = retryWithBackoff(
        async () => {
          calls++;
          return { status: "retry", reason: "500" } as const;
        },
        { baseMs: 60_000, capMs: 60_000, maxAttempts: 10, signal: stopping.signal },
      );
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(2);
      stopping.abort();
      expect(await running).toEqual({ status: "aborted", attempts: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  test("the real sleep waits its time and resolves early on abort", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      void sleep(5000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(4999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
      const stop = new AbortController();
      let early = false;
      void sleep(60_000, stop.signal).then(() => (early = true));
      stop.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(early).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
