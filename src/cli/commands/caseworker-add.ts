import { createInterface } from "node:readline";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../casework/hash-password.ts";
import { API_TOKEN_SCOPES, ApiTokenScope } from "../../casework/api-token-scopes.ts";
import { saveCaseworker } from "../../casework/save-caseworker.ts";
import { Role } from "../../db/generated/enums.ts";
import { UsageError, type CliCommand } from "../command.ts";

const Options = z.object({
  email: z.email("--email must be an email address"),
  name: z.string().trim().min(1, "--name is required").max(120),
  role: z.enum(Role, "--role must be caseworker, supervisor or admin"),
  scopes: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(",").map((s) => s.trim())))
    .pipe(
      z.array(ApiTokenScope, `--scopes must be a comma-separated list of ${API_TOKEN_SCOPES.join(", ")}`).optional(),
    ),
  "token-days": z.coerce
    .number("--token-days must be a number of days")
    .int()
    .min(1, "--token-days must be 1–3650")
    .max(3650, "--token-days must be 1–3650")
    .optional(),
});

/**
 * Creates a caseworker account, or resets one (same email): name, role, a new personal API token — printed
 * once, stored only as a hash — and, when given, the console password. The password comes from
 * `--password`, from stdin with `--password-stdin` (keeps it out of the shell history), or from a hidden
 * prompt on a terminal (Enter skips it). Works with the server running or not.
 *
 *   npm run cli -- caseworker add --email rina@example.org --name "Rina" --role supervisor
 *   printf '%s' "$PASSWORD" | npm run cli -- caseworker add --email … --name … --role … --password-stdin
 */
export const caseworkerAdd: CliCommand = {
  group: "caseworker",
  name: "add",
  usage:
    "caseworker add --email <email> --name <name> --role <caseworker|supervisor|admin> [--password <password> | --password-stdin] [--scopes read,casework,admin] [--token-days 90]",
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    "password-stdin": { type: "boolean" },
    scopes: { type: "string" },
    "token-days": { type: "string" },
  },
  async run(ctx, values) {
    const parsed = Options.safeParse(values);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("\n"));
    const password = await readPassword(values);
    if (password !== undefined && (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)) {
      throw new UsageError(`The password must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters.`);
    }
    const { scopes, "token-days": tokenDays, ...account } = parsed.data;
    const { caseworker, token, created } = await saveCaseworker(
      ctx.db,
      {
        ...account,
        ...(password ? { password } : {}),
        ...(scopes ? { scopes } : {}),
        ...(tokenDays ? { tokenDays } : {}),
      },
      { type: "cli" },
    );
    ctx.out(`${created ? "Created" : "Reset"} ${caseworker.role} ${caseworker.email} (${caseworker.name}).`);
    ctx.out(
      password
        ? "Console password: set."
        : caseworker.passwordHash
          ? "Console password: unchanged."
          : "Console password: none yet (re-run with --password-stdin to set one).",
    );
    ctx.out(
      `Token scopes: ${caseworker.apiTokenScopes.join(", ")}; valid until ${caseworker.apiTokenExpiresAt?.toISOString() ?? "—"}.`,
    );
    ctx.out("Personal API token (shown once; store it somewhere safe — re-running this command replaces it):");
    ctx.out(token);
  },
};

async function readPassword(values: Record<string, string | boolean | undefined>): Promise<string | undefined> {
  if (typeof values.password === "string") return values.password;
  if (values["password-stdin"] === true) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
    if (!text) throw new UsageError("--password-stdin: nothing was read from stdin.");
    return text;
  }
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const answer = await promptHidden("Console password (Enter to leave it as it is): ");
  return answer || undefined;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      if (!asked) {
        process.stderr.write(text);
        asked = true;
      } else if (text.includes("\n")) process.stderr.write("\n");
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
