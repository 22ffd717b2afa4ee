import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/create-prisma-client.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { findSession } from "../casework/sessions.ts";
import type { ConsoleEnv } from "./console-env.ts";

export const SESSION_COOKIE = "lentera_console";
/** With https the cookie is `__Host-` prefixed: browsers then insist on Secure, Path=/ and no Domain. */
export const SECURE_SESSION_COOKIE = "__Host-lentera_console";
export const SIGN_IN_CSRF_COOKIE = "lentera_signin";
export const LANG_COOKIE = "lentera_console_lang";

/** A request counts as https when PUBLIC_URL is https, the proxy says so, or the URL itself is https. */
export function isSecureRequest(c: Context, publicUrl: string | undefined): boolean {
  return (
    publicUrl?.startsWith("https:") === true ||
    c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ||
    new URL(c.req.url).protocol === "https:"
  );
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
}

/** The session cookie: HttpOnly, SameSite=Lax (links from a chat app still open the console), Secure over https. */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: "Lax",
    path: "/",
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  deleteCookie(c, SECURE_SESSION_COOKIE, { path: "/", secure: true });
}

/** Background polls (x-lentera-poll) and live event streams must not keep an idle session alive. */
export function isPoll(c: Context): boolean {
  return c.req.header("x-lentera-poll") === "1" || c.req.header("accept") === "text/event-stream";
}

/**
 * Every console page but sign-in: a live session or a redirect to sign-in (a 401 for polls). An idle
 * session (SESSION_IDLE_MINUTES) is ended and the caseworker told why. Every POST must carry the session's
 * CSRF token, and a cross-site Origin is refused.
 */
export function requireConsoleSession(deps: { db: Db; t: Translate; now: () => Date; idleMinutes: number }) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const lookup = await findSession(deps.db, readSessionCookie(c), {
      now: deps.now(),
      idleMs: deps.idleMinutes * 60_000,
      touch: !isPoll(c),
    });
    if (lookup.status !== "active") {
      clearSessionCookie(c);
      if (isPoll(c)) return c.json({ error: { code: "unauthorized", message: "Sign in again." } }, 401);
      const reason = lookup.status === "expired" ? "?expired=1" : "";
      return c.redirect(`/console/sign-in${reason}`, 303);
    }
    if (c.req.method === "POST") {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const sent = typeof form._csrf === "string" ? form._csrf : (c.req.header("x-csrf-token") ?? "");
      if (!sameToken(sent, lookup.active.session.csrfToken) || !sameOrigin(c)) {
        return c.html(csrfRefused(deps.t, c.get("lang")), 403);
      }
    }
    c.set("caseworker", lookup.active.caseworker);
    c.set("session", lookup.active.session);
    await next();
  });
}

export function newCsrfToken(): string {
  return randomBytes(24).toString("base64url");
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A form must come from this site: browsers say so with Sec-Fetch-Site, or with Origin. `Origin: null` (a
 * sandboxed frame, a data: page, a redirect from elsewhere) is refused: the console's pages are served with
 * `Referrer-Policy: same-origin`, so its own forms always carry the real origin.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = c.req.header("origin");
  if (!origin) return true;
  if (origin === "null") return false;
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function csrfRefused(t: Translate, lang: Locale): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>403</title><link rel="stylesheet" href="/console/assets/console.css"><main><div class="card"><h1>${escape(t(lang, "console:errors.title"))}</h1><p>${escape(t(lang, "console:errors.csrf"))}</p><p><a href="/console/queue">${escape(t(lang, "console:errors.back"))}</a></p></div></main></html>`;
}
