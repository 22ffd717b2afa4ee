import type { Context, Hono } from "hono";
import { CaseworkError } from "../casework/casework-error.ts";
import { atLeast, can } from "../casework/permissions.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { Translate } from "../i18n/create-i18n.ts";
import type { StatsReport } from "../domain/stats/build-stats.ts";
import { CaseProfileInput, findProfileTicket, readCaseProfile, saveCaseProfile } from "../domain/stats/case-profile.ts";
import type { StatsService } from "../domain/stats/create-stats-service.ts";
import { EXPORT_FORMATS, EXPORT_TYPES, exportStats } from "../domain/stats/export-stats.ts";
import { listReportedRecruiters, recruitersForAuthoritiesCsv } from "../domain/stats/recruitment-market.ts";
import { parseStatsFilter, type StatsFilter } from "../domain/stats/stats-filter.ts";
import { UNKNOWN } from "../domain/stats/stats-dimensions.ts";
import type { ConsoleEnv } from "./console-env.ts";
import { createStatsView } from "./stats-labels.ts";
import { StatsPage, StatsPrintPage } from "./stats-page.tsx";
import { CaseProfilePage } from "./stats-profile-page.tsx";
import { RecruitmentPage } from "./stats-recruitment-page.tsx";
import { STATS_CSS } from "./stats-css.ts";
import type { ConsoleTools } from "./console-tools.ts";

/** Pages behind a session that this file adds (the console applies its session middleware to them). */
export const STATS_SESSION_PATHS = ["/stats", "/stats/*"];

const REFERENCE = /^[A-Za-z0-9-]{3,32}$/;

/**
 * The statistics pages (issue #17): `/console/stats` with its print view and `/console/stats/recruitment`
 * for supervisors and admins, the exports for admins (every one in the audit log), and the case facts form
 * for whoever works on the ticket. Every figure goes through the same privacy rule as the API and the CLI.
 */
export function mountStatsRoutes(app: Hono<ConsoleEnv>, tools: ConsoleTools & { stats: StatsService; t: Translate }) {
  const { stats } = tools;
  const supervisorOnly = (c: Context<ConsoleEnv>) => {
    if (!atLeast(c.get("caseworker"), "supervisor"))
      throw new CaseworkError("forbidden", "Statistics are for supervisors and admins.", "errors.forbidden");
  };
  const adminOnly = (c: Context<ConsoleEnv>) => {
    if (!atLeast(c.get("caseworker"), "admin"))
      throw new CaseworkError("forbidden", "Exports are for admins.", "errors.denied.admin");
  };
  const filterOf = (c: Context<ConsoleEnv>) => {
    const parsed = parseStatsFilter(c.req.query());
    return parsed.success ? { filter: parsed.data, invalid: false } : { filter: {} as StatsFilter, invalid: true };
  };
  const placesOf = (report: StatsReport) => {
    const published = (id: string) =>
      (report.tables.find((t) => t.id === id)?.cells ?? [])
        .filter((cell) => !cell.suppressed && cell.key[0] !== UNKNOWN)
        .map((cell) => cell.key[0]!)
        .sort();
    return { provinces: published("origin"), countries: published("destination") };
  };
  const yearOf = () => Number(new Date(tools.now().getTime() + 7 * 3600_000).toISOString().slice(0, 4));
  const queryString = (filter: StatsFilter) =>
    new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ).toString();

  app.get("/stats/stats.css", (c) => c.body(STATS_CSS, 200, { "content-type": "text/css; charset=utf-8" }));

  app.get("/stats", async (c) => {
    supervisorOnly(c);
    const { filter, invalid } = filterOf(c);
    const [report, all] = (await stats.reports([filter, {}])) as [StatsReport, StatsReport];
    const lang = c.get("lang");
    return c.html(
      <StatsPage
        {...tools.page(c)}
        view={createStatsView(tools.t, lang, report, stats.rule)}
        filter={filter}
        invalid={invalid}
        year={yearOf()}
        canExport={atLeast(c.get("caseworker"), "admin")}
        places={placesOf(all)}
        query={queryString(filter)}
      />,
      invalid ? 400 : 200,
    );
  });

  app.get("/stats/print", async (c) => {
    supervisorOnly(c);
    const { filter } = filterOf(c);
    const report = await stats.report(filter);
    const lang = c.get("lang");
    const generated = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
      dateStyle: "long",
      timeZone: "Asia/Jakarta",
    }).format(tools.now());
    return c.html(
      <StatsPrintPage
        view={createStatsView(tools.t, lang, report, stats.rule)}
        filter={filter}
        year={yearOf()}
        generated={generated}
      />,
    );
  });

  app.get("/stats/recruitment", async (c) => {
    supervisorOnly(c);
    const { filter } = filterOf(c);
    const [report, all] = (await stats.reports([filter, {}])) as [StatsReport, StatsReport];
    const exact = atLeast(c.get("caseworker"), "admin");
    // admins count the live facts exactly; everyone else sees the release in force, under the rule
    const facts = exact ? await stats.facts() : await stats.releasedFacts();
    return c.html(
      <RecruitmentPage
        {...tools.page(c)}
        view={createStatsView(tools.t, c.get("lang"), report, stats.rule)}
        filter={filter}
        places={placesOf(all)}
        recruiters={listReportedRecruiters(facts, filter, stats.rule, { exact })}
        exact={exact}
      />,
    );
  });

  app.get("/stats/export", async (c) => {
    adminOnly(c);
    const format = (EXPORT_FORMATS as readonly string[]).includes(c.req.query("format") ?? "")
      ? (c.req.query("format") as (typeof EXPORT_FORMATS)[number])
      : undefined;
    const type = (EXPORT_TYPES as readonly string[]).includes(c.req.query("type") ?? "csv")
      ? ((c.req.query("type") ?? "csv") as (typeof EXPORT_TYPES)[number])
      : undefined;
    const parsed = parseStatsFilter(c.req.query());
    if (!format || !type || !parsed.success)
      throw new CaseworkError("invalid", "Check the export's format and filters.", "errors.invalid");
    const exported = await exportStats(
      { db: tools.db, facts: stats.releasedFacts, report: stats.report, rule: stats.rule, now: tools.now },
      {
        format,
        type,
        filter: parsed.data,
        actor: { type: "caseworker", id: c.get("caseworker").id },
        via: "console",
      },
    );
    return c.body(exported.body, 200, {
      "content-type": exported.contentType,
      "content-disposition": `attachment; filename="${exported.filename}"`,
    });
  });

  app.get("/stats/recruitment/export", async (c) => {
    adminOnly(c);
    const parsed = parseStatsFilter(c.req.query());
    if (!parsed.success) throw new CaseworkError("invalid", "Check the filters.", "errors.invalid");
    const { csv, rows } = recruitersForAuthoritiesCsv(await stats.facts(), parsed.data, stats.rule);
    await recordAudit(tools.db, {
      actor: { type: "caseworker", id: c.get("caseworker").id },
      action: "stats.exported",
      subjectType: "stats",
      meta: { format: "recruiters", type: "csv", via: "console", filter: parsed.data, rows },
    });
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lentera-recruiters-${tools.now().toISOString().slice(0, 10)}.csv"`,
    });
  });

  const profileTicket = async (c: Context<ConsoleEnv>) => {
    const reference = c.req.param("reference") ?? "";
    const ticket = REFERENCE.test(reference) ? await findProfileTicket(tools.db, reference) : null;
    const actor = c.get("caseworker");
    if (!ticket || !can(actor, "ticket.read", ticket))
      throw new CaseworkError("not_found", "No such ticket.", "errors.ticket_not_found");
    if (!can(actor, "ticket.note", ticket))
      throw new CaseworkError(
        "forbidden",
        "Only whoever works on the ticket records its facts.",
        "errors.denied.ticket.note",
      );
    return ticket;
  };
  const profilePage = async (c: Context<ConsoleEnv>, saved: boolean) => {
    const ticket = await profileTicket(c);
    const profile = await readCaseProfile(tools.db, ticket.id);
    const facts = await stats.facts();
    const names = new Set(facts.find((fact) => fact.ticketId === ticket.id)?.recruiters ?? []);
    const recruiters = names.size
      ? listReportedRecruiters(facts, {}, stats.rule, { exact: true, limit: 100_000 })
          .filter((r) => names.has(r.name))
          .map((r) => ({ name: r.name, reports: r.reports.value ?? 0, since: r.since }))
      : [];
    const lang = c.get("lang");
    const view = createStatsView(
      tools.t,
      lang,
      {
        rule: { ...stats.rule, reportingLength: 3 },
        filter: {},
        population: { value: null, suppressed: true },
        tables: [],
      },
      stats.rule,
    );
    return c.html(
      <CaseProfilePage
        {...tools.page(c)}
        ts={view.ts}
        label={view.label}
        reference={ticket.reference}
        profile={profile ?? {}}
        saved={saved}
        recruiters={recruiters}
      />,
    );
  };
  app.get("/stats/profile/:reference", (c) => profilePage(c, c.req.query("done") === "1"));
  app.post("/stats/profile/:reference", async (c) => {
    const ticket = await profileTicket(c);
    const parsed = CaseProfileInput.safeParse(await c.req.parseBody());
    if (!parsed.success) throw new CaseworkError("invalid", "Check the form and try again.", "errors.invalid");
    await saveCaseProfile(tools.db, { ticketId: ticket.id, actorId: c.get("caseworker").id, profile: parsed.data });
    return c.redirect(`/console/stats/profile/${ticket.reference}?done=1`, 303);
  });
}
