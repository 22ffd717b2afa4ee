import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { claimSharedBudget } from "../../../src/db/claim-shared-budget.ts";
import { createTelegramBot } from "../../../src/channels/telegram/create-telegram-bot.ts";
import { createSendBudget, type SendBudget } from "../../../src/channels/telegram/share-send-budget.ts";
import type { Sleep } from "../../../src/retry/retry-with-backoff.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.ts";

/**
 * The bot's 30 sends a second held across instances: two budgets on one database (two servers), a clock
 * that only moves when one of them waits, so every send is placed in a second exactly.
 */
describe("the bot's send limit shared by every instance on the database", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(async () => lentera?.close());

  test("two instances sending 45 each never send more than 30 in one second between them, and lose none", async () => {
    let clock = Date.UTC(2026, 11, 3, 8, 0, 0, 250);
    const now = () => new Date(clock);
    const sleep: Sleep = async (ms) => {
      clock += ms;
    };
    const key = `test-sends-${Math.random()}`;
    const instance = () =>
      createSendBudget({
        claim: (want) => claimSharedBudget(lentera.db, { key, limit: 30, windowMs: 1000, want, now }),
        now,
        sleep,
      });
    const perSecond = new Map<number, number>();
    const send = async (budget: SendBudget) => {
      for (let i = 0; i < 45; i++) {
        await budget.take();
        const second = Math.floor(clock / 1000);
        perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
      }
    };
    await Promise.all([send(instance()), send(instance())]);

    expect([...perSecond.values()].reduce((a, b) => a + b, 0)).toBe(90);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(30);
    // the limit is used, not just respected: the first second gave out all 30
    expect(perSecond.get(Math.floor(Date.UTC(2026, 11, 3, 8, 0, 0) / 1000))).toBe(30);
    expect(perSecond.size).toBe(3);
  });

  test("a claim past the limit gets nothing; the next second starts afresh", async () => {
    const key = `test-claims-${Math.random()}`;
    const at = (ms: number) => () => new Date(Date.UTC(2026, 11, 3, 9, 0, 0, ms));
    const claim = (want: number, ms: number) =>
      claimSharedBudget(lentera.db, { key, limit: 7, windowMs: 1000, want, now: at(ms) });
    expect(await claim(5, 10)).toEqual({ granted: 5, count: 5, windowEndsAt: Date.UTC(2026, 11, 3, 9, 0, 1) });
    expect((await claim(5, 500)).granted).toBe(2);
    expect((await claim(5, 999)).granted).toBe(0);
    expect((await claim(5, 1000)).granted).toBe(5);
  });
});

describe("the bot's sends wait for the shared budget; its other calls do not", () => {
  let api: FakeTelegramApi;
  beforeAll(async () => {
    api = await startFakeTelegramApi();
  });
  afterAll(async () => api?.close());

  test("sendMessage goes out only once the budget allows it; answering a button press does not wait", async () => {
    let release!: () => void;
    const allowed = new Promise<void>((resolve) => (release = resolve));
    const taken: string[] = [];
    const { bot } = createTelegramBot({
      token: api.token,
      apiRoot: api.url,
      botInfo: { id: 1, is_bot: true, first_name: "Lentera", username: "lentera_test_bot" } as never,
      sendBudget: {
        take: async () => {
          taken.push("send");
          await allowed;
        },
      },
    });
    const sent = bot.api.sendMessage(4242, "halo");
    // past grammY's throttler, the send waits on the budget
    await vi.waitFor(() => expect(taken).toEqual(["send"]));
    await bot.api.answerCallbackQuery("query-1");
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(taken).toEqual(["send"]);
    expect(api.callsOf("sendMessage")).toHaveLength(0);
    release();
    await sent;
    expect(api.callsOf("sendMessage", 4242)).toHaveLength(1);
  });
});
