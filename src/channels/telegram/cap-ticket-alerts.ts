import type { Db } from "../../db/create-prisma-client.ts";
import type { LenteraEvent } from "../../events/event-bus.ts";
import { takeSharedRate } from "../../db/take-shared-rate.ts";

type TicketOpened = Extract<LenteraEvent, { type: "ticket.opened" }>;

/** At most this many ticket alerts a minute reach the caseworker group, whatever the number of instances. */
export const MAX_ALERTS_PER_MINUTE = 5;
export const ALERT_WINDOW_MS = 60_000;

/**
 * A global cap on alerts to the caseworker group, so a flood of (possibly fake) urgent tickets cannot page
 * everyone dozens of times: the count is shared in the database; an alert over the cap is held, and when its
 * minute ends `summarise` gets every alert this instance held, to post one "N more" message. The tickets
 * themselves are opened and queued as always: only the paging is capped.
 */
export function createAlertCap(deps: {
  db: Db;
  now: () => Date;
  /** waits until the minute ends (injectable for tests) */
  sleep: (ms: number) => Promise<void>;
  summarise: (held: TicketOpened[]) => Promise<void>;
  limit?: number;
}) {
  const limit = deps.limit ?? MAX_ALERTS_PER_MINUTE;
  let held: TicketOpened[] = [];
  let flushing: Promise<void> | undefined;
  const flush = async (ms: number) => {
    await deps.sleep(ms);
    const batch = held;
    held = [];
    flushing = undefined;
    if (batch.length) await deps.summarise(batch);
  };
  return {
    /** "post": send this alert now; "held": it will be part of the minute's summary */
    async admit(event: TicketOpened): Promise<"post" | "held"> {
      const rate = await takeSharedRate(deps.db, {
        key: "telegram-alerts",
        limit,
        windowMs: ALERT_WINDOW_MS,
        now: deps.now,
      });
      if (rate.status === "allowed") return "post";
      held.push(event);
      flushing ??= flush(rate.retryAfterSeconds * 1000);
      return "held";
    },
    /** resolves when the pending summary (if any) was handed over */
    settled: () => flushing ?? Promise.resolve(),
  };
}
