import { rm } from "node:fs/promises";
import { afterAll, expect, test } from "vitest";
import { MAX_UPDATES_PER_CHAT_PER_MINUTE } from "../../src/channels/telegram/create-update-handler.ts";
import { createDataDir } from "../support/create-data-dir.ts";
import { startTelegramHarness, type TelegramHarness } from "../channels/telegram/telegram-harness.ts";

/**
 * The phone-side wipe is a job in the database: an API that fails, and a restart in the middle, do not
 * leave the person's messages in their chat; the wipe is never dropped by the flood limit.
 */
const onPglite = !process.env.TEST_DATABASE_URL;
let dataDir = "";
let h: TelegramHarness | undefined;
afterAll(async () => {
  await h?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test.runIf(onPglite)(
  "a wipe whose deletions fail survives a restart and finishes after it: every message deleted, then the last one",
  async () => {
    dataDir = await createDataDir("lentera-wipe-");
    h = await startTelegramHarness({ env: { DATA_DIR: dataDir } });
    const p = h.person(9501, { languageCode: "en" });
    const ids: number[] = [];
    const start = p.textUpdate("/start");
    ids.push(start.message.message_id);
    await p.send(start);
    await p.press("lang.en");
    await p.press("consent.accept");
    const story = p.textUpdate("They keep my passport and I cannot leave");
    ids.push(story.message.message_id);
    await p.send(story);
    const botIds = h.botMessages(9501).map((m) => m.messageId);
    p.replies();

    h.api.failNext("deleteMessages", { status: "network" }, 1000);
    const panic = p.textUpdate("/hapus");
    await p.send(panic);
    await h.lentera.telegram?.idle();
    expect(await h.lentera.db.wipeJob.count(), "the wipe is kept while the deletions fail").toBe(1);
    expect(p.replies(), "the last message waits for the deletions").toEqual([]);
    await h.close();

    // a restart a minute later: the job is still there, due, and runs against a Bot API that works again (at
    // start, rather than at the runner's next 5 s look)
    h = await startTelegramHarness({ env: { DATA_DIR: dataDir }, now: () => new Date(Date.now() + 60_000) });
    const api = h.api;
    await until(async () => (await h!.lentera.db.wipeJob.count()) === 0, "the wipe job to finish");
    const deleted = api.callsOf("deleteMessages", 9501).flatMap((c) => (c.payload.message_ids as number[]).map(Number));
    expect(new Set(deleted)).toEqual(new Set([...botIds, ...ids, panic.message.message_id]));
    const last = api.callsOf("sendMessage", 9501).map((c) => String(c.payload.text));
    expect(last).toEqual([h.lentera.t("en", "privacy:wiped")]);
    expect(await h.lentera.db.personKey.count({ where: { contactId: { startsWith: "wipe:" } } })).toBe(0);
  },
  120_000,
);

test.runIf(onPglite)(
  "the wipe is never dropped by the flood limit: /hapus as the 31st update in a minute wipes",
  async () => {
    h ??= await startTelegramHarness({
      env: { DATA_DIR: dataDir || (dataDir = await createDataDir("lentera-wipe-")) },
    });
    const p = h.person(9502, { languageCode: "en" });
    await p.send(p.textUpdate("/start"));
    for (let i = 1; i < MAX_UPDATES_PER_CHAT_PER_MINUTE; i++) await h.post(p.textUpdate(`hello ${i}`));
    // the limit is reached: an ordinary message is dropped, the wipe is not
    await p.send(p.textUpdate("one more"));
    const before = await h.lentera.db.contact.count({ where: { erasedAt: { not: null } } });
    await p.send(p.textUpdate("/hapus"));
    await h.lentera.telegram?.idle();
    expect(await h.lentera.db.contact.count({ where: { erasedAt: { not: null } } })).toBe(before + 1);
  },
);
