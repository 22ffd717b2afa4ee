import { backoffDelayMs } from "../../retry/retry-with-backoff.ts";

/** After a temporary ban: wait this long before the first try, doubling to the cap (1 h, then up to 24 h). */
export const TEMPORARY_BAN_PAUSE_MS = 60 * 60_000;
export const TEMPORARY_BAN_PAUSE_CAP_MS = 24 * 60 * 60_000;

/**
 * The wait before reconnect number `attempt` (counted from 0): capped exponential backoff, half of each
 * wait random (`backoffDelayMs`): about 0.5–1 s, 1–2 s, 2–4 s … never more than the cap.
 */
export function reconnectDelayMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  return backoffDelayMs(Math.max(0, attempt) + 1, { baseMs, capMs, jitter: 0.5, random });
}
