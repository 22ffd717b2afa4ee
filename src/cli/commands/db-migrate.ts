import type { CliCommand } from "../command.ts";

/** Brings the database up to date without starting the server (the server also does this at every start). */
export const dbMigrate: CliCommand = {
  group: "db",
  name: "migrate",
  usage: "db migrate",
  options: {},
  async run(ctx) {
    ctx.out(ctx.applied.length ? `Applied: ${ctx.applied.join(", ")}` : "The database is up to date.");
  },
};
