import { rm } from "node:fs/promises";
import { afterAll, expect, test } from "vitest";
import { startLentera } from "../../src/boot/start-lentera.ts";
import { parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import { startChat } from "../support/webchat-client.ts";
import { createDataDir } from "../support/create-data-dir.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))("the embedded database and its key survive a restart", async () => {
  const dataDir = await createDataDir("lentera-restart-");
  dirs.push(dataDir);
  const env = parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const log = createLogger({ level: "silent" });

  const first = await startLentera(env, { log });
  const chat = await startChat(first.app, "en");
  await chat.tap("consent.accept");
  await chat.say("I worked on a fishing boat");
  await first.close();

  const second = await startLentera(env, { log });
  try {
    const res = await second.app.request(`/api/webchat/conversations/${chat.conversationId}/messages`, {
      headers: { authorization: `Bearer ${chat.token}` },
    });
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: { text: string }[] };
    expect(messages.map((m) => m.text)).toContain("I worked on a fishing boat");
  } finally {
    await second.close();
  }
});
