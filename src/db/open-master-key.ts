import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { decodeKey, type Env } from "../config/env.ts";
import { checkMasterKey, KeyCheckError } from "../crypto/check-master-key.ts";
import { createCipher, type Cipher } from "../crypto/create-cipher.ts";
import { KEY_FILE, loadEncryptionKey } from "../crypto/load-encryption-key.ts";
import type { Db } from "./create-prisma-client.ts";
import { createKeyCheckStore } from "./key-check-store.ts";

/**
 * The master key the server and the CLI use, checked against the database before anything else touches data:
 * ENCRYPTION_KEY, else the file ENCRYPTION_KEY_FILE (kept outside DATA_DIR, so a data backup never holds it),
 * else DATA_DIR/encryption.key — generated only for a database that has never recorded a key. Throws
 * KeyCheckError (a ConfigError: exit 78) when the key is missing or wrong.
 */
export async function openMasterKey(env: Env, db: Db): Promise<Cipher> {
  const store = createKeyCheckStore(db);
  const { key, source } = await resolveKey(env, store);
  const cipher = createCipher(key);
  await checkMasterKey(store, cipher, source);
  return cipher;
}

async function resolveKey(
  env: Env,
  store: ReturnType<typeof createKeyCheckStore>,
): Promise<{ key: Buffer; source: string }> {
  if (env.ENCRYPTION_KEY) {
    return {
      key: await loadEncryptionKey({ encryptionKey: env.ENCRYPTION_KEY, dataDir: env.DATA_DIR }),
      source: "ENCRYPTION_KEY",
    };
  }
  if (env.ENCRYPTION_KEY_FILE) {
    const file = path.resolve(env.ENCRYPTION_KEY_FILE);
    const text = await readFile(file, "utf8").catch(() => {
      throw new KeyCheckError(
        `ENCRYPTION_KEY_FILE: cannot read ${file}. Restore the key file from its backup (or create one for a new ` +
          `database: openssl rand -base64 32 > ${file} && chmod 600 ${file}).`,
      );
    });
    const key = decodeKey(text);
    if (!key)
      throw new KeyCheckError(`ENCRYPTION_KEY_FILE: ${file} must hold 32 bytes as 64 hex characters or base64.`);
    return { key, source: `ENCRYPTION_KEY_FILE (${file})` };
  }
  const file = path.join(env.DATA_DIR, KEY_FILE);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists && (await store.hasCheck())) {
    throw new KeyCheckError(
      [
        `No encryption key: ENCRYPTION_KEY is not set and ${file} is missing, but this database holds data written`,
        "with a key. Lentera did not make a new key (that would hide the data). Restore the key: set",
        "ENCRYPTION_KEY from your secret store, or put encryption.key back into DATA_DIR (or point",
        "ENCRYPTION_KEY_FILE at it) from the backup you keep apart from the data.",
      ].join("\n"),
    );
  }
  return { key: await loadEncryptionKey({ dataDir: env.DATA_DIR }), source: `the key file ${file}` };
}
