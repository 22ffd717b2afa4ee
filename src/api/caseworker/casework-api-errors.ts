import type { Context } from "hono";
import { CaseworkError } from "../../casework/casework-error.ts";
import { AppError, createErrorHandler, type ErrorCode } from "../../http/errors.ts";
import type { Logger } from "../../log/create-logger.ts";

const CODES: Record<CaseworkError["code"], ErrorCode> = {
  not_found: "not_found",
  forbidden: "forbidden",
  conflict: "conflict",
  invalid: "bad_request",
};

/** The /api error handler: casework refusals become the HTTP error vocabulary; the rest goes to the app's. */
export function createCaseworkErrorHandler(log: Logger) {
  const handle = createErrorHandler(log);
  return (error: Error, c: Context) =>
    handle(error instanceof CaseworkError ? new AppError(CODES[error.code], error.message) : error, c);
}
