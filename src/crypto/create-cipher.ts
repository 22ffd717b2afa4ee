import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/** A person's own data key, unwrapped: what their data is sealed with (crypto-shredding, README "Encryption"). */
export type PersonKey = { id: string; key: Buffer };

/** A person's key is not in this process's memory (load it with domain/privacy/person-keys.ts first), or is gone. */
export class KeyUnavailableError extends Error {}

/**
 * Encryption at rest, AES-256-GCM with a fresh 96-bit IV per value, and keyed hashes (HMAC-SHA256) for
 * identifiers that must be looked up without being stored in clear. Key hierarchy (README "Encryption"):
 * - the master key (ENCRYPTION_KEY or DATA_DIR/encryption.key) derives with HKDF-SHA256 (no salt) three keys:
 *   "lentera/aes-256-gcm" (organisation data, `v1:` values), "lentera/hmac-lookup" (lookup hashes) and
 *   "lentera/key-wrap" (wraps person keys);
 * - every person has a random 256-bit data key, stored only wrapped (`w1:` in the PersonKey table, GCM
 *   associated data "lentera/person-key|<id>"); their data is sealed with it as
 *   `v2:<keyId>:<base64(iv ‖ tag ‖ ciphertext)>`, associated data "lentera/v2|<keyId>|<context>", where the
 *   context names the row and column (e.g. "Message.bodyEnc/<id>"), so a value cannot be moved to another row.
 * Erasing a person destroys their key: every copy of their data, wherever it lingers, is unreadable.
 */
export type Cipher = {
  /** Organisation data under the master key (`v1:`). */
  encrypt(plain: string): string;
  /** Reads `v1:` values, and `v2:` values whose person key is loaded (the context must match the sealing one). */
  decrypt(sealed: string, context?: string): string;
  encryptJson(value: unknown): string;
  decryptJson<T>(sealed: string, context?: string): T;
  /** Seals a person's data under their own key, bound to `context` (row and column). */
  sealFor(key: PersonKey, plain: string, context: string): string;
  sealJsonFor(key: PersonKey, value: unknown, context: string): string;
  /**
   * Seals a person's file (raw bytes, no base64: a photo stays its size) under their key, bound to `context`;
   * `IV ‖ tag ‖ ciphertext`, associated data "lentera/v2|<keyId>|<context>" like `sealFor`.
   */
  sealBytesFor(key: PersonKey, bytes: Uint8Array, context: string): Buffer;
  /** Reads bytes sealed by `sealBytesFor` with the person key `keyId` (KeyUnavailableError once it is erased). */
  openBytes(keyId: string, sealed: Uint8Array, context: string): Buffer;
  /** Stable keyed hash of an identifier (hex), e.g. a phone number or chat id. */
  lookupKey(value: string): string;
  /** The person key a `v2:` value is sealed with (null for organisation data). */
  keyIdOf(sealed: string): string | null;
  newPersonKey(): PersonKey;
  wrapKey(key: PersonKey): string;
  unwrapKey(id: string, wrapped: string): PersonKey;
  /** Unwrapped person keys this process holds (filled by the person-key store, emptied by erasure). */
  keys: {
    get(id: string): PersonKey | undefined;
    remember(key: PersonKey): void;
    forget(id: string): void;
  };
};

function seal(key: Buffer, plain: Buffer, aad: string | null): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad !== null) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, raw: Buffer, aad: string | null): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  if (aad !== null) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function createCipher(masterKey: Buffer): Cipher {
  if (masterKey.length !== 32) throw new Error("the encryption key must be 32 bytes");
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive("lentera/aes-256-gcm");
  const macKey = derive("lentera/hmac-lookup");
  const wrapKey = derive("lentera/key-wrap");
  const cache = new Map<string, PersonKey>();

  const encrypt = (plain: string): string => `v1:${seal(encKey, Buffer.from(plain, "utf8"), null).toString("base64")}`;

  const sealFor = (key: PersonKey, plain: string, context: string): string =>
    `v2:${key.id}:${seal(key.key, Buffer.from(plain, "utf8"), `lentera/v2|${key.id}|${context}`).toString("base64")}`;

  const decrypt = (sealed: string, context = ""): string => {
    const parts = sealed.split(":");
    if (parts[0] === "v1" && parts.length === 2 && parts[1])
      return open(encKey, Buffer.from(parts[1], "base64"), null).toString("utf8");
    if (parts[0] === "v2" && parts.length === 3 && parts[1] && parts[2]) {
      const key = cache.get(parts[1]);
      if (!key) throw new KeyUnavailableError("the person key of this value is not loaded or was erased");
      return open(key.key, Buffer.from(parts[2], "base64"), `lentera/v2|${key.id}|${context}`).toString("utf8");
    }
    throw new Error("unknown ciphertext format");
  };

  return {
    encrypt,
    decrypt,
    encryptJson: (value) => encrypt(JSON.stringify(value)),
    decryptJson: <T>(sealed: string, context?: string) => JSON.parse(decrypt(sealed, context)) as T,
    sealFor,
    sealJsonFor: (key, value, context) => sealFor(key, JSON.stringify(value), context),
    sealBytesFor: (key, bytes, context) => seal(key.key, Buffer.from(bytes), `lentera/v2|${key.id}|${context}`),
    openBytes: (keyId, sealed, context) => {
      const key = cache.get(keyId);
      if (!key) throw new KeyUnavailableError("the person key of this file is not loaded or was erased");
      return open(key.key, Buffer.from(sealed), `lentera/v2|${key.id}|${context}`);
    },
    lookupKey: (value) => createHmac("sha256", macKey).update(value).digest("hex"),
    keyIdOf: (sealed) => {
      const parts = sealed.split(":");
      return parts[0] === "v2" && parts.length === 3 ? parts[1]! : null;
    },
    newPersonKey: () => ({ id: randomBytes(16).toString("hex"), key: randomBytes(32) }),
    wrapKey: (key) => `w1:${seal(wrapKey, key.key, `lentera/person-key|${key.id}`).toString("base64")}`,
    unwrapKey: (id, wrapped) => {
      const [version, payload] = wrapped.split(":");
      if (version !== "w1" || !payload) throw new Error("unknown wrapped key format");
      return { id, key: open(wrapKey, Buffer.from(payload, "base64"), `lentera/person-key|${id}`) };
    },
    keys: {
      get: (id) => cache.get(id),
      remember: (key) => void cache.set(key.id, key),
      forget: (id) => void cache.delete(id),
    },
  };
}
