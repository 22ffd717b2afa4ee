import type { Context } from "hono";
import { CaseworkError } from "../casework/casework-error.ts";
import type { Locale } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { toLoggedError } from "../log/to-logged-error.ts";
import type { ConsoleEnv } from "./console-env.ts";
import { ErrorPage } from "./error-page.tsx";
import type { Tr } from "./layout.tsx";

/**
 * Friendly errors in the caseworker's language: a casework error is its own page with its status and a way
 * back (to the ticket, the WhatsApp page or the queue); anything else is logged (without its text) and a 500.
 */
export function createConsoleErrorHandler(log: Logger, trFor: (lang: Locale) => Tr) {
  return (error: Error, c: Context<ConsoleEnv>) => {
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
    log.error({ err: toLoggedError(error), requestId: c.get("requestId" as never) }, "console error");
    return c.html(
      <ErrorPage tr={trFor(lang)} lang={lang} message={trFor(lang)("errors.internal")} {...signedIn} />,
      500,
    );
  };
}
