import { spawn } from "node:child_process";
import { MAIN_ARGS } from "./node-args.ts";

export type MainProcess = ReturnType<typeof startMainProcess>;

/**
 * `src/main.ts` in a process of its own, as `npm start` runs it but without tsx's wrapper process: one
 * process (node with tsx's loader), so signals and kill -9 reach the server itself, and it starts about a
 * second sooner than through the `tsx` command.
 */
export function startMainProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, MAIN_ARGS, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const output = () => ({ stdout, stderr });
  /** the address the server printed once it serves */
  const url = async () => {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const found = /open (http:\/\/\S+) /.exec(stdout)?.[1];
      if (found) return found;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no URL: ${stderr}`);
  };
  return { child, exited, output, url };
}
