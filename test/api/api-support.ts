import type { Role } from "../../src/db/generated/client.ts";
import { newApiToken } from "../../src/casework/api-tokens.ts";
import { defaultScopesFor, type ApiTokenScope } from "../../src/casework/api-token-scopes.ts";
import type { TestLentera } from "../support/create-test-lentera.ts";

/** A caseworker made directly in the database, with a personal API token (the CLI does the same). */
export async function createCaseworker(
  lentera: TestLentera,
  options: { email: string; role?: Role; active?: boolean; scopes?: ApiTokenScope[]; expiresAt?: Date },
) {
  const { token, hash } = newApiToken();
  const caseworker = await lentera.db.caseworker.create({
    data: {
      email: options.email,
      name: "Test Caseworker",
      role: options.role ?? "caseworker",
      apiTokenHash: hash,
      apiTokenScopes: options.scopes ?? defaultScopesFor(options.role ?? "caseworker"),
      apiTokenExpiresAt: options.expiresAt ?? new Date(Date.now() + 24 * 3600_000),
      active: options.active ?? true,
    },
  });
  return { caseworker, token };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
