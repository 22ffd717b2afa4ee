import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "./telegram-harness.ts";

/**
 * What one Telegram update costs the database, counted at the driver (every statement Prisma sends,
 * transaction control included). A regression guard for the throughput issue: a turn is a few statements,
 * its messages one insert, and delivery one claim and one mark per reply.
 */
describe("statements per Telegram update", () => {
  let h: TelegramHarness;
  let counting = false;
  let statements: string[] = [];
  const query = pg.Client.prototype.query;
  beforeAll(async () => {
    h = await startTelegramHarness();
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (counting) {
        const first = args[0] as string | { text?: string };
        statements.push(typeof first === "string" ? first : (first?.text ?? ""));
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await h?.close();
  });

  async function count(run: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    counting = true;
    try {
      await run();
    } finally {
      counting = false;
    }
    // the wipe runner polls on a timer of its own: a poll that happens to fall in the window is not the update's
    return statements.filter((s) => !/^SELECT [^;]* FROM "public"\."WipeJob"/.test(s.trim()));
  }

  test("a story turn in the webhook and its delivery stay within their statement budgets", async () => {
    const p = h.person(8801, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    await p.press("consent.accept");
    await p.press("menu.help");

    const update = p.textUpdate("saya kerja di pabrik, gaji tidak dibayar tiga bulan dan paspor ditahan");
    const posting = await count(async () => {
      const res = await h.post(update);
      expect(res.status).toBe(200);
    });
    // the commit wakes the outbox, whose first claim may fall in the webhook's window: it is delivery's
    const isClaim = (s: string) => /^WITH heads AS/.test(s.trim());
    const webhook = posting.filter((s) => !isClaim(s));
    const replies = await h.lentera.db.message.count({ where: { channel: "telegram", status: "pending" } });
    expect(replies).toBeGreaterThan(0);
    const delivery = [...posting.filter(isClaim), ...(await count(() => h.settle()))];

    // the person's message and the turn's replies are stored in one statement, whatever their number
    expect(webhook.filter((s) => /^INSERT INTO "public"\."Message"/i.test(s.trim())).length).toBe(1);
    // the "blocked" mark is cleared by the turn's contact lookup, not by a write on every update
    expect(webhook.filter((s) => /^UPDATE "public"\."Contact"/i.test(s.trim()))).toEqual([]);
    expect(webhook.length, webhook.join("\n")).toBeLessThanOrEqual(WEBHOOK_BUDGET);
    // settle() itself counts what is still due once per round; the outbox's own share per reply is small
    expect(delivery.length / replies, delivery.join("\n")).toBeLessThanOrEqual(DELIVERY_BUDGET_PER_REPLY);
  });

  test("a redelivered update costs one read and nothing else", async () => {
    const p = h.person(8802, { languageCode: "id" });
    const update = p.textUpdate("/start");
    await p.send(update);
    const again = await count(async () => expect((await h.post(update)).status).toBe(200));
    expect(again.length).toBe(1);
  });
});

/**
 * Measured 2026-12-03 (issue #18): the webhook is the receipt check, then BEGIN, the receipt, the contact locked
 * with its key and conversation in one read, the state, the turn's messages in one insert, COMMIT (7; 15 before).
 * Delivery is one claim (which reads the body and the recipient) and one mark per reply, plus the claims that find
 * the next head of the chat and settle()'s own count (11 for 3 replies; 25 before). Lower them when a change
 * removes statements.
 */
const WEBHOOK_BUDGET = 7;
const DELIVERY_BUDGET_PER_REPLY = 4;
