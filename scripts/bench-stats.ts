// Measures the statistics page on a seeded database: seeding, then /console/stats cold (facts loaded from the
// database, as after a start), warm (from the facts cache), after one new ticket (the cache follows it row by
// row), with a filter, and /api/stats/summary. CPU times beside the wall times (the machine may be shared).
// Usage: npm run bench:stats [-- --tickets 50000]   (TEST_DATABASE_URL=… for a PostgreSQL server)
import { parseArgs } from "node:util";
import { newReferenceCode } from "../src/domain/tickets/reference-code.ts";
import { seedDemoCases } from "../src/domain/stats/seed-demo-cases.ts";
import { addCaseworker, consoleClient } from "../test/console/support.ts";
import { createTestLentera } from "../test/support/create-test-lentera.ts";

const { values } = parseArgs({ options: { tickets: { type: "string", default: "50000" } } });
const tickets = Number(values.tickets);
const lentera = await createTestLentera();
try {
  let began = performance.now();
  await seedDemoCases({ db: lentera.db, cipher: lentera.cipher }, { tickets });
  const seedSeconds = (performance.now() - began) / 1000;
  const admin = await addCaseworker(lentera, "admin");
  const client = consoleClient(lentera.app);
  await client.signIn(admin.email);
  const timed = async (path: string, headers: Record<string, string> = {}) => {
    began = performance.now();
    const cpu = process.cpuUsage();
    const res = await lentera.app.request(path, {
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...headers },
    });
    const body = await res.text();
    const used = process.cpuUsage(cpu);
    return {
      status: res.status,
      ms: Math.round(performance.now() - began),
      cpuMs: Math.round((used.user + used.system) / 1000),
      kb: Math.round(body.length / 1024),
    };
  };
  const cold = await timed("/console/stats");
  const warm = await timed("/console/stats");
  await lentera.db.ticket.create({
    data: {
      reference: newReferenceCode(),
      type: "victim_assistance",
      priority: "high",
      locale: "id",
      channel: "web",
      indicatorIds: ["FL-14-fishing-vessel"],
      needs: [],
      country: "Malaysia",
    },
  });
  const afterNewTicket = await timed("/console/stats");
  const filtered = await timed("/console/stats?from=2026-01&to=2026-06&channel=whatsapp");
  const print = await timed("/console/stats/print");
  const api = await timed("/api/stats/summary?country=Cambodia", { authorization: `Bearer ${admin.token}` });
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
      },
      null,
      2,
    ),
  );
} finally {
  await lentera.close();
}
