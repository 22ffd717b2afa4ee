import { GrammyError, HttpError } from "grammy";
import type { DeliveryResult } from "../../outbox/types.ts";

/**
 * A failed Bot API call → what the outbox should do: 429 waits `retry_after`, 403 (the person blocked the
 * bot or deleted their account) stops for good, 5xx, network errors and a wrong token or API root (401,
 * 404) retry with backoff, any other 4xx will not get better by retrying; a call that timed out is not sent
 * again (outcome unknown, see README "Delivery guarantees"). Errors carry Telegram's description only, never the payload.
 */
export function toDeliveryResult(error: unknown): DeliveryResult {
  if (error instanceof GrammyError) {
    const reason = `telegram ${error.error_code}: ${error.description}`;
    if (error.error_code === 429) {
      return {
        status: "retry",
        error: reason,
        ...(error.parameters.retry_after ? { retryAfterMs: error.parameters.retry_after * 1000 } : {}),
      };
    }
    if (error.error_code === 403) return { status: "blocked", error: reason };
    // 401/404: the token or TELEGRAM_API_ROOT is wrong — a setting to fix, not a message to give up on.
    if (error.error_code >= 500 || error.error_code === 401 || error.error_code === 404)
      return { status: "retry", error: reason };
    return { status: "failed", error: reason };
  }
  if (error instanceof HttpError) {
    // The request went out and no answer came back in time: Telegram may well have delivered it, and it has
    // no idempotency key to ask. Sending again risks the person getting it twice, so it counts as sent.
    if (error.error instanceof Error && /timed out/.test(error.error.message))
      return { status: "sent", unconfirmed: true };
    // Refused, reset or dropped before an answer: retried (in order) with backoff.
    return { status: "retry", error: `telegram network error: ${errorName(error.error)}` };
  }
  return { status: "retry", error: error instanceof Error ? error.name : "unknown error" };
}

function errorName(error: unknown): string {
  return error instanceof Error
    ? `${error.name}${"code" in error && typeof error.code === "string" ? ` ${error.code}` : ""}`
    : "unknown";
}
