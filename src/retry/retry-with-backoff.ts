/**
 * How a retry loop waits: `ms` milliseconds, or less when `signal` aborts (a stopping process does not sit
 * out a backoff). Injected so tests run a backoff without waiting for it (see `createManualSleep`).
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real clock: a timer that does not keep the process alive and ends early on abort. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal?.addEventListener("abort", done, { once: true });
  });

/** Backoff shape: the first wait, the cap, and how much of each wait is random (0 = none, 1 = full jitter). */
export type BackoffOptions = { baseMs: number; capMs: number; jitter?: number; random?: () => number };

/**
 * Capped exponential backoff, the one formula of the code base: attempt 1 waits about `baseMs`, then 2×,
 * 4× … never more than `capMs`. With `jitter` j the wait is drawn from [(1−j)·ceiling, ceiling], so many
 * clients that failed together do not retry together. Example: `{ baseMs: 1000, capMs: 60_000, jitter: 0.5 }`
 * gives 0.5–1 s, 1–2 s, 2–4 s …
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0));
  const random = options.random ?? Math.random;
  return Math.round(ceiling * (1 - jitter * random()));
}

/** What one attempt says: done (with its value), worth another try (optionally after a wait it was told), or final. */
export type AttemptOutcome<T, F> =
  | { status: "done"; value: T }
  | { status: "retry"; afterMs?: number; reason: F }
  | { status: "fail"; reason: F };

/** How the loop ended: a value, a final failure, attempts used up, or stopped by the signal. */
export type RetryResult<T, F> =
  | { status: "done"; value: T; attempts: number }
  | { status: "failed"; reason: F; attempts: number }
  | { status: "exhausted"; reason: F; attempts: number }
  | { status: "aborted"; attempts: number };

/**
 * Runs `attempt` until it is done, says it cannot succeed, `maxAttempts` are used, or `signal` aborts,
 * waiting between attempts with `backoffDelayMs` (or the wait the attempt was told, e.g. a 429's
 * retry-after). Outcomes are values, never throws: the caller decides what a failure means. The clock
 * (`sleep`) is injectable.
 */
export async function retryWithBackoff<T, F>(
  attempt: (attemptNumber: number) => Promise<AttemptOutcome<T, F>>,
  options: BackoffOptions & { maxAttempts: number; sleep?: Sleep; signal?: AbortSignal },
): Promise<RetryResult<T, F>> {
  const wait = options.sleep ?? sleep;
  let last: F | undefined;
  for (let n = 1; n <= options.maxAttempts; n++) {
    if (options.signal?.aborted) return { status: "aborted", attempts: n - 1 };
    const outcome = await attempt(n);
    if (outcome.status === "done") return { status: "done", value: outcome.value, attempts: n };
    if (outcome.status === "fail") return { status: "failed", reason: outcome.reason, attempts: n };
    last = outcome.reason;
    if (n === options.maxAttempts) break;
    await wait(outcome.afterMs ?? backoffDelayMs(n, options), options.signal);
  }
  if (options.signal?.aborted) return { status: "aborted", attempts: options.maxAttempts };
  return { status: "exhausted", reason: last as F, attempts: options.maxAttempts };
}
