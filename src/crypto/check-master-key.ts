import { ConfigError } from "../config/env.ts";
import type { Cipher } from "./create-cipher.ts";

/** The Setting row that holds the check value of the master key. */
export const KEY_CHECK_SETTING = "encryption.key_check";
const CHECK_INPUT = "lentera/master-key-check/v1";

/** The key in use is not the one the database was written with (or there is none): Lentera must not start. */
export class KeyCheckError extends ConfigError {}

/**
 * Where the check value lives (db/key-check-store.ts: a Setting row), and a sample of stored ciphertext for a
 * database from before check values. A port, so this toolkit never reaches the database itself.
 */
export type KeyCheckStore = {
  /** the recorded check value, or undefined when none is recorded */
  readCheck(): Promise<{ check?: unknown } | undefined>;
  /** one sealed value and one wrapped person key, when the database holds any */
  readSamples(): Promise<{ sealed?: string; wrapped?: { id: string; wrapped: string } }>;
  /** records the check value unless one is recorded already (two starts at once: the first one wins) */
  recordCheck(value: { check: string; recordedAt: string }): Promise<void>;
};

/**
 * Compares the master key with the check value the database recorded on its first start (a keyed hash of a
 * fixed text: it tells whether two keys are the same, and nothing about the key). A database from before
 * check values is checked by decrypting one stored value instead, then gets its check value. A mismatch throws
 * KeyCheckError before anything is written, so data is never stored under the wrong key.
 *
 * @param keySource how the operator set the key, named in the message (e.g. "ENCRYPTION_KEY")
 */
export async function checkMasterKey(
  store: KeyCheckStore,
  cipher: Cipher,
  keySource: string,
): Promise<"recorded" | "matches"> {
  const check = cipher.lookupKey(CHECK_INPUT);
  const stored = await store.readCheck();
  if (stored) {
    if (stored.check !== check) throw new KeyCheckError(mismatchMessage(keySource));
    return "matches";
  }
  const { sealed, wrapped } = await store.readSamples();
  try {
    if (sealed) cipher.decrypt(sealed);
    if (wrapped) cipher.unwrapKey(wrapped.id, wrapped.wrapped);
  } catch {
    throw new KeyCheckError(mismatchMessage(keySource));
  }
  await store.recordCheck({ check, recordedAt: new Date().toISOString() });
  // Two instances starting at once on a new database: whoever wrote first decides; check again.
  if ((await store.readCheck())?.check !== check) throw new KeyCheckError(mismatchMessage(keySource));
  return "recorded";
}

function mismatchMessage(keySource: string): string {
  return [
    `The encryption key from ${keySource} is not the key this database was written with.`,
    "Lentera stopped before reading or writing any data, so nothing was stored under the wrong key.",
    "Restore the original key: set ENCRYPTION_KEY to the value kept in your secret store, or put the key file back",
    "(ENCRYPTION_KEY_FILE, or encryption.key in DATA_DIR) from the backup you keep apart from the data.",
    "Starting afresh instead? Use a new, empty DATA_DIR or DATABASE_URL.",
  ].join("\n");
}
