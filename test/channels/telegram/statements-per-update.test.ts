import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "./telegram-harness.ts";

/**
 * What one Telegram update costs the database, counted at the driver (every statement Prisma sends,
 * transaction control included). A regression guard for the throughput issue: a turn is a few statements,
 * its replies one insert, and delivery one claim plus one read and one mark per reply.
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
    return statements;
  }

  test("a story turn in the webhook and its delivery stay within their statement budgets", async () => {
    const p = h.person(8801, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    await p.press("consent.accept");
    await p.press("menu.help");

    const update = p.textUpdate("saya kerja di pabrik, gaji tidak dibayar tiga bulan dan paspor ditahan");
    const webhook = await count(async () => {
      const res = await h.post(update);
      expect(res.status).toBe(200);
    });
    const replies = await h.lentera.db.message.count({ where: { channel: "telegram", status: "pending" } });
    expect(replies).toBeGreaterThan(0);
    const delivery = await count(() => h.settle());

    // the replies of the turn are stored in one statement, whatever their number
    expect(webhook.filter((s) => /^INSERT INTO "public"\."Message"/i.test(s.trim())).length).toBe(2);
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

/** measured 2026-12-02: see the throughput note; lower it when a change removes statements */
const WEBHOOK_BUDGET = 16;
const DELIVERY_BUDGET_PER_REPLY = 9;
