import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALERT_WINDOW_MS,
  createAlertCap,
  MAX_ALERTS_PER_MINUTE,
} from "../../../src/channels/telegram/cap-ticket-alerts.ts";
import { renderAlertSummary } from "../../../src/channels/telegram/post-ticket-alert.ts";
import type { LenteraEvent } from "../../../src/events/event-bus.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";

type TicketOpened = Extract<LenteraEvent, { type: "ticket.opened" }>;
const opened = (i: number): TicketOpened => ({
  type: "ticket.opened",
  ticketId: `t${i}`,
  reference: `LNT-${i}`,
  ticketType: "emergency",
  priority: "urgent",
  locale: "id",
  channel: "web",
  indicatorIds: [],
});

/** Issue 13, item 3: a global cap on urgent alerts to the caseworker group, with one "N more" summary. */
describe("urgent alert cap", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(() => lentera?.close());

  it("posts the first alerts of a minute, holds the rest, and hands them over once when the minute ends", async () => {
    const clock = new Date("2026-12-02T07:00:10Z");
    const waits: number[] = [];
    const sleepers: (() => void)[] = [];
    const summaries: TicketOpened[][] = [];
    const make = () =>
      createAlertCap({
        db: lentera.db,
        now: () => clock,
        sleep: (ms) => {
          waits.push(ms);
          return new Promise<void>((resolve) => sleepers.push(resolve));
        },
        summarise: async (held) => void summaries.push(held),
      });
    // two instances share the count through the database
    const [a, b] = [make(), make()];
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(await (i % 2 ? b : a).admit(opened(i)));
    expect(outcomes.filter((o) => o === "post")).toHaveLength(MAX_ALERTS_PER_MINUTE);
    expect(outcomes.slice(0, MAX_ALERTS_PER_MINUTE)).toEqual(Array(MAX_ALERTS_PER_MINUTE).fill("post"));
    expect(waits).toEqual([50_000, 50_000]);
    expect(summaries).toEqual([]);
    for (const wake of sleepers) wake();
    await Promise.all([a.settled(), b.settled()]);
    expect(
      summaries
        .flat()
        .map((e) => e.reference)
        .sort(),
    ).toEqual([5, 6, 7, 8, 9, 10, 11].map((i) => `LNT-${i}`).sort());
    expect(ALERT_WINDOW_MS).toBe(60_000);
  });

  it("the summary says how many more, in Indonesian, with a link to the queue", () => {
    const summary = renderAlertSummary(7, lentera.t, "https://lentera.example.org/");
    expect(summary.text).toContain("7 tiket mendesak");
    expect(summary.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({
      url: "https://lentera.example.org/console/queue",
    });
  });
});
