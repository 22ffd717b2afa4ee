// Measures the console's queue page on a seeded database (the judged figure: under 30 ms at 10,000 tickets):
// seeds demo cases, gives a caseworker some of the open ones, then times GET /console/queue for that
// caseworker and for a supervisor, and the poll the page's script makes, after an uncounted warm-up.
// Wall and CPU time per request (the machine may be shared: CPU is the steadier figure).
// Usage: npm run bench:queue [-- --tickets 10000 --requests 50]   (TEST_DATABASE_URL=… for a PostgreSQL server)
import { parseArgs } from "node:util";
import { analyzeTables } from "../src/db/refresh-planner-statistics.ts";
import { seedDemoCases } from "../src/domain/stats/seed-demo-cases.ts";
import { addCaseworker, consoleClient } from "../test/console/support.ts";
import { cookieOf, timeRequest } from "./support/time-request.ts";
import { createTestLentera } from "../test/support/create-test-lentera.ts";

const { values } = parseArgs({
  options: { tickets: { type: "string", default: "10000" }, requests: { type: "string", default: "50" } },
});
const tickets = Number(values.tickets);
const requests = Number(values.requests);
const lentera = await createTestLentera();
try {
  await seedDemoCases({ db: lentera.db, cipher: lentera.cipher }, { tickets });
  const caseworker = await addCaseworker(lentera, "caseworker");
  const supervisor = await addCaseworker(lentera, "supervisor");
  const open = await lentera.db.ticket.findMany({
    where: { status: { not: "closed" } },
    select: { id: true },
    take: 150,
  });
  await lentera.db.ticket.updateMany({
    where: { id: { in: open.map((t) => t.id) } },
    data: { assigneeId: caseworker.caseworker.id, status: "in_progress" },
  });
  // as `demo seed` does after its bulk load
  await analyzeTables(lentera.db);
  const openCount = await lentera.db.ticket.count({ where: { status: { not: "closed" } } });

  const timings = async (email: string, path: string) => {
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    const cookie = cookieOf(client);
    const once = async () => {
      const timed = await timeRequest(lentera.app, path, { cookie });
      if (timed.status !== 200) throw new Error(`${path} answered ${timed.status}`);
      return timed;
    };
    for (let i = 0; i < 5; i++) await once();
    const runs = [];
    for (let i = 0; i < requests; i++) runs.push(await once());
    const at = (xs: number[], q: number) =>
      Number(xs.sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!.toFixed(1));
    return {
      p50Ms: at(
        runs.map((r) => r.ms),
        0.5,
      ),
      p95Ms: at(
        runs.map((r) => r.ms),
        0.95,
      ),
      cpuP50Ms: at(
        runs.map((r) => r.cpuMs),
        0.5,
      ),
      kb: Math.round(runs[0]!.kb),
    };
  };

  console.log(
    JSON.stringify(
      {
        database: process.env.TEST_DATABASE_URL ? "postgresql" : "embedded PGlite",
        tickets,
        openTickets: openCount,
        requests,
        queueAsCaseworker: await timings(caseworker.email, "/console/queue"),
        queueAsSupervisor: await timings(supervisor.email, "/console/queue"),
        queueFiltered: await timings(supervisor.email, "/console/queue?channel=whatsapp&language=id"),
        poll: await timings(caseworker.email, "/console/queue/poll"),
      },
      null,
      2,
    ),
  );
} finally {
  await lentera.close();
}
