import { getCookie, setCookie } from "hono/cookie";
import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  changeOwnPassword,
  inviteCaseworker,
  InviteInput,
  readAccountLink,
  resetPassword,
  signOutEverywhere,
  useAccountLink,
} from "../casework/account-links.ts";
import type { CaseworkContext } from "../casework/casework-context.ts";
import { CaseworkError } from "../casework/casework-error.ts";
import { listCannedReplies, renderCannedReply, saveCannedReply } from "../casework/canned-replies.ts";
import {
  addFollowUp,
  completeFollowUp,
  linkTickets,
  parseTags,
  recordService,
  setTags,
  type ServiceInput,
} from "../casework/case-services.ts";
import { listActiveCaseworkers, readCaseworkerName } from "../casework/list-caseworkers.ts";
import { listPartnerNames } from "../casework/list-partners.ts";
import { searchTickets, SearchQuery } from "../casework/search-tickets.ts";
import { readReferralForm } from "../casework/referral-form.ts";
import { resendReferral } from "../casework/resend-referral.ts";
import { ReferralFormPage } from "./referral-form-page.tsx";
import type { ConsoleEnv } from "./console-env.ts";
import type { ConsoleTools } from "./console-tools.ts";
import { newCsrfToken, sameOrigin, sameToken, SIGN_IN_CSRF_COOKIE } from "./console-session.ts";
import type { Tr } from "./layout.tsx";
import { SearchPage } from "./search-page.tsx";
import { CannedRepliesPage, MyAccountPage, OneTimeLinkPage, SetPasswordPage } from "./workday-pages.tsx";

export type { ConsoleTools } from "./console-tools.ts";

/** Pages behind a session that this file adds (the console applies its session middleware to them). */
export const WORKDAY_SESSION_PATHS = ["/search", "/account", "/account/*"];

const CannedForm = z.object({
  title: z.string(),
  textId: z.string(),
  textEn: z.string(),
  active: z.literal("1").optional(),
});
const PasswordForm = z.object({ current: z.string().max(200), next: z.string().max(200) });
const WelcomeForm = z.object({ password: z.string().max(200), _csrf: z.string().max(100) });
const LINK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const optional = z
  .string()
  .max(2000)
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));
const ServiceForm = z.object({
  service: z.string().max(40),
  status: z.string().max(40),
  partnerId: optional,
  startedOn: optional,
  endedOn: optional,
  outcome: optional,
});
const FollowUpForm = z.object({ due: z.string().max(20), note: optional });
const LinkForm = z.object({ other: z.string().max(40) });
const TagsForm = z.object({ tags: z.string().max(600) });

/**
 * The tools of a caseworker's day, mounted on the console app: search, canned replies (admins manage, a
 * caseworker inserts one into a reply), and accounts without a shell — an admin invites someone or resets a
 * password with a one-time link, signs an account out everywhere; everyone changes their own password.
 */
export function mountWorkdayRoutes(app: Hono<ConsoleEnv>, tools: ConsoleTools): void {
  const tw =
    (c: Context<ConsoleEnv>): Tr =>
    (key, vars) =>
      tools.t(c.get("lang"), `workday:${key}`, vars);
  const flashOf = (c: Context<ConsoleEnv>) => {
    const done = c.req.query("done");
    return done === "canned_saved" || done === "signed_out_everywhere" ? tw(c)(`flash.${done}`) : undefined;
  };

  app.get("/search", async (c) => {
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value !== ""));
    const parsed = SearchQuery.safeParse(raw);
    const asked = Object.keys(raw).length > 0;
    const [result, partners, caseworkers] = await Promise.all([
      parsed.success && asked ? searchTickets(tools.ctxOf(c), parsed.data) : Promise.resolve(null),
      listPartnerNames(tools.db),
      listActiveCaseworkers(tools.db),
    ]);
    return c.html(
      <SearchPage
        {...tools.page(c)}
        tw={tw(c)}
        query={parsed.success ? parsed.data : {}}
        result={result}
        partners={partners}
        caseworkers={caseworkers}
        {...(parsed.success ? {} : { invalid: true })}
      />,
      parsed.success ? 200 : 400,
    );
  });

  // Under /admin/*, which the console keeps to admins.
  app.get("/admin/canned", async (c) => {
    const replies = await listCannedReplies(tools.db);
    const fl = flashOf(c);
    return c.html(<CannedRepliesPage {...tools.page(c)} tw={tw(c)} replies={replies} {...(fl ? { flash: fl } : {})} />);
  });
  const cannedFromForm = async (c: Context<ConsoleEnv>) => {
    const body = await tools.form(c, CannedForm);
    return { title: body.title, textId: body.textId, textEn: body.textEn, active: body.active === "1" };
  };
  app.post("/admin/canned", async (c) => {
    await saveChecked(tools.ctxOf(c), await cannedFromForm(c));
    return c.redirect("/console/admin/canned?done=canned_saved", 303);
  });
  app.post("/admin/canned/:id", async (c) => {
    await saveChecked(tools.ctxOf(c), { ...(await cannedFromForm(c)), id: c.req.param("id") });
    return c.redirect("/console/admin/canned?done=canned_saved", 303);
  });

  app.post("/admin/invitations", async (c) => {
    const body = await tools.form(c, InviteInput);
    const { caseworker, token } = await inviteCaseworker(tools.ctxOf(c), body);
    return c.html(
      <OneTimeLinkPage
        {...tools.page(c)}
        tw={tw(c)}
        purpose="invite"
        name={caseworker.name}
        url={linkUrl(c, tools.publicUrl, token)}
      />,
      201,
    );
  });
  app.post("/admin/accounts/:id/reset", async (c) => {
    const id = uuidParam(c);
    const token = await resetPassword(tools.ctxOf(c), { caseworkerId: id });
    const name = await readCaseworkerName(tools.db, id);
    return c.html(
      <OneTimeLinkPage
        {...tools.page(c)}
        tw={tw(c)}
        purpose="reset"
        name={name}
        url={linkUrl(c, tools.publicUrl, token)}
      />,
    );
  });
  app.post("/admin/accounts/:id/sign-out", async (c) => {
    await signOutEverywhere(tools.ctxOf(c), { caseworkerId: uuidParam(c) });
    return c.redirect("/console/admin/accounts?done=account_saved", 303);
  });

  // Case work on a ticket: services, follow-ups, links, tags (the verbs check who may).
  const onTicket = (path: string, run: (c: Context<ConsoleEnv>, reference: string) => Promise<unknown>) =>
    app.post(`/tickets/:reference/${path}`, async (c) => {
      const reference = tools.reference(c);
      await run(c, reference);
      return c.redirect(`/console/tickets/${reference}?done=case_saved#h-casework`, 303);
    });
  onTicket("services", async (c, reference) => {
    const body = await tools.form(c, ServiceForm);
    // The verb parses the fields with its own schema (ServiceInput); the form only bounds their size.
    await recordService(tools.ctxOf(c), { ...(body as ServiceInput), reference });
  });
  onTicket("follow-ups", async (c, reference) => {
    const body = await tools.form(c, FollowUpForm);
    await addFollowUp(tools.ctxOf(c), { reference, due: body.due, ...(body.note ? { note: body.note } : {}) });
  });
  onTicket("follow-ups/:followUpId/done", async (c, reference) =>
    completeFollowUp(tools.ctxOf(c), { reference, followUpId: c.req.param("followUpId") ?? "" }),
  );
  onTicket("links", async (c, reference) =>
    linkTickets(tools.ctxOf(c), { reference, other: (await tools.form(c, LinkForm)).other }),
  );
  onTicket("tags", async (c, reference) =>
    setTags(tools.ctxOf(c), { reference, tags: parseTags((await tools.form(c, TagsForm)).tags) }),
  );

  app.get("/tickets/:reference/referrals/:referralId/form", async (c) => {
    const form = await readReferralForm(tools.ctxOf(c), {
      reference: tools.reference(c),
      referralId: c.req.param("referralId"),
    });
    const { tr, lang, caseworker, csrf } = tools.page(c);
    return c.html(<ReferralFormPage tr={tr} t={tools.t} lang={lang} caseworker={caseworker} csrf={csrf} form={form} />);
  });
  onTicket("referrals/:referralId/resend", async (c, reference) => {
    await resendReferral(tools.ctxOf(c), { reference, referralId: c.req.param("referralId") ?? "" });
    void tools.referrals?.kick();
  });

  app.get("/account", (c) => c.html(<MyAccountPage {...tools.page(c)} tw={tw(c)} />));
  app.post("/account/password", async (c) => {
    const body = await tools.form(c, PasswordForm);
    const result = await changeOwnPassword(tools.ctxOf(c), {
      current: body.current,
      next: body.next,
      keepSessionId: c.get("session").id,
    });
    return c.html(
      <MyAccountPage {...tools.page(c)} tw={tw(c)} message={result.status} />,
      result.status === "changed" ? 200 : 400,
    );
  });

  // The one-time link: no session yet, so the form's CSRF token is a double-submit cookie, as at sign-in.
  app.get("/welcome/:token", async (c) => {
    const token = c.req.param("token");
    const link = LINK_TOKEN.test(token) ? await readAccountLink(tools.db, token, tools.now()) : null;
    const csrf = newCsrfToken();
    setCookie(c, SIGN_IN_CSRF_COOKIE, csrf, {
      httpOnly: true,
      secure: c.get("secure"),
      sameSite: "Strict",
      path: "/console",
    });
    return c.html(
      <SetPasswordPage tr={tools.tr(c)} tw={tw(c)} lang={c.get("lang")} csrf={csrf} token={token} link={link} />,
      link ? 200 : 404,
    );
  });
  app.post("/welcome/:token", async (c) => {
    const token = c.req.param("token");
    const parsed = WelcomeForm.safeParse(await c.req.parseBody());
    const cookie = getCookie(c, SIGN_IN_CSRF_COOKIE) ?? "";
    if (!parsed.success || !sameToken(parsed.data._csrf, cookie) || !sameOrigin(c) || !LINK_TOKEN.test(token))
      throw new CaseworkError("invalid", "Check the form and try again.", "errors.invalid");
    const result = await useAccountLink(tools.db, { token, password: parsed.data.password }, tools.now());
    if (result.status === "done") return c.redirect("/console/sign-in?password_set=1", 303);
    const link = await readAccountLink(tools.db, token, tools.now());
    const csrf = newCsrfToken();
    setCookie(c, SIGN_IN_CSRF_COOKIE, csrf, {
      httpOnly: true,
      secure: c.get("secure"),
      sameSite: "Strict",
      path: "/console",
    });
    return c.html(
      <SetPasswordPage
        tr={tools.tr(c)}
        tw={tw(c)}
        lang={c.get("lang")}
        csrf={csrf}
        token={token}
        link={result.status === "invalid_link" ? null : link}
        {...(result.status === "weak_password" ? { message: "weak_password" as const } : {})}
      />,
      result.status === "invalid_link" ? 404 : 400,
    );
  });
}

/** The canned reply chosen in the picker, filled in for this ticket, as the reply box's draft. */
export async function cannedDraft(
  c: Context<ConsoleEnv>,
  tools: Pick<ConsoleTools, "ctxOf">,
  reference: string,
): Promise<{ draft?: string }> {
  const id = c.req.query("canned");
  if (!id || !z.uuid().safeParse(id).success) return {};
  return { draft: await renderCannedReply(tools.ctxOf(c), { id, reference }) };
}

async function saveChecked(ctx: CaseworkContext, input: Parameters<typeof saveCannedReply>[1]) {
  try {
    return await saveCannedReply(ctx, input);
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new CaseworkError("invalid", "Check the form and try again.", "errors.invalid");
    throw error;
  }
}

function uuidParam(c: Context<ConsoleEnv>): string {
  const id = c.req.param("id") ?? "";
  if (!z.uuid().safeParse(id).success)
    throw new CaseworkError("not_found", "No such account.", "errors.no_such_caseworker");
  return id;
}

function linkUrl(c: Context<ConsoleEnv>, publicUrl: string | undefined, token: string): string {
  const origin = publicUrl ? publicUrl.replace(/\/+$/, "") : new URL(c.req.url).origin;
  return `${origin}/console/welcome/${token}`;
}
