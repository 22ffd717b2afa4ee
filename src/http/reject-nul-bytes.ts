import { createMiddleware } from "hono/factory";
import { AppError } from "./errors.ts";

/** Bodies of these types are read (from a copy of the request) and checked for NUL bytes. */
const TEXT_BODIES = /^(application\/json|application\/x-www-form-urlencoded|text\/)/i;

/**
 * NUL bytes are refused at the edge with 400: PostgreSQL cannot store them in a text column, so one in an
 * email, a partner's name or a query value would otherwise end as a database error (a 500). Checks the path,
 * the query string and JSON, form and text bodies (the JSON escape `\u0000` and the form escape `%00`).
 * The route still reads the original body: this reads a clone, after the size limit.
 */
export function rejectNulBytes(options: { skip?: (path: string) => boolean } = {}) {
  return createMiddleware(async (c, next) => {
    if (options.skip?.(c.req.path)) return next();
    const url = c.req.url;
    // eslint-disable-next-line no-control-regex -- the NUL byte is exactly what this refuses
    if (/%00|\u0000/.test(url)) throw new AppError("bad_request", "NUL bytes are not allowed in a request.");
    const type = c.req.header("content-type") ?? "";
    if (c.req.raw.body && TEXT_BODIES.test(type)) {
      const text = await c.req.raw.clone().text();
      // eslint-disable-next-line no-control-regex -- the NUL byte is exactly what this refuses
      if (/\u0000|\\u0000|%00/i.test(text))
        throw new AppError("bad_request", "NUL bytes are not allowed in a request.");
    }
    await next();
  });
}
