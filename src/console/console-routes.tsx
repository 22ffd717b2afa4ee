import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { ConversationDeps } from "../conversations/handle-inbound.ts";
import { caseworkContextFor, type CaseworkContext } from "../casework/casework-context.ts";
import { CaseworkError } from "../casework/casework-error.ts";
import { MAX_PASSWORD_LENGTH } from "../casework/hash-password.ts";
import { AuditFilter, listAudit, toAuditCsv } from "../casework/list-audit.ts";
import { listQueue, QueueFilter } from "../casework/list-queue.ts";
import { manageAccount } from "../casework/manage-account.ts";
import { can } from "../casework/permissions.ts";
import { readTicket, readTranscriptAfter } from "../casework/read-ticket.ts";
import { endSession } from "../casework/sessions.ts";
import { listActiveCaseworkers, listCaseworkers } from "../casework/list-caseworkers.ts";
import { countExamplePartners, listPartners } from "../casework/list-partners.ts";
import { listReferralDispatches } from "../casework/list-referral-dispatches.ts";
import { readSessionCsrf } from "../casework/read-session-csrf.ts";
import { recordAuditExport } from "../casework/record-audit-export.ts";
import { signIn } from "../casework/sign-in.ts";
import { handBack } from "../casework/hand-back.ts";
import { sendCaseworkerMessage } from "../casework/send-caseworker-message.ts";
import { savePartner } from "../casework/save-partner.ts";
import { addNote } from "../casework/add-note.ts";
import { changeTicketStatus, MANUAL_STATUSES, OUTCOMES } from "../casework/change-status.ts";
import { claimTicket } from "../casework/claim-ticket.ts";
import { reassignTicket } from "../casework/reassign-ticket.ts";
import { referTicket, updateReferral } from "../casework/refer-ticket.ts";
import { releaseTicket } from "../casework/release-ticket.ts";
import { isLocale, type Locale } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { toLoggedError } from "../log/to-logged-error.ts";
import type { TrustProxy } from "../config/env.ts";
import { clientAddress } from "../http/client-address.ts";
import { Cursor } from "../http/cursor.ts";
import { AccountsPage, AuditPage, PartnersPage, SettingsPage } from "./admin-pages.tsx";
import type { ConsoleEnv } from "./console-env.ts";
import {
  clearSessionCookie,
  isSecureRequest,
  LANG_COOKIE,
  newCsrfToken,
  readSessionCookie,
  requireConsoleSession,
  sameOrigin,
  sameToken,
  setSessionCookie,
  SIGN_IN_CSRF_COOKIE,
} from "./console-session.ts";
import { ErrorPage } from "./error-page.tsx";
import type { Tr } from "./layout.tsx";
import { QueuePage } from "./queue-page.tsx";
import { SignInPage } from "./sign-in-page.tsx";
import { TicketPage } from "./ticket-page.tsx";
import { TranscriptItems } from "./transcript.tsx";
import { RELINKABLE_STATES, WhatsAppPage } from "./whatsapp-page.tsx";
import { AccountActions, CannedReplyPicker, InviteForm, ReferralDispatch } from "./workday-pages.tsx";
import { cannedDraft, mountWorkdayRoutes, WORKDAY_SESSION_PATHS } from "./workday-routes.tsx";
import { listCannedReplies } from "../casework/canned-replies.ts";
import { countDueFollowUps, readCaseWork } from "../casework/case-services.ts";
import { CaseWorkCard } from "./case-work-card.tsx";
import { mountLiveRoutes } from "./live-routes.ts";
import { markTicketRead, readConsoleSnapshot } from "../casework/console-updates.ts";
import type { WhatsAppStatus } from "../channels/whatsapp/types.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { StatsService } from "../stats/create-stats-service.ts";
import { mountStatsRoutes, STATS_SESSION_PATHS } from "./stats-routes.tsx";

export type ConsoleDeps = Pick<ConversationDeps, "db" | "cipher" | "t" | "now" | "onOutbound" | "events"> & {
  log: Logger;
  /** SESSION_IDLE_MINUTES */
  sessionIdleMinutes: number;
  /** PUBLIC_URL: https there means Secure cookies */
  publicUrl?: string;
  /** the health check (database, channels), shown to admins on the settings page */
  checkHealth?: () => Promise<Record<string, unknown>>;
  /** the WhatsApp link's state, and its QR code while unlinked: admins see it at /console/admin/whatsapp */
  whatsappStatus?: () => WhatsAppStatus | { state: "disabled" };
  /** forgets the WhatsApp link and shows a new QR code (the admin page's "relink" form); absent when WhatsApp is off */
  relinkWhatsApp?: () => Promise<void>;
  /** the referral mailer when SMTP_URL is set: referral forms with consent are emailed to partners */
  referrals?: { kick(): unknown };
  /** TRUST_PROXY: whose X-Forwarded-For names the client for sign-in limits (default: nobody's, the socket counts) */
  trustProxy?: TrustProxy;
  /** the statistics (issue #17): privacy rule and case facts, shared with /api/stats */
  stats?: StatsService;
};

const ASSETS_DIR = new URL("./assets/", import.meta.url).pathname;
const ASSETS: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
};
const REFERENCE = /^[A-Za-z0-9-]{3,32}$/;
/** A console page the language switch may return to (never another site). */
const BACK = /^\/console\/[A-Za-z0-9/_.-]{0,200}(\?[A-Za-z0-9_=&.%+-]{0,300})?$/;
const FLASHES = [
  "claimed",
  "released",
  "reassigned",
  "status",
  "note",
  "sent",
  "handed_back",
  "referred",
  "referral_updated",
  "partner_saved",
  "account_saved",
  "whatsapp_relinked",
  "case_saved",
] as const;

const SignInForm = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  _csrf: z.string().max(100),
});
const StatusForm = z.object({
  status: z.enum(MANUAL_STATUSES),
  outcome: z
    .enum(OUTCOMES)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  outcomeNote: z.string().max(500).optional(),
});
const TextForm = z.object({ text: z.string().min(1).max(8000), confirmOutsideSafeTimes: z.literal("1").optional() });
const ReassignForm = z.object({ assigneeId: z.string().uuid() });
const ReferForm = z.object({ partnerId: z.string().uuid(), overrideReason: z.string().max(1000).optional() });
const ReferralForm = z.object({
  status: z.enum(["pending", "accepted", "declined", "completed"]),
  note: z.string().max(500).optional(),
});
const PartnerForm = z.object({
  name: z.string(),
  services: z.string().max(800).default(""),
  provinces: z.string().max(800).default(""),
  contact: z.string(),
  referralEmail: z.string().max(320).optional(),
  active: z.literal("1").optional(),
});
const RelinkForm = z.object({ confirm: z.literal("1") });
const AccountForm = z.object({
  role: z.enum(["caseworker", "supervisor", "admin"]),
  active: z.literal("1").optional(),
});

/**
 * The caseworker console under /console: server-rendered pages (Hono JSX), one stylesheet and one small
 * script served from here (no CDN), sessions with CSRF tokens, and friendly errors in the caseworker's
 * language. Every action calls a domain verb; the verbs check permissions and write the audit log.
 */
export function createConsoleRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const session = requireConsoleSession({
    db: deps.db,
    t: deps.t,
    now: deps.now,
    idleMinutes: deps.sessionIdleMinutes,
  });
  const trFor =
    (lang: Locale): Tr =>
    (key, vars) =>
      deps.t(lang, `console:${key}`, vars);
  const tr = (c: Context<ConsoleEnv>) => trFor(c.get("lang"));
  const twFor =
    (lang: Locale): Tr =>
    (key, vars) =>
      deps.t(lang, `workday:${key}`, vars);
  const ctxOf = (c: Context<ConsoleEnv>): CaseworkContext => caseworkContextFor(deps, c.get("caseworker"));
  const form = async <T extends z.ZodType>(c: Context<ConsoleEnv>, schema: T): Promise<z.infer<T>> => {
    const parsed = schema.safeParse(await c.req.parseBody());
    if (!parsed.success) throw new CaseworkError("invalid", "Check the form and try again.", "errors.invalid");
    return parsed.data;
  };
  const reference = (c: Context<ConsoleEnv>) => {
    const value = c.req.param("reference") ?? "";
    if (!REFERENCE.test(value)) throw new CaseworkError("not_found", "No such ticket.", "errors.ticket_not_found");
    return value;
  };
  const flash = (c: Context<ConsoleEnv>) => {
    const done = c.req.query("done");
    return done && (FLASHES as readonly string[]).includes(done) ? tr(c)(`flash.${done}`) : undefined;
  };
  const page = (c: Context<ConsoleEnv>) => ({
    tr: tr(c),
    lang: c.get("lang"),
    caseworker: c.get("caseworker"),
    csrf: c.get("session").csrfToken,
    back: c.req.path,
  });

  app.onError((error, c) => {
    const lang = c.get("lang") ?? "id";
    const signedIn = c.get("caseworker") ? { caseworker: c.get("caseworker"), csrf: c.get("session").csrfToken } : {};
    if (error instanceof CaseworkError) {
      const status = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 }[error.code] as
        | 404
        | 403
        | 409
        | 400;
      const ref = c.req.param("reference");
      return c.html(
        <ErrorPage
          tr={trFor(lang)}
          lang={lang}
          message={trFor(lang)(error.messageKey)}
          back={
            ref && status !== 404
              ? `/console/tickets/${ref}`
              : status !== 403 && c.req.path.startsWith("/console/admin/whatsapp")
                ? "/console/admin/whatsapp"
                : "/console/queue"
          }
          {...signedIn}
        />,
        status,
      );
    }
    deps.log.error({ err: toLoggedError(error), requestId: c.get("requestId" as never) }, "console error");
    return c.html(
      <ErrorPage tr={trFor(lang)} lang={lang} message={trFor(lang)("errors.internal")} {...signedIn} />,
      500,
    );
  });

  app.use("*", async (c, next) => {
    const lang = getCookie(c, LANG_COOKIE);
    c.set("lang", isLocale(lang) ? lang : "id");
    c.set("secure", isSecureRequest(c, deps.publicUrl));
    await next();
    c.header("cache-control", "no-store");
    // Forms then carry a real Origin header (no-referrer makes browsers send "null"); nothing leaves the site.
    c.header("referrer-policy", "same-origin");
  });

  app.get("/assets/:file", async (c) => {
    const file = c.req.param("file");
    // own keys only: "constructor" or "__proto__" are not assets
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return c.notFound();
    return c.body(await readFile(`${ASSETS_DIR}${file}`, "utf8"), 200, { "content-type": type });
  });

  app.get("/", (c) => c.redirect("/console/queue", 303));

  // Sign-in: the form's CSRF token is a double-submit cookie (there is no session yet).
  app.get("/sign-in", (c) => {
    const csrf = newCsrfToken();
    setCookie(c, SIGN_IN_CSRF_COOKIE, csrf, {
      httpOnly: true,
      secure: c.get("secure"),
      sameSite: "Strict",
      path: "/console",
    });
    const message = c.req.query("expired")
      ? "expired"
      : c.req.query("signed_out")
        ? "signed_out"
        : c.req.query("password_set")
          ? "password_set"
          : undefined;
    return c.html(<SignInPage tr={tr(c)} lang={c.get("lang")} csrf={csrf} {...(message ? { message } : {})} />);
  });

  app.post("/sign-in", async (c) => {
    const parsed = SignInForm.safeParse(await c.req.parseBody());
    const cookie = getCookie(c, SIGN_IN_CSRF_COOKIE) ?? "";
    const csrf = newCsrfToken();
    setCookie(c, SIGN_IN_CSRF_COOKIE, csrf, {
      httpOnly: true,
      secure: c.get("secure"),
      sameSite: "Strict",
      path: "/console",
    });
    const again = (message: "invalid" | "throttled", status: 401 | 403 | 429, email = "") =>
      c.html(<SignInPage tr={tr(c)} lang={c.get("lang")} csrf={csrf} message={message} email={email} />, status);
    if (!parsed.success) return again("invalid", 401);
    if (!sameToken(parsed.data._csrf, cookie) || !sameOrigin(c)) return again("invalid", 403, parsed.data.email);
    const result = await signIn(deps, {
      email: parsed.data.email,
      password: parsed.data.password,
      address: clientAddress(c, deps.trustProxy),
    });
    if (result.status === "throttled") return again("throttled", 429, parsed.data.email);
    if (result.status === "invalid") return again("invalid", 401, parsed.data.email);
    deleteCookie(c, SIGN_IN_CSRF_COOKIE, { path: "/console" });
    setSessionCookie(c, result.token, c.get("secure"));
    return c.redirect("/console/queue", 303);
  });

  // The console's language: the caseworker's choice, kept in a cookie (default Bahasa Indonesia).
  app.post("/language", async (c) => {
    const body = await c.req.parseBody();
    const lang = body.lang;
    const signedIn = Boolean(readSessionCookie(c));
    const token = typeof body._csrf === "string" ? body._csrf : "";
    const sessionCsrf = signedIn ? await sessionCsrfOf(c) : null;
    const ok =
      sameOrigin(c) &&
      (sameToken(token, getCookie(c, SIGN_IN_CSRF_COOKIE) ?? "") ||
        (sessionCsrf !== null && sameToken(token, sessionCsrf)));
    if (ok && isLocale(lang))
      setCookie(c, LANG_COOKIE, lang, {
        httpOnly: true,
        secure: c.get("secure"),
        sameSite: "Lax",
        path: "/console",
        maxAge: 365 * 24 * 3600,
      });
    const back = typeof body.back === "string" && BACK.test(body.back) ? body.back : "/console/queue";
    return c.redirect(sessionCsrf ? back : "/console/sign-in", 303);
  });

  for (const path of [
    "/sign-out",
    "/queue",
    "/queue/*",
    "/tickets/*",
    "/partners",
    "/partners/*",
    "/admin/*",
    ...WORKDAY_SESSION_PATHS,
    ...STATS_SESSION_PATHS,
    "/events",
  ])
    app.use(path, session);

  app.post("/sign-out", async (c) => {
    await endSession(deps.db, c.get("session").id);
    clearSessionCookie(c);
    return c.redirect("/console/sign-in?signed_out=1", 303);
  });

  app.get("/queue", async (c) => {
    const parsed = QueueFilter.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
    const filter = parsed.success ? parsed.data : QueueFilter.parse({});
    const [queue, live, followUpsDue] = await Promise.all([
      listQueue(ctxOf(c), filter),
      readConsoleSnapshot(deps.db, c.get("caseworker")),
      countDueFollowUps(ctxOf(c)),
    ]);
    const fl = flash(c);
    return c.html(
      <QueuePage
        {...page(c)}
        queue={queue}
        filter={filter}
        signature={signatureOf(queue)}
        unread={Object.fromEntries(live.mine.map((t) => [t.reference, t.unread]))}
        followUpsDue={followUpsDue}
        {...(fl ? { flash: fl } : {})}
      />,
    );
  });

  app.get("/queue/poll", async (c) => {
    const queue = await listQueue(ctxOf(c), QueueFilter.parse({}));
    return c.json({ urgent: queue.urgent, counts: queue.counts, signature: signatureOf(queue) });
  });

  app.get("/tickets/:reference", async (c) =>
    c.html(await renderTicket(c, { flash: flash(c), ...(await cannedDraft(c, { ctxOf }, reference(c))) })),
  );

  app.get("/tickets/:reference/transcript", async (c) => {
    const cursor = Cursor.optional().safeParse(c.req.query("after") || undefined);
    if (!cursor.success) throw new CaseworkError("invalid", "Not a transcript cursor.", "errors.invalid");
    const after = cursor.data ? BigInt(cursor.data) : 0n;
    const messages = await readTranscriptAfter(ctxOf(c), reference(c), after);
    if (!messages?.length) return c.body(null, 204);
    c.header("x-cursor", messages.at(-1)!.cursor);
    return c.html(<TranscriptItems tr={tr(c)} lang={c.get("lang")} messages={messages} />);
  });

  const act = (path: string, run: (c: Context<ConsoleEnv>, ref: string) => Promise<string | Response>) =>
    app.post(`/tickets/:reference/${path}`, async (c) => {
      const ref = reference(c);
      const done = await run(c, ref);
      return typeof done === "string" ? c.redirect(`/console/tickets/${ref}?done=${done}`, 303) : done;
    });

  act("claim", async (c, ref) => (await claimTicket(ctxOf(c), { reference: ref }), "claimed"));
  act("release", async (c, ref) => (await releaseTicket(ctxOf(c), { reference: ref }), "released"));
  act(
    "reassign",
    async (c, ref) => (
      await reassignTicket(ctxOf(c), { reference: ref, ...(await form(c, ReassignForm)) }),
      "reassigned"
    ),
  );
  act("status", async (c, ref) => {
    const body = await form(c, StatusForm);
    await changeTicketStatus(ctxOf(c), {
      reference: ref,
      status: body.status,
      ...(body.outcome ? { outcome: body.outcome } : {}),
      ...(body.outcomeNote ? { outcomeNote: body.outcomeNote } : {}),
    });
    return "status";
  });
  act(
    "notes",
    async (c, ref) => (await addNote(ctxOf(c), { reference: ref, text: (await form(c, TextForm)).text }), "note"),
  );
  act("reply", async (c, ref) => {
    const body = await form(c, TextForm);
    const sent = await sendCaseworkerMessage(ctxOf(c), {
      reference: ref,
      text: body.text,
      outsideSafeTimesConfirmed: body.confirmOutsideSafeTimes === "1",
    });
    if (sent.status === "sent") return "sent";
    return c.html(
      await renderTicket(c, {
        error: tr(c)("ticket.held_outside_safe_times"),
        draft: body.text,
        confirmSafeTimes: true,
      }),
      409,
    );
  });
  act("hand-back", async (c, ref) => (await handBack(ctxOf(c), { reference: ref }), "handed_back"));
  act("referrals", async (c, ref) => {
    const body = await form(c, ReferForm);
    await referTicket(ctxOf(c), {
      reference: ref,
      partnerId: body.partnerId,
      email: Boolean(deps.referrals),
      ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
    });
    void deps.referrals?.kick();
    return "referred";
  });
  app.post("/tickets/:reference/referrals/:referralId", async (c) => {
    const ref = reference(c);
    const body = await form(c, ReferralForm);
    await updateReferral(ctxOf(c), {
      reference: ref,
      referralId: c.req.param("referralId"),
      status: body.status,
      ...(body.note ? { note: body.note } : {}),
    });
    return c.redirect(`/console/tickets/${ref}?done=referral_updated`, 303);
  });

  app.get("/partners", async (c) => {
    const partners = await listPartners(deps.db, { activeOnly: false, activeFirst: true });
    const fl = flash(c);
    return c.html(<PartnersPage {...page(c)} partners={partners} {...(fl ? { flash: fl } : {})} />);
  });
  const partnerFromForm = async (c: Context<ConsoleEnv>) => {
    const body = await form(c, PartnerForm);
    const list = (value: string) =>
      value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
    return {
      name: body.name,
      services: list(body.services),
      provinces: list(body.provinces),
      contact: body.contact,
      referralEmail: body.referralEmail?.trim() ? body.referralEmail.trim() : null,
      active: body.active === "1",
    };
  };
  app.post("/partners", async (c) => {
    await savePartnerChecked(ctxOf(c), await partnerFromForm(c));
    return c.redirect("/console/partners?done=partner_saved", 303);
  });
  app.post("/partners/:id", async (c) => {
    await savePartnerChecked(ctxOf(c), { ...(await partnerFromForm(c)), id: c.req.param("id") });
    return c.redirect("/console/partners?done=partner_saved", 303);
  });

  app.use("/admin/*", async (c, next) => {
    if (!can(c.get("caseworker"), "audit.read"))
      throw new CaseworkError("forbidden", "Only an admin can open this page.", "errors.denied.admin");
    await next();
  });
  app.get("/admin/accounts", async (c) => {
    const accounts = await listCaseworkers(deps.db, { activeFirst: true });
    const fl = flash(c);
    const tw = twFor(c.get("lang"));
    return c.html(
      <AccountsPage
        {...page(c)}
        accounts={accounts}
        invite={<InviteForm tr={tr(c)} tw={tw} csrf={c.get("session").csrfToken} />}
        actions={(account) => <AccountActions tw={tw} csrf={c.get("session").csrfToken} account={account} />}
        {...(fl ? { flash: fl } : {})}
      />,
    );
  });
  app.post("/admin/accounts/:id", async (c) => {
    const body = await form(c, AccountForm);
    await manageAccount(ctxOf(c), { caseworkerId: c.req.param("id"), role: body.role, active: body.active === "1" });
    return c.redirect("/console/admin/accounts?done=account_saved", 303);
  });
  app.get("/admin/settings", async (c) => {
    const [health, examplePartners] = await Promise.all([
      deps.checkHealth?.() ?? Promise.resolve({}),
      countExamplePartners(deps.db),
    ]);
    const settings = {
      sessionIdleMinutes: deps.sessionIdleMinutes,
      secureCookies: deps.publicUrl?.startsWith("https:") === true,
      health,
      examplePartners,
    };
    return c.html(<SettingsPage {...page(c)} settings={settings} />);
  });
  // WhatsApp: the link's state, the QR code to scan while unlinked (it links a device to the organisation's
  // number, so admins only), and relinking. The page reloads itself when the state or the QR code changes.
  const whatsappStatus = () => deps.whatsappStatus?.() ?? { state: "disabled" as const };
  app.get("/admin/whatsapp", (c) => {
    const status = whatsappStatus();
    const fl = flash(c);
    const stateLabel = deps.t(c.get("lang"), `whatsapp:status.${status.state}`);
    return c.html(
      <WhatsAppPage
        {...page(c)}
        status={status}
        stateLabel={stateLabel}
        signature={whatsappSignatureOf(status)}
        canRelink={Boolean(deps.relinkWhatsApp)}
        {...(fl ? { flash: fl } : {})}
      />,
    );
  });
  app.get("/admin/whatsapp/poll", (c) => {
    const status = whatsappStatus();
    // The state and a signature only: the QR code itself never leaves the page.
    return c.json({ state: status.state, signature: whatsappSignatureOf(status) });
  });
  app.post("/admin/whatsapp/relink", async (c) => {
    const parsed = RelinkForm.safeParse(await c.req.parseBody());
    if (!parsed.success)
      throw new CaseworkError("invalid", "Tick the box to confirm relinking.", "whatsapp.relink_confirm_missing");
    const status = whatsappStatus();
    if (!deps.relinkWhatsApp || !(RELINKABLE_STATES as readonly string[]).includes(status.state))
      throw new CaseworkError("conflict", "WhatsApp cannot be relinked in this state.", "whatsapp.relink_unavailable");
    await recordAudit(deps.db, {
      actor: { type: "caseworker", id: c.get("caseworker").id },
      action: "whatsapp.relink",
      subjectType: "whatsapp",
      meta: { previousState: status.state },
    });
    await deps.relinkWhatsApp();
    return c.redirect("/console/admin/whatsapp?done=whatsapp_relinked", 303);
  });
  app.get("/admin/audit", async (c) => {
    const filter = AuditFilter.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
    const rows = await listAudit(deps.db, filter.success ? filter.data : AuditFilter.parse({}));
    const query = new URL(c.req.url).search;
    const action = filter.success ? filter.data.action : undefined;
    return c.html(<AuditPage {...page(c)} rows={rows} query={query} {...(action ? { action } : {})} />);
  });
  app.get("/admin/audit.csv", async (c) => {
    const filter = AuditFilter.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
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

  async function renderTicket(
    c: Context<ConsoleEnv>,
    extra: { flash?: string | undefined; error?: string; draft?: string; confirmSafeTimes?: boolean },
  ) {
    const ctx = ctxOf(c);
    const before = c.req.query("before");
    const view = await readTicket(
      ctx,
      reference(c),
      "view",
      before && /^\d{1,19}$/.test(before) ? { before: BigInt(before) } : {},
    );
    if (view.ticket.assigneeId === ctx.actor.id)
      await markTicketRead(deps.db, { ticketId: view.ticket.id, caseworkerId: ctx.actor.id, now: deps.now() });
    const [partners, caseworkers, canned, caseWork, dispatches] = await Promise.all([
      listPartners(deps.db, { activeOnly: true }),
      view.allowed["ticket.reassign"] ? listActiveCaseworkers(deps.db) : Promise.resolve([]),
      view.allowed["ticket.reply"] ? listCannedReplies(deps.db, { activeOnly: true }) : Promise.resolve([]),
      readCaseWork(ctx, view.ticket),
      listReferralDispatches(deps.db, view.ticket.id),
    ]);
    return (
      <TicketPage
        cannedPicker={
          <CannedReplyPicker tw={twFor(c.get("lang"))} reference={view.ticket.reference} replies={canned} />
        }
        referralDispatch={(id) => {
          const dispatch = dispatches.find((d) => d.id === id);
          return dispatch ? (
            <ReferralDispatch
              t={deps.t}
              lang={c.get("lang")}
              csrf={c.get("session").csrfToken}
              reference={view.ticket.reference}
              referral={dispatch}
              canRefer={view.allowed["ticket.refer"]}
            />
          ) : null;
        }}
        caseWorkCard={
          <CaseWorkCard
            tw={twFor(c.get("lang"))}
            lang={c.get("lang")}
            csrf={c.get("session").csrfToken}
            reference={view.ticket.reference}
            work={caseWork}
            partners={partners}
            canEdit={view.allowed["ticket.note"]}
            now={deps.now()}
          />
        }
        {...page(c)}
        back={`/console/tickets/${view.ticket.reference}`}
        view={view}
        partners={partners}
        caseworkers={caseworkers}
        now={deps.now()}
        {...(extra.flash ? { flash: extra.flash } : {})}
        {...(extra.error ? { error: extra.error } : {})}
        {...(extra.draft ? { draft: extra.draft } : {})}
        {...(extra.confirmSafeTimes ? { confirmSafeTimes: true } : {})}
      />
    );
  }

  async function sessionCsrfOf(c: Context<ConsoleEnv>): Promise<string | null> {
    const token = readSessionCookie(c);
    if (!token) return null;
    return readSessionCsrf(deps.db, token);
  }

  mountWorkdayRoutes(app, {
    db: deps.db,
    t: deps.t,
    now: deps.now,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    page,
    ctxOf,
    form,
    tr,
    reference,
    ...(deps.referrals ? { referrals: deps.referrals } : {}),
  });
  const { db, t, now, stats } = deps;
  if (stats) mountStatsRoutes(app, { db, t, now, page, ctxOf, form, tr, reference, stats });
  mountLiveRoutes(app, {
    db: deps.db,
    now: deps.now,
    idleMinutes: deps.sessionIdleMinutes,
    ...(deps.events ? { events: deps.events } : {}),
  });
  return app;
}

async function savePartnerChecked(ctx: CaseworkContext, input: Parameters<typeof savePartner>[1]) {
  try {
    return await savePartner(ctx, input);
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new CaseworkError("invalid", "Check the partner's fields.", "errors.invalid");
    throw error;
  }
}

/** What changes on the queue when it should refresh itself: tickets, their status, holder and priority. */
function signatureOf(queue: Awaited<ReturnType<typeof listQueue>>): string {
  const text =
    queue.tickets
      .map((t) => `${t.reference}:${t.status}:${t.priority}:${t.assignee?.id ?? ""}:${t.awaitingReply}`)
      .join("|") + JSON.stringify(queue.counts);
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

/** What changes on the WhatsApp page when it should reload: the state, the QR code, the last close. */
function whatsappSignatureOf(status: WhatsAppStatus | { state: "disabled" }): string {
  const text =
    status.state === "disabled"
      ? status.state
      : `${status.state}:${status.qr ?? ""}:${status.since}:${status.lastDisconnectCode ?? ""}`;
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}
