import { rm } from "node:fs/promises";
import { expect, test } from "vitest";
import { startLentera } from "../../src/boot/start-lentera.ts";
import { parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import { startChat } from "../support/webchat-client.ts";
import { createDataDir } from "../support/create-data-dir.ts";

test("logs at debug level carry no message text, phone numbers or tokens", { timeout: 120_000 }, async () => {
  const dataDir = await createDataDir("lentera-logs-");
  const lines: string[] = [];
  const log = createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } });
  const env = parseEnv({ DATA_DIR: dataDir });
  const lentera = await startLentera(env, { log });
  try {
    const chat = await startChat(lentera.app, "id");
    await chat.tap("consent.accept");
    await chat.say("nama saya Siti Rahayu, nomor saya 081234567890, paspor saya ditahan");
    await chat.say("x".repeat(5000)).catch(() => {});
    await lentera.app.request(`/api/webchat/conversations/${chat.conversationId}/messages`, {
      headers: { authorization: `Bearer ${chat.token}` },
    });
    const all = lines.join("\n");
    expect(lines.length).toBeGreaterThan(3);
    expect(all).toContain('"route"');
    for (const secret of ["Siti", "081234567890", "paspor", chat.token, "xxxxxxxxxx"])
      expect(all).not.toContain(secret);
  } finally {
    await lentera.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
