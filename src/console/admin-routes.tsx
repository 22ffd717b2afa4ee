import { Hono } from "hono";
import { countUnconfirmedShownLines } from "../domain/contacts/help-line-book.ts";
import { AuditFilter, listAudit, toAuditCsv } from "../casework/list-audit.ts";
import { listCaseworkers } from "../casework/list-caseworkers.ts";
import { countExamplePartners } from "../casework/list-partners.ts";
import { manageAccount } from "../casework/manage-account.ts";
import { recordAuditExport } from "../casework/record-audit-export.ts";
import { AccountsPage, AuditPage, SettingsPage } from "./admin-pages.tsx";
import { AccountForm } from "./casework-action-forms.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { OwnConsoleTools } from "./console-tools.ts";
import { AccountActions, InviteForm } from "./workday-pages.tsx";

/** Admin pages under /admin/* (the console keeps them to admins): accounts, settings, the audit log. */
export function createAdminRoutes(
  deps: ConsoleDeps,
  tools: Pick<OwnConsoleTools, "ctxOf" | "page" | "flash" | "form" | "tr" | "twFor">,
) {
  const app = new Hono<ConsoleEnv>();
  const nonEmptyQuery = (query: Record<string, string>) =>
    Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ""));

  app.get("/admin/accounts", async (c) => {
    const accounts = await listCaseworkers(deps.db, { activeFirst: true });
    const fl = tools.flash(c);
    const tw = tools.twFor(c.get("lang"));
    return c.html(
      <AccountsPage
        {...tools.page(c)}
        accounts={accounts}
        invite={<InviteForm tr={tools.tr(c)} tw={tw} csrf={c.get("session").csrfToken} />}
        actions={(account) => <AccountActions tw={tw} csrf={c.get("session").csrfToken} account={account} />}
        {...(fl ? { flash: fl } : {})}
      />,
    );
  });
  app.post("/admin/accounts/:id", async (c) => {
    const body = await tools.form(c, AccountForm);
    await manageAccount(tools.ctxOf(c), {
      caseworkerId: c.req.param("id"),
      ...(body.role ? { role: body.role } : {}),
      active: body.active === true,
    });
    return c.redirect("/console/admin/accounts?done=account_saved", 303);
  });

  app.get("/admin/settings", async (c) => {
    const [health, examplePartners, unconfirmedHelpLines] = await Promise.all([
      deps.checkHealth?.() ?? Promise.resolve({}),
      countExamplePartners(deps.db),
      countUnconfirmedShownLines(deps.db),
    ]);
    const settings = {
      sessionIdleMinutes: deps.sessionIdleMinutes,
      secureCookies: deps.publicUrl?.startsWith("https:") === true,
      health,
      examplePartners,
      unconfirmedHelpLines,
    };
    return c.html(<SettingsPage {...tools.page(c)} settings={settings} />);
  });

  app.get("/admin/audit", async (c) => {
    const filter = AuditFilter.safeParse(nonEmptyQuery(c.req.query()));
    const rows = await listAudit(deps.db, filter.success ? filter.data : AuditFilter.parse({}));
    const query = new URL(c.req.url).search;
    const action = filter.success ? filter.data.action : undefined;
    return c.html(<AuditPage {...tools.page(c)} rows={rows} query={query} {...(action ? { action } : {})} />);
  });
  app.get("/admin/audit.csv", async (c) => {
    const filter = AuditFilter.safeParse(nonEmptyQuery(c.req.query()));
    const rows = await listAudit(deps.db, {
      ...(filter.success ? filter.data : AuditFilter.parse({})),
      limit: filter.success && c.req.query("limit") ? filter.data.limit : 10_000,
    });
    await recordAuditExport(deps.db, c.get("caseworker").id, { rows: rows.length });
    return c.body(toAuditCsv(rows), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lentera-audit-${deps.now().toISOString().slice(0, 10)}.csv"`,
    });
  });

  return app;
}
