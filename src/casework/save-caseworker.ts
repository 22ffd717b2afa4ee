import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Role } from "../db/generated/client.ts";
import { recordAudit, type Actor } from "../domain/audit/record-audit.ts";
import { defaultScopesFor, DEFAULT_API_TOKEN_DAYS, type ApiTokenScope } from "./api-token-scopes.ts";
import { newApiToken } from "./api-tokens.ts";
import { hashPassword } from "./hash-password.ts";
import { endAllSessions } from "./sessions.ts";

export type SaveCaseworkerInput = {
  email: string;
  name: string;
  role: Role;
  password?: string;
  /** the new token's scopes (default: everything the role may do) */
  scopes?: ApiTokenScope[];
  /** the new token's lifetime in days (default DEFAULT_API_TOKEN_DAYS) */
  tokenDays?: number;
  now?: Date;
};

/**
 * Creates an account, or resets an existing one (same email): name, role, a new API token, and the password
 * when one is given. A reset ends the account's console sessions. The token is returned once and stored
 * only as a hash.
 */
export async function saveCaseworker(
  db: Db,
  input: SaveCaseworkerInput,
  actor: Actor,
): Promise<{ caseworker: Caseworker; token: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const { token, hash } = newApiToken();
  const scopes = input.scopes ?? defaultScopesFor(input.role);
  const expiresAt = new Date(
    (input.now ?? new Date()).getTime() + (input.tokenDays ?? DEFAULT_API_TOKEN_DAYS) * 24 * 3600_000,
  );
  const tokenData = { apiTokenHash: hash, apiTokenScopes: scopes, apiTokenExpiresAt: expiresAt };
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    const existing = await tx.caseworker.findUnique({ where: { email } });
    const caseworker = existing
      ? await tx.caseworker.update({
          where: { id: existing.id },
          data: {
            name: input.name,
            role: input.role,
            ...tokenData,
            active: true,
            ...(passwordHash ? { passwordHash } : {}),
          },
        })
      : await tx.caseworker.create({
          data: { email, name: input.name, role: input.role, ...tokenData, passwordHash: passwordHash ?? null },
        });
    if (existing) await endAllSessions(tx, existing.id);
    await recordAudit(tx, {
      actor,
      action: existing ? "caseworker.reset" : "caseworker.created",
      subjectType: "caseworker",
      subjectId: caseworker.id,
      meta: { role: input.role, passwordSet: Boolean(passwordHash), scopes, tokenExpiresAt: expiresAt.toISOString() },
    });
    return { caseworker, token, created: !existing };
  });
}
