import { startLentera } from "./boot/start-lentera.ts";
import { ConfigError, parseEnv } from "./config/env.ts";
import { createLogger } from "./log/create-logger.ts";
import { toLoggedError } from "./log/to-logged-error.ts";

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
  const log = createLogger({ level: env.LOG_LEVEL });
  let lentera;
  try {
    lentera = await startLentera(env, { log, listen: true });
  } catch (error) {
    // A wrong or missing encryption key (KeyCheckError) is a configuration error, like a bad variable.
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  log.info(
    {
      url: lentera.url,
      database: env.DATABASE_URL ? "server" : "embedded",
      dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR,
    },
    "Lentera is running",
  );
  process.stdout.write(`\nLentera is running: open ${lentera.url} (web chat)\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await lentera.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("unhandledRejection", (reason) => {
    log.error(
      {
        err: toLoggedError(reason),
      },
      "unhandled rejection",
    );
  });
}

await main();
