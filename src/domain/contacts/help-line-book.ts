import type { Db } from "../../db/create-prisma-client.ts";
import { visibilityOf } from "./help-line.ts";
import { directoryOf, type HelpLineDirectory } from "./help-line-directory.ts";
import { researchedHelpLines } from "./researched-help-lines.ts";

/**
 * Writes the researched lines that the table does not hold yet (a fresh database, or lines added to the
 * research since); never touches a line that is there, so an admin's edits, confirmations and hidings stay.
 * Returns how many were written.
 */
export async function seedHelpLines(db: Db): Promise<number> {
  const result = await db.helpLine.createMany({ data: researchedHelpLines(), skipDuplicates: true });
  return result.count;
}

export async function listHelpLines(db: Db) {
  return db.helpLine.findMany({
    orderBy: [{ country: "asc" }, { audience: "asc" }, { position: "asc" }, { id: "asc" }],
  });
}

/** Lines people are given from public sources that no admin has confirmed yet (the settings page warns). */
export async function countUnconfirmedShownLines(db: Db): Promise<number> {
  const lines = await db.helpLine.findMany({ where: { review: "public_sources" } });
  return lines.filter((line) => visibilityOf(line) === "public_sources").length;
}

/**
 * The help lines people are given, read from the HelpLine table. `directory` is a stable object that
 * answers from the latest snapshot, so the engine and the web chat can hold it from start-up; `refresh`
 * reads the table again (after an admin's change here, and every minute for changes made by another
 * instance on the same database).
 */
export function createHelpLineBook(db: Db) {
  let current = directoryOf([]);
  const directory: HelpLineDirectory = {
    national: () => current.national(),
    forCountry: (country) => current.forCountry(country),
    dangerNumbers: (country) => current.dangerNumbers(country),
  };
  return {
    directory,
    async refresh(): Promise<void> {
      current = directoryOf(await listHelpLines(db));
    },
  };
}
export type HelpLineBook = ReturnType<typeof createHelpLineBook>;
