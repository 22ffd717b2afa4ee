import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for message text and personal data: AES-256-GCM with a fresh 96-bit IV per value, and
 * keyed hashes (HMAC-SHA256) for identifiers that must be looked up without being stored in clear.
 * Both keys are derived from the one master key with HKDF, so the two uses never share a key.
 */
export type Cipher = {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  encryptJson(value: unknown): string;
  decryptJson<T>(sealed: string): T;
  /** Stable keyed hash of an identifier (hex), e.g. a phone number or chat id. */
  lookupKey(value: string): string;
};

const VERSION = "v1";

export function createCipher(masterKey: Buffer): Cipher {
  if (masterKey.length !== 32) throw new Error("the encryption key must be 32 bytes");
  const encKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "lentera/aes-256-gcm", 32));
  const macKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "lentera/hmac-lookup", 32));

  const encrypt = (plain: string): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", encKey, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  };

  const decrypt = (sealed: string): string => {
    const [version, payload] = sealed.split(":");
    if (version !== VERSION || !payload) throw new Error("unknown ciphertext format");
    const raw = Buffer.from(payload, "base64");
    const decipher = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  };

  return {
    encrypt,
    decrypt,
    encryptJson: (value) => encrypt(JSON.stringify(value)),
    decryptJson: <T>(sealed: string) => JSON.parse(decrypt(sealed)) as T,
    lookupKey: (value) => createHmac("sha256", macKey).update(value).digest("hex"),
  };
}
