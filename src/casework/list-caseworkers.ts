import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Role } from "../db/generated/client.ts";

/** Every account, by name; `activeFirst` puts the active ones before the rest (the accounts page). */
export async function listCaseworkers(db: Db, options: { activeFirst?: boolean } = {}): Promise<Caseworker[]> {
  return db.caseworker.findMany({
    orderBy: options.activeFirst ? [{ active: "desc" }, { name: "asc" }] : { name: "asc" },
  });
}

/** The active accounts a ticket can be given to (or searched by), by name. */
export async function listActiveCaseworkers(db: Db): Promise<{ id: string; name: string; role: Role }[]> {
  return db.caseworker.findMany({
    where: { active: true },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

/** An account's display name (it must exist: the caller just acted on it). */
export async function readCaseworkerName(db: Db, id: string): Promise<string> {
  return (await db.caseworker.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
}
