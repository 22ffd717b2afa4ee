import { parseArgs } from "node:util";
import { ConfigError } from "../config/env.ts";
import { UsageError, type CliCommand } from "./command.ts";
import { dbMigrate } from "./commands/db-migrate.ts";
import { caseworkerAdd } from "./commands/caseworker-add.ts";
import { telegramSetWebhook } from "./commands/telegram-set-webhook.ts";
import { whatsappLink } from "./commands/whatsapp-link.ts";
import { STATS_COMMANDS } from "./commands/stats-commands.ts";
import { openCliContext, type CliContext } from "./open-cli-context.ts";

/** Every command of `npm run cli -- …`; each lives in ./commands/<group>-<name>.ts. */
const COMMANDS: CliCommand[] = [dbMigrate, caseworkerAdd, telegramSetWebhook, whatsappLink, ...STATS_COMMANDS];

function usage(): string {
  return [
    "Usage: npm run cli -- <command> [options] [--create]",
    "",
    ...COMMANDS.map((c) => `  ${c.usage}`),
    "",
    "--create: make a new embedded database in DATA_DIR when there is none (otherwise the CLI refuses).",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  // --create works with every command, anywhere on the line: it lets the CLI make a new embedded database.
  const create = argv.includes("--create");
  const [group, name, ...rest] = argv.filter((arg) => arg !== "--create");
  const command = COMMANDS.find((c) => c.group === group && c.name === name);
  if (!command) {
    process.stderr.write(
      `${group ? `Unknown command: ${[group, name].filter(Boolean).join(" ")}\n\n` : ""}${usage()}\n`,
    );
    return 64;
  }
  let ctx: CliContext | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    ctx = await openCliContext(process.env, { create, announce: (line) => process.stdout.write(`${line}\n`) });
    await command.run(ctx, values as Record<string, string | boolean | undefined>, positionals);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      process.stderr.write(`${error.message}\n\nUsage: npm run cli -- ${command.usage}\n`);
      return 64;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await ctx?.close();
  }
}

// Files the CLI creates (an embedded database it opens itself, a key file) are for this account only.
process.umask(0o077);
const code = await main(process.argv.slice(2));
// Exit as soon as the output is out: the WebAssembly schema engine leaves a 10 s timer behind that would
// otherwise keep every command alive long after its work is done.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write("", done))));
process.exit(code);
