import type { BudgetClaim } from "../../db/claim-shared-budget.ts";
import type { Sleep } from "../../retry/retry-with-backoff.ts";

/** Telegram's limit for one bot: about 30 messages a second, across all chats and every instance. */
export const TELEGRAM_SENDS_PER_SECOND = 30;
/** Uses claimed from the database at a time: a few statements a second however many instances send. */
export const SEND_BUDGET_BATCH = 5;

/** Bot API methods that send a message, which Telegram's per-bot limit counts. */
export const SENDING_METHODS = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "sendVideo",
  "sendAudio",
  "sendVoice",
  "sendLocation",
  "sendContact",
  "sendMediaGroup",
  "copyMessage",
  "forwardMessage",
]);

/** Waits until this instance may send one more message within the bot's shared limit. */
export type SendBudget = { take(signal?: AbortSignal): Promise<void> };

/**
 * The bot's global send limit shared by every instance on one database: each instance claims a few sends at
 * a time from the current second's counter (`claim`, claimSharedBudget) and spends them locally; when the
 * second is used up it waits for the next. grammY's throttler keeps each process within 30 a second but knows
 * nothing of the others, so two instances sent up to 60 a second and Telegram answered with 429s.
 * Claimed sends a process does not use lapse with their second: the limit may be under-used, never exceeded.
 */
export function createSendBudget(deps: {
  claim: (want: number) => Promise<BudgetClaim>;
  now: () => Date;
  sleep: Sleep;
  batch?: number;
}): SendBudget {
  const batch = deps.batch ?? SEND_BUDGET_BATCH;
  let windowEndsAt = 0;
  let left = 0;
  /** the window's shared count reached the limit: nothing more to claim until it ends */
  let exhausted = false;
  let claiming: Promise<void> | undefined;

  const claimMore = () =>
    (claiming ??= deps
      .claim(batch)
      .then((got) => {
        if (got.windowEndsAt !== windowEndsAt) {
          windowEndsAt = got.windowEndsAt;
          left = 0;
        }
        left += got.granted;
        exhausted = got.granted < batch;
      })
      .finally(() => (claiming = undefined)));

  return {
    async take(signal) {
      for (;;) {
        if (signal?.aborted) return;
        const now = deps.now().getTime();
        if (now >= windowEndsAt) {
          left = 0;
          exhausted = false;
        }
        if (left > 0) {
          left -= 1;
          return;
        }
        if (!exhausted || now >= windowEndsAt) await claimMore();
        else await deps.sleep(Math.max(1, windowEndsAt - now), signal);
      }
    },
  };
}
