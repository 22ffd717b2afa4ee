import type { Db } from "../db/create-prisma-client.ts";
import type { Partner } from "../db/generated/client.ts";

/**
 * Partner organisations, by name: `activeOnly` for what a caseworker may refer to, every partner for an
 * admin; `activeFirst` puts the active ones before the rest (the partners page).
 */
export async function listPartners(
  db: Db,
  options: { activeOnly: boolean; activeFirst?: boolean },
): Promise<Partner[]> {
  return db.partner.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: options.activeFirst ? [{ active: "desc" }, { name: "asc" }] : { name: "asc" },
  });
}

/** Every partner's id and name, by name (search filters). */
export async function listPartnerNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.partner.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The partners seeded as examples ("[Contoh] …") that are still active: the settings page warns about them. */
export async function countExamplePartners(db: Db): Promise<number> {
  return db.partner.count({ where: { name: { startsWith: "[Contoh]" }, active: true } });
}
