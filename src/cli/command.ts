import type { CliContext } from "./open-cli-context.ts";

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
