import type { Db } from "../db/create-prisma-client.ts";
import { hashSessionToken } from "./sessions.ts";

/**
 * The CSRF token of the session a cookie's token opens, or null when it opens none. It does not check the
 * session's age (the language switch only needs to know the form came from this session's page).
 */
export async function readSessionCsrf(db: Db, token: string): Promise<string | null> {
  const found = await db.caseworkerSession.findUnique({ where: { tokenHash: hashSessionToken(token) } });
  return found?.csrfToken ?? null;
}
