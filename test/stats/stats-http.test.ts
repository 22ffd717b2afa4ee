import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { statsExport, demoSeed } from "../../src/cli/commands/stats-commands.ts";
import type { CliContext } from "../../src/cli/open-cli-context.ts";
import { HTCDS_DICTIONARY } from "../../src/domain/stats/htcds-export.ts";
import { AGGREGATE_COLUMNS } from "../../src/domain/stats/aggregates-export.ts";
import { seedDemoCases } from "../../src/domain/stats/seed-demo-cases.ts";
import { releaseBoundaryOf } from "../../src/domain/stats/published-release.ts";
import { createCaseworker, bearer } from "../api/api-support.ts";
import { addCaseworker, consoleClient } from "../console/support.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addFactTicket } from "./add-fact-ticket.ts";

type Cell = { key: string[]; value: number | null; suppressed: boolean };
type Report = {
  rule: { minGroup: number; resolution: number; reportingLength: number };
  population: { value: number | null; suppressed: boolean };
  tables: { id: string; dimensions: string[]; cells: Cell[] }[];
};

let lentera: TestLentera;
let dir: string;
/** the server's clock: the real time, unless a test moves it to the next day's release */
let clock: Date | undefined;
const RARE = "Fiji";

/** A ticket that is nobody's demo: a small group (3 people) with a destination nobody else has. */
async function addRareTicket(channel: "web" | "telegram" = "web") {
  const createdAt = new Date("2026-03-05T03:00:00Z");
  await addFactTicket(lentera, { country: RARE, createdAt, channel, sector: "organ_removal", ageBand: "45+" });
}

function allCells(report: Report) {
  return report.tables.flatMap((table) => table.cells.map((cell) => ({ table: table.id, ...cell })));
}

function expectRuleHolds(report: Report) {
  const { minGroup, resolution } = report.rule;
  const floor = Math.floor(minGroup / resolution) * resolution;
  for (const cell of allCells(report)) {
    if (cell.suppressed) expect(cell.value).toBeNull();
    else {
      expect(cell.value! % resolution, `${cell.table} ${cell.key.join("/")}`).toBe(0);
      expect(cell.value!, `${cell.table} ${cell.key.join("/")}`).toBeGreaterThanOrEqual(floor);
    }
    // nothing about the rare group is ever shown as a number
    if (cell.key.includes(RARE) || cell.key.includes("Maluku")) expect(cell.suppressed).toBe(true);
  }
}

beforeAll(async () => {
  lentera = await createTestLentera({ now: () => clock ?? new Date() });
  dir = await mkdtemp(path.join(os.tmpdir(), "lentera-stats-"));
  await seedDemoCases({ db: lentera.db, cipher: lentera.cipher }, { tickets: 400, seed: 5 });
  for (let i = 0; i < 3; i++) await addRareTicket();
}, 120_000);
afterEach(() => {
  clock = undefined;
});
afterAll(async () => {
  await lentera?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the statistics page", () => {
  test("is for supervisors and admins: signed out → sign-in, caseworker → 403", async () => {
    const anonymous = consoleClient(lentera.app);
    const signedOut = await anonymous.get("/console/stats");
    expect(signedOut.res.status).toBe(303);
    expect(signedOut.res.headers.get("location")).toContain("/console/sign-in");

    const caseworker = await addCaseworker(lentera, "caseworker");
    const client = consoleClient(lentera.app);
    await client.signIn(caseworker.email);
    for (const page of ["/console/stats", "/console/stats/print", "/console/stats/recruitment"])
      expect((await client.get(page)).res.status, page).toBe(403);
    expect((await client.get("/console/queue")).body).not.toContain('href="/console/stats"');

    const supervisor = await addCaseworker(lentera, "supervisor");
    const sup = consoleClient(lentera.app);
    await sup.signIn(supervisor.email);
    const page = await sup.get("/console/stats");
    expect(page.res.status).toBe(200);
    expect(page.body).toContain('href="/console/stats"');
    expect(page.body).toContain("<svg");
    expect((await sup.get("/console/stats/export?format=htcds&type=csv")).res.status).toBe(403);
    expect((await sup.get("/console/stats/recruitment")).res.status).toBe(200);
  });

  test("speaks both languages, and no rare group shows up as a number", async () => {
    const supervisor = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(supervisor.email);
    const id = await client.get("/console/stats");
    expect(id.body).toContain("Tiket dari waktu ke waktu");
    expect(id.body).toContain("Markas penipuan daring");
    expect(id.body).toContain("&lt; 11");
    await client.post("/console/language", { lang: "en", back: "/console/stats" });
    const en = await client.get("/console/stats");
    expect(en.body).toContain("Tickets over time");
    expect(en.body).toContain("Online-scam compounds");
    // the rare destination is never next to a count: wherever it appears, the figure reads "< 11"
    const rows = [...en.body.matchAll(/<tr>(?:(?!<\/tr>).)*Fiji(?:(?!<\/tr>).)*<\/tr>/gs)].map((m) => m[0]);
    for (const row of rows) expect(row.replace(/<[^>]+>/g, " ")).not.toMatch(/Fiji\s+\d/);
    const print = await client.get("/console/stats/print?from=2026-01&to=2026-12");
    expect(print.res.status).toBe(200);
    expect(print.body).toContain("Lentera statistics report");
    expect(print.body).not.toContain("<nav");
  });

  test("a filter that is not valid is a 400 with the page in the caseworker's language", async () => {
    const supervisor = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(supervisor.email);
    const bad = await client.get("/console/stats?from=2026-13");
    expect(bad.res.status).toBe(400);
    expect(bad.body).toContain("Filter ini tidak sesuai");
  });

  test("admins export from the console, and every export is in the audit log", async () => {
    const admin = await addCaseworker(lentera, "admin");
    const client = consoleClient(lentera.app);
    await client.signIn(admin.email);
    const page = await client.get("/console/stats");
    expect(page.body).toContain("/console/stats/export?format=htcds&amp;type=csv");
    const csv = await client.get("/console/stats/export?format=htcds&type=csv");
    expect(csv.res.status).toBe(200);
    expect(csv.res.headers.get("content-type")).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toBe(HTCDS_DICTIONARY.map((f) => f.name).join(","));
    expect(csv.body).not.toContain(RARE);
    const recruiters = await client.get("/console/stats/recruitment/export");
    expect(recruiters.body.split("\r\n")[0]).toBe("name,reports,people,first_reported,destinations");
    const audit = await lentera.db.auditEvent.findMany({
      where: { action: "stats.exported", actorId: admin.caseworker.id },
    });
    expect(audit.map((a) => (a.meta as { format: string }).format).sort()).toEqual(["htcds", "recruiters"]);
  });
});

describe("/api/stats", () => {
  test("needs a token with the stats scope", async () => {
    expect((await lentera.app.request("/api/stats/summary")).status).toBe(401);
    const plain = await createCaseworker(lentera, { email: "plain@example.org", role: "supervisor" });
    expect((await lentera.app.request("/api/stats/summary", { headers: bearer(plain.token) })).status).toBe(403);
    const researcher = await createCaseworker(lentera, {
      email: "r@example.org",
      role: "caseworker",
      scopes: ["stats"],
    });
    const ok = await lentera.app.request("/api/stats/summary", { headers: bearer(researcher.token) });
    expect(ok.status).toBe(200);
    // the researcher's token reads nothing else
    expect((await lentera.app.request("/api/tickets", { headers: bearer(researcher.token) })).status).toBe(403);
    const admin = await createCaseworker(lentera, { email: "a@example.org", role: "admin" });
    expect((await lentera.app.request("/api/stats", { headers: bearer(admin.token) })).status).toBe(200);
  });

  test("every figure, in every filter, holds at least STATS_MIN_GROUP people, rounded down", async () => {
    const researcher = await createCaseworker(lentera, { email: "r2@example.org", scopes: ["stats"] });
    const filters = [
      "",
      "?channel=web",
      `?country=${RARE}`,
      "?province=Maluku",
      "?from=2026-03&to=2026-03",
      "?from=2025-01",
    ];
    for (const query of filters) {
      const res = await lentera.app.request(`/api/stats/summary${query}`, { headers: bearer(researcher.token) });
      expect(res.status, query).toBe(200);
      const report = (await res.json()) as Report;
      expect(report.rule).toEqual({ minGroup: 11, resolution: 5, reportingLength: 3 });
      expectRuleHolds(report);
      for (const table of report.tables) expect(table.dimensions.length).toBeLessThanOrEqual(3);
    }
    const narrow = (await (
      await lentera.app.request(`/api/stats/summary?country=${RARE}`, { headers: bearer(researcher.token) })
    ).json()) as Report;
    expect(narrow.population).toEqual({ value: null, suppressed: true });
    expect(allCells(narrow)).toEqual([]);
  });

  test("differencing two queries that differ by a few people reveals nothing", async () => {
    const researcher = await createCaseworker(lentera, {
      email: "r3@example.org",
      scopes: ["stats"],
      expiresAt: new Date(Date.now() + 3 * 86_400_000),
    });
    // 3 more people by Telegram: "all" and "web only" differ by them in some cells, from the next day's
    // release on (the figures are published once per WIB day)
    for (let i = 0; i < 3; i++) await addRareTicket("telegram");
    clock = new Date(releaseBoundaryOf(new Date()).getTime() + 86_400_000 + 60_000);
    const get = async (query: string) =>
      (await (
        await lentera.app.request(`/api/stats/summary${query}`, { headers: bearer(researcher.token) })
      ).json()) as Report;
    const [all, web, telegramLess] = [await get(""), await get("?channel=web"), await get("?channel=whatsapp")];
    for (const [a, b] of [
      [all, web],
      [all, telegramLess],
    ] as const) {
      for (const table of a.tables) {
        const other = new Map(b.tables.find((t) => t.id === table.id)!.cells.map((c) => [c.key.join("/"), c]));
        for (const cell of table.cells) {
          const twin = other.get(cell.key.join("/"));
          if (!cell.suppressed && twin && !twin.suppressed) {
            const difference = Math.abs(cell.value! - twin.value!);
            // a shown difference is 0 or a group at least as big as the rule allows (within rounding)
            if (difference > 0) expect(difference + 5, `${table.id} ${cell.key.join("/")}`).toBeGreaterThan(11);
          }
        }
      }
    }
  });

  test("a bad filter is a 400, an unknown table a 404, and the tables are described in the OpenAPI document", async () => {
    const researcher = await createCaseworker(lentera, { email: "r4@example.org", scopes: ["stats"] });
    const bad = await lentera.app.request("/api/stats/summary?from=march", { headers: bearer(researcher.token) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    expect((await lentera.app.request("/api/stats/tables/nope", { headers: bearer(researcher.token) })).status).toBe(
      404,
    );
    const one = await lentera.app.request("/api/stats/tables/sector", { headers: bearer(researcher.token) });
    const body = (await one.json()) as { table: { id: string; cells: Cell[] } };
    expect(body.table.id).toBe("sector");
    expect(body.table.cells.find((c) => c.key[0] === "organ_removal")?.suppressed ?? true).toBe(true);
    const openapi = (await (await lentera.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/stats/summary", "/api/stats/export"]));
  });

  test("exports: HTCDS JSON parses against its dictionary, aggregates CSV has its columns, both in the audit log", async () => {
    const researcher = await createCaseworker(lentera, { email: "r5@example.org", scopes: ["stats"] });
    const json = (await (
      await lentera.app.request("/api/stats/export?format=htcds&type=json", { headers: bearer(researcher.token) })
    ).json()) as {
      dictionary: typeof HTCDS_DICTIONARY;
      records: Record<string, unknown>[];
      rule: { minGroup: number };
    };
    expect(json.records.length).toBeGreaterThan(0);
    const names = json.dictionary.map((f) => f.name);
    for (const record of json.records) {
      expect(Object.keys(record)).toEqual(names);
      for (const field of json.dictionary) {
        const value = record[field.name];
        if (field.type === "array") expect(Array.isArray(value)).toBe(true);
        else expect(typeof value).toBe(field.type === "integer" ? "number" : field.type);
        if (field.values && field.type !== "array") expect(field.values).toContain(value);
        if (field.values && field.type === "array")
          for (const v of value as string[]) expect(field.values).toContain(v);
      }
      expect(record.countryOfExploitation).not.toBe(RARE);
    }
    // k-anonymity: every combination of quasi-identifiers is shared by at least k records
    const qi = json.dictionary.filter((f) => f.quasiIdentifier).map((f) => f.name);
    const groups = new Map<string, number>();
    for (const record of json.records) {
      const key = qi.map((n) => String(record[n])).join("|");
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const size of groups.values()) expect(size).toBeGreaterThanOrEqual(11);

    const csv = await (
      await lentera.app.request("/api/stats/export?format=aggregates&type=csv", { headers: bearer(researcher.token) })
    ).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(AGGREGATE_COLUMNS.join(","));
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const [count, suppressed] = cells.slice(-2);
      if (suppressed === "true") expect(count).toBe("< 11");
      else expect(Number(count) % 5).toBe(0);
      if (line.includes(RARE)) expect(suppressed).toBe("true");
    }
    const audit = await lentera.db.auditEvent.findMany({
      where: { action: "stats.exported", actorId: researcher.caseworker.id },
    });
    expect(audit).toHaveLength(2);
  });
});

describe("the CLI", () => {
  const cli = (): CliContext & { lines: string[] } => {
    const lines: string[] = [];
    return {
      env: lentera.env,
      db: lentera.db,
      cipher: lentera.cipher,
      log: undefined as never,
      applied: [],
      out: (line: string) => lines.push(line),
      close: async () => {},
      lines,
    };
  };

  test("stats export writes the HTCDS CSV and its dictionary, under the rule", async () => {
    const ctx = cli();
    const out = path.join(dir, "htcds.csv");
    const dictionary = path.join(dir, "dictionary.json");
    await statsExport.run(ctx, { format: "htcds", from: "2025-01-01", to: "2026-12-31", out, dictionary }, []);
    const csv = await readFile(out, "utf8");
    expect(csv.split("\r\n")[0]).toBe(HTCDS_DICTIONARY.map((f) => f.name).join(","));
    expect(csv).not.toContain(RARE);
    const fields = JSON.parse(await readFile(dictionary, "utf8")).fields as { name: string }[];
    expect(fields.map((f) => f.name)).toEqual(HTCDS_DICTIONARY.map((f) => f.name));
    const json = path.join(dir, "aggregates.json");
    await statsExport.run(ctx, { format: "aggregates", out: json }, []);
    expectRuleHolds(JSON.parse(await readFile(json, "utf8")) as Report);
    await expect(statsExport.run(ctx, { format: "excel" }, [])).rejects.toThrow(/htcds or aggregates/);
    const audit = await lentera.db.auditEvent.count({ where: { action: "stats.exported", actorType: "cli" } });
    expect(audit).toBe(2);
  });

  test("demo seed refuses a database with real cases", async () => {
    await expect(demoSeed.run(cli(), { tickets: "10" }, [])).rejects.toThrow(/real tickets/);
  });
});

describe("the case profile form", () => {
  test("records only what someone gave, for whoever works on the ticket, and says how often a recruiter was reported", async () => {
    const [ticket, other] = await lentera.db.ticket.findMany({ where: { country: RARE }, take: 2 });
    for (const t of [ticket!, other!])
      await lentera.db.recruiterMention.create({ data: { ticketId: t.id, nameKey: "samudra biru" } });
    const caseworker = await addCaseworker(lentera, "caseworker");
    const cw = consoleClient(lentera.app);
    await cw.signIn(caseworker.email);
    expect((await cw.get(`/console/stats/profile/${ticket!.reference}`)).res.status).toBe(403);
    expect((await cw.get("/console/stats/profile/LNT-NOPE22")).res.status).toBe(404);

    const supervisor = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(supervisor.email);
    const form = await client.get(`/console/stats/profile/${ticket!.reference}`);
    expect(form.res.status).toBe(200);
    expect(form.body).toContain("samudra biru: dilaporkan 2 kali sejak 2026-03");
    const bad = await client.post(`/console/stats/profile/${ticket!.reference}`, { sector: "mining" });
    expect(bad.res.status).toBe(400);
    const saved = await client.post(`/console/stats/profile/${ticket!.reference}`, {
      sector: "fishing",
      ageBand: "25-34",
      gender: "",
      citizenship: "id",
      destinationCountry: "",
    });
    expect(saved.res.status).toBe(303);
    const profile = await lentera.db.caseProfile.findUniqueOrThrow({ where: { ticketId: ticket!.id } });
    expect(profile).toMatchObject({
      sector: "fishing",
      ageBand: "25-34",
      gender: null,
      citizenship: "ID",
      destinationCountry: null,
    });
    expect(await lentera.db.ticketEvent.count({ where: { ticketId: ticket!.id, type: "profile_set" } })).toBe(1);
    expect(await lentera.db.auditEvent.count({ where: { action: "ticket.profile_set", subjectId: ticket!.id } })).toBe(
      1,
    );
  });
});
