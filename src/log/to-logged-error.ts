/** What the log keeps of an unexpected error: never its message, which for a database error can hold query values. */
export type LoggedError = { name: string; code?: string; sqlState?: string; frames: string[] };

/**
 * An error as it may be logged: its class, its code (Prisma's `P2002`, Node's `ECONNREFUSED`, PostgreSQL's
 * SQLSTATE from the driver) and where it was thrown — the stack's frames without the first line, which repeats
 * the message. The message stays out: Prisma and PostgreSQL put the offending values (an email, a text) in it.
 */
export function toLoggedError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { name: typeof error, frames: [] };
  const code =
    "code" in error && (typeof error.code === "string" || typeof error.code === "number")
      ? String(error.code)
      : undefined;
  const sqlState = findSqlState(error);
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return { name: error.name, ...(code ? { code } : {}), ...(sqlState ? { sqlState } : {}), frames };
}

/** The driver adapter wraps PostgreSQL's error: its SQLSTATE is in `cause.originalCode` or `cause.code`. */
function findSqlState(error: Error): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth += 1) {
    const value = (current as { originalCode?: unknown }).originalCode;
    if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value)) return value;
    const kind = (current as { kind?: unknown; code?: unknown }).code;
    if (typeof kind === "string" && /^[0-9A-Z]{5}$/.test(kind)) return kind;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
