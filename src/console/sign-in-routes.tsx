import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../casework/hash-password.ts";
import { readSessionCsrf } from "../casework/read-session-csrf.ts";
import { endSession } from "../casework/sessions.ts";
import { signIn } from "../casework/sign-in.ts";
import { clientAddress } from "../http/client-address.ts";
import { isLocale } from "../i18n/create-i18n.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { ConsoleEnv } from "./console-env.ts";
import {
  clearSessionCookie,
  LANG_COOKIE,
  newCsrfToken,
  readSessionCookie,
  sameOrigin,
  sameToken,
  setSessionCookie,
  SIGN_IN_CSRF_COOKIE,
} from "./console-session.ts";
import type { ConsoleTools } from "./console-tools.ts";
import { SignInPage } from "./sign-in-page.tsx";

/** A console page the language switch may return to (never another site). */
const BACK = /^\/console\/[A-Za-z0-9/_.-]{0,200}(\?[A-Za-z0-9_=&.%+-]{0,300})?$/;

const SignInForm = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  _csrf: z.string().max(100),
});

/**
 * Signing in and out, and the console's language. Sign-in's CSRF token is a double-submit cookie (there is
 * no session yet); /sign-out runs behind the session middleware the console applies to it.
 */
export function createSignInRoutes(deps: ConsoleDeps, tools: Pick<ConsoleTools, "tr">) {
  const app = new Hono<ConsoleEnv>();
  const { tr } = tools;
  const newSignInCsrf = (c: Context<ConsoleEnv>) => {
    const csrf = newCsrfToken();
    setCookie(c, SIGN_IN_CSRF_COOKIE, csrf, {
      httpOnly: true,
      secure: c.get("secure"),
      sameSite: "Strict",
      path: "/console",
    });
    return csrf;
  };

  app.get("/sign-in", (c) => {
    const csrf = newSignInCsrf(c);
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
    const csrf = newSignInCsrf(c);
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
    const token = typeof body._csrf === "string" ? body._csrf : "";
    const sessionToken = readSessionCookie(c);
    const sessionCsrf = sessionToken ? await readSessionCsrf(deps.db, sessionToken) : null;
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

  app.post("/sign-out", async (c) => {
    await endSession(deps.db, c.get("session").id);
    clearSessionCookie(c);
    return c.redirect("/console/sign-in?signed_out=1", 303);
  });

  return app;
}
