import type { Lentera } from "./boot/start-lentera.ts";
import { ConfigError, parseEnv } from "./config/env.ts";
import { createLogger, type Logger } from "./log/create-logger.ts";
import { toLoggedError } from "./log/to-logged-error.ts";

// Signals are handled from the first line: a SIGTERM while migrations run lets the migration finish (each is
// one transaction anyway), then start-up stops, cleans up and exits 0 — never a half-started process.
const stopRequested = new AbortController();
let lentera: Lentera | undefined;
let log: Logger | undefined;
let stopping = false;
let shutdownTimeoutMs = 10_000;

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log?.info({ signal }, "shutting down");
  // A last resort should closing hang; closing itself keeps within SHUTDOWN_TIMEOUT_MS.
  setTimeout(() => process.exit(1), shutdownTimeoutMs + 2_000).unref();
  await lentera?.close({ timeoutMs: shutdownTimeoutMs });
  log?.info("stopped");
  process.exit(0);
}

function onSignal(signal: NodeJS.Signals) {
  if (!lentera) {
    stopRequested.abort();
    return;
  }
  void stop(signal);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

/** `npm start`: parse the environment once, start everything, stop cleanly on SIGINT/SIGTERM. */
async function main() {
  // Everything Lentera creates (database files, key file, sockets) is for this account only.
  process.umask(0o077);
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
  log = createLogger({ level: env.LOG_LEVEL });
  process.on("unhandledRejection", (reason) => {
    log?.error(
      {
        err: toLoggedError(reason),
      },
      "unhandled rejection",
    );
  });
  if (stopRequested.signal.aborted) process.exit(0);
  // Loaded only once the settings are good: a bad one is reported without loading the whole server first.
  const { startLentera, StartAborted } = await import("./boot/start-lentera.ts");
  try {
    lentera = await startLentera(env, { log, listen: true, signal: stopRequested.signal });
  } catch (error) {
    if (error instanceof StartAborted) {
      log.info("stopped during start-up");
      process.exit(0);
    }
    // A wrong or missing encryption key (KeyCheckError) is a configuration error, like a bad variable.
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  if (stopRequested.signal.aborted) return stop("SIGTERM");
  log.info(
    {
      url: lentera.url,
      database: env.DATABASE_URL ? "server" : "embedded",
      dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR,
    },
    "Lentera is running",
  );
  process.stdout.write(`\nLentera is running: open ${lentera.url} (web chat)\n\n`);
}

await main();
