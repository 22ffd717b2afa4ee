import { ConfigError } from "../config/env.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Cipher } from "./create-cipher.ts";

/** The Setting row that holds the check value of the master key. */
export const KEY_CHECK_SETTING = "encryption.key_check";
const CHECK_INPUT = "lentera/master-key-check/v1";

/** The key in use is not the one the database was written with (or there is none): Lentera must not start. */
export class KeyCheckError extends ConfigError {}

/**
 * Compares the master key with the check value the database recorded on its first start (a keyed hash of a
 * fixed text: it tells whether two keys are the same, and nothing about the key). A database from before
 * check values is checked by decrypting one stored value instead, then gets its check value. A mismatch throws
 * KeyCheckError before anything is written, so data is never stored under the wrong key.
 *
 * @param keySource how the operator set the key, named in the message (e.g. "ENCRYPTION_KEY")
 */
export async function checkMasterKey(db: Db, cipher: Cipher, keySource: string): Promise<"recorded" | "matches"> {
  const check = cipher.lookupKey(CHECK_INPUT);
  const stored = await db.setting.findUnique({ where: { key: KEY_CHECK_SETTING } });
  if (stored) {
    const value = (stored.value as { check?: unknown } | null)?.check;
    if (value !== check) throw new KeyCheckError(mismatchMessage(keySource));
    return "matches";
  }
  const sample = await db.contact.findFirst({
    where: { erasedAt: null, channelUserEnc: { startsWith: "v1:" } },
    select: { channelUserEnc: true },
  });
  const wrapped = await db.personKey.findFirst({ select: { id: true, wrapped: true } });
  try {
    if (sample) cipher.decrypt(sample.channelUserEnc);
    if (wrapped) cipher.unwrapKey(wrapped.id, wrapped.wrapped);
  } catch {
    throw new KeyCheckError(mismatchMessage(keySource));
  }
  await db.setting.createMany({
    data: [{ key: KEY_CHECK_SETTING, value: { check, recordedAt: new Date().toISOString() } }],
    skipDuplicates: true,
  });
  // Two instances starting at once on a new database: whoever wrote first decides; check again.
  const winner = await db.setting.findUniqueOrThrow({ where: { key: KEY_CHECK_SETTING } });
  if ((winner.value as { check?: unknown } | null)?.check !== check)
    throw new KeyCheckError(mismatchMessage(keySource));
  return "recorded";
}

/** Whether this database already recorded a key (then a missing key must not be replaced by a new one). */
export async function hasKeyCheck(db: Db): Promise<boolean> {
  return (await db.setting.count({ where: { key: KEY_CHECK_SETTING } })) > 0;
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
