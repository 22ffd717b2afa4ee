import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Env } from "../config/env.ts";
import type { Logger } from "../log/create-logger.ts";

/** What every command gets: the server's database and key (opened by open-cli-context.ts), a logger, stdout. */
export type CliContext = {
  env: Env;
  db: Db;
  cipher: Cipher;
  log: Logger;
  /** migrations this start applied (the CLI brings the database up to date like the server does) */
  applied: string[];
  out: (line: string) => void;
  close(): Promise<void>;
};

/** One `npm run cli -- <group> <name> [--flags]` command. */
export type CliCommand = {
  group: string;
  name: string;
  usage: string;
  /** parseArgs option spec (node:util) */
  options: Record<string, { type: "string" | "boolean"; short?: string }>;
  run(ctx: CliContext, values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
};

export class UsageError extends Error {}
