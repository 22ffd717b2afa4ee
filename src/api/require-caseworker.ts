import { createMiddleware } from "hono/factory";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Role } from "../db/generated/client.ts";
import { authenticateApiToken } from "../casework/api-tokens.ts";
import { hasScope, type ApiTokenScope } from "../casework/api-token-scopes.ts";
import { atLeast } from "../casework/permissions.ts";
import { AppError } from "../http/errors.ts";

export type CaseworkerEnv = { Variables: { caseworker: Caseworker } };

/**
 * `/api` routes for integrations: `Authorization: Bearer <personal API token>`; a bad, missing or expired
 * token is 401, a token without the route's scope (read, casework, admin …) is 403.
 */
export function requireApiCaseworker(db: Db, scope: ApiTokenScope = "read", minimumRole: Role = "caseworker") {
  return createMiddleware<CaseworkerEnv>(async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    const caseworker = token ? await authenticateApiToken(db, token) : null;
    if (!caseworker)
      throw new AppError("unauthorized", "Send a valid personal API token as 'Authorization: Bearer <token>'.");
    if (!hasScope(caseworker.apiTokenScopes, scope))
      throw new AppError("forbidden", `This token does not have the '${scope}' scope (caseworker add --scopes).`);
    if (!atLeast(caseworker, minimumRole)) throw new AppError("forbidden", `This needs the ${minimumRole} role.`);
    c.set("caseworker", caseworker);
    await next();
  });
}
