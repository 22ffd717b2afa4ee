// Measures the statistics page on a seeded database: seeding, then /console/stats cold (the day's release
// built from the database, as after a start), warm (the release's report), after one new ticket (today's
// ticket waits for tomorrow's release; the live facts follow it row by row), with a filter, and
// /api/stats/summary; then, on the embedded database, the page as a person opens it after a restart: sign in,
// then the first page (the server starts building the release at boot; the page waits for what is left of
// it). CPU times beside the wall times (the machine may be shared).
// Usage: npm run bench:stats [-- --tickets 50000]   (TEST_DATABASE_URL=… for a PostgreSQL server)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedDemoCases } from "../src/domain/stats/seed-demo-cases.ts";
import { addCaseworker, consoleClient } from "../test/console/support.ts";
import { cookieOf, timeRequest } from "./support/time-request.ts";
import { createTestLentera } from "../test/support/create-test-lentera.ts";
import { ticketRow } from "../test/support/ticket-row.ts";

const { values } = parseArgs({ options: { tickets: { type: "string", default: "50000" } } });
const tickets = Number(values.tickets);
const embedded = !process.env.TEST_DATABASE_URL;
// on the embedded database the folder is ours, so a second start finds the seeded cases
const dataDir = embedded ? await mkdtemp(path.join(os.tmpdir(), "lentera-bench-stats-")) : undefined;
const lentera = await createTestLentera(dataDir ? { env: { DATA_DIR: dataDir } } : {});
let restarted: Awaited<ReturnType<typeof createTestLentera>> | undefined;
try {
  let began = performance.now();
  await seedDemoCases({ db: lentera.db, cipher: lentera.cipher }, { tickets });
  const seedSeconds = (performance.now() - began) / 1000;
  const admin = await addCaseworker(lentera, "admin");
  const client = consoleClient(lentera.app);
  await client.signIn(admin.email);
  const timed = async (path: string, headers: Record<string, string> = {}, on = { app: lentera.app, client }) => {
    const { status, ms, cpuMs, kb } = await timeRequest(on.app, path, { cookie: cookieOf(on.client), ...headers });
    return { status, ms: Math.round(ms), cpuMs: Math.round(cpuMs), kb: Math.round(kb) };
  };
  const cold = await timed("/console/stats");
  const warm = await timed("/console/stats");
  await lentera.db.ticket.create({
    data: ticketRow({ priority: "high", indicatorIds: ["FL-14-fishing-vessel"], country: "Malaysia" }),
  });
  const afterNewTicket = await timed("/console/stats");
  const filtered = await timed("/console/stats?from=2026-01&to=2026-06&channel=whatsapp");
  const print = await timed("/console/stats/print");
  const api = await timed("/api/stats/summary?country=Cambodia", { authorization: `Bearer ${admin.token}` });
  let afterRestart: (Awaited<ReturnType<typeof timed>> & { signedInMs: number }) | undefined;
  if (dataDir) {
    await lentera.close();
    began = performance.now();
    // a start as the server makes it (listening): the statistics release starts building at once
    restarted = await createTestLentera({ env: { DATA_DIR: dataDir }, listen: true });
    const again = consoleClient(restarted.app);
    await again.signIn(admin.email);
    const signedInMs = Math.round(performance.now() - began);
    afterRestart = { ...(await timed("/console/stats", {}, { app: restarted.app, client: again })), signedInMs };
  }
  console.log(
    JSON.stringify(
      {
        database: process.env.TEST_DATABASE_URL ? "postgresql" : "embedded PGlite",
        tickets,
        seedSeconds: Number(seedSeconds.toFixed(1)),
        pageColdMs: cold,
        pageWarmMs: warm,
        pageAfterNewTicketMs: afterNewTicket,
        pageFilteredMs: filtered,
        printMs: print,
        apiSummaryMs: api,
        ...(afterRestart ? { pageFirstAfterRestartMs: afterRestart } : {}),
      },
      null,
      2,
    ),
  );
} finally {
  await (restarted ?? lentera).close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
