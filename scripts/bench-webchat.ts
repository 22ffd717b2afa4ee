// Measures web-chat turn latency and throughput through the real app (app.request → engine → database).
// Usage: npm run bench:webchat [-- --conversations 20 --turns 10]   (TEST_DATABASE_URL=… for a PostgreSQL server)
import { parseArgs } from "node:util";
import { createTestLentera } from "../test/support/create-test-lentera.ts";
import { startChat } from "../test/support/webchat-client.ts";

const { values } = parseArgs({
  options: { conversations: { type: "string", default: "20" }, turns: { type: "string", default: "10" } },
});
const conversations = Number(values.conversations);
const turns = Number(values.turns);
const script = ["1", "1", "2", "menu", "darurat", "menu", "2", "bahasa", "2", "menu"];

const lentera = await createTestLentera();
const latencies: number[] = [];
const timed = async <T>(run: () => Promise<T>) => {
  const started = performance.now();
  const result = await run();
  latencies.push(performance.now() - started);
  return result;
};

const began = performance.now();
await Promise.all(
  Array.from({ length: conversations }, async (_, c) => {
    const chat = await timed(() => startChat(lentera.app, c % 2 ? "en" : "id"));
    await timed(() => chat.tap("consent.accept"));
    for (let i = 0; i < turns; i++) await timed(() => chat.say(script[i % script.length]!));
  }),
);
const seconds = (performance.now() - began) / 1000;
await lentera.close();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
console.log(
  JSON.stringify(
    {
      database: process.env.TEST_DATABASE_URL ? "postgresql" : "embedded PGlite",
      conversations,
      requests: latencies.length,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1)!.toFixed(1) },
    },
    null,
    2,
  ),
);
