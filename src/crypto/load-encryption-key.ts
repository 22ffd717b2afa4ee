import { chmod, mkdir, open, readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { decodeKey } from "../config/env.ts";

export const KEY_FILE = "encryption.key";

/**
 * The master key: ENCRYPTION_KEY when set; otherwise `<DATA_DIR>/encryption.key`, generated once with
 * mode 0600 (the embedded default). Losing the key file makes the stored data unreadable: back it up.
 */
export async function loadEncryptionKey(options: {
  encryptionKey?: string | undefined;
  dataDir: string;
}): Promise<Buffer> {
  if (options.encryptionKey) {
    const key = decodeKey(options.encryptionKey);
    if (!key) throw new Error("ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64)");
    return key;
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, KEY_FILE);
  try {
    const handle = await open(file, "wx", 0o600);
    await handle.writeFile(`${randomBytes(32).toString("base64")}\n`);
    await handle.close();
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
  await chmod(file, 0o600);
  const key = decodeKey(await readFile(file, "utf8"));
  if (!key) throw new Error(`${file} does not hold a 32-byte key; restore it from your backup`);
  return key;
}
