import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../log/create-logger.ts";
import { toLoggedError } from "../log/to-logged-error.ts";

/** The one error vocabulary of the HTTP layer: every error response is `{ error: { code, message } }`. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

/** Hono's onError: known errors keep their status; anything else is logged (without request data) and is a 500. */
export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof AppError)
      return c.json(errorBody(error.code, error.message, error.details), ERROR_STATUS[error.code]);
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = CODE_BY_STATUS.get(status) ?? (status >= 500 ? "internal" : "bad_request");
      return c.json(errorBody(code, error.message || code.replace("_", " ")), status as ContentfulStatusCode);
    }
    log.error({ err: toLoggedError(error), requestId: c.get("requestId") }, "unhandled error");
    return c.json(errorBody("internal", "Something went wrong on our side. Please try again."), 500);
  };
}
