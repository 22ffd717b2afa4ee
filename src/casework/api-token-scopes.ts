import { z } from "zod";
import type { Role } from "../db/generated/client.ts";

/**
 * What a personal API token may do. Extensible: a new scope is one more entry here (stored as text, no
 * migration). `read`: ticket lists and reads, the queue, transcripts, screening; `casework`: the actions on
 * tickets (claim, reply, notes, status, referrals); `admin`: partners, accounts, the audit log; `stats`: the
 * anonymised statistics under `/api/stats/*` only (a token for a partner or a researcher can hold just this).
 */
export const API_TOKEN_SCOPES = ["read", "casework", "admin", "stats"] as const;
export const ApiTokenScope = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

/** A new token lasts this long unless `caseworker add --token-days` says otherwise. */
export const DEFAULT_API_TOKEN_DAYS = 90;

/** The scopes a role's token gets by default: everything the role may do. */
export function defaultScopesFor(role: Role): ApiTokenScope[] {
  // `stats` is granted by default to admins only; a supervisor's or a researcher's token asks for it (--scopes).
  return role === "admin" ? ["read", "casework", "admin", "stats"] : ["read", "casework"];
}

/** Whether a token with `granted` scopes may use a route that needs `needed`. */
export function hasScope(granted: readonly string[], needed: ApiTokenScope): boolean {
  return granted.includes(needed);
}
