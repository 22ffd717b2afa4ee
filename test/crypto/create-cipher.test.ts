import { mkdtemp, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { createCipher } from "../../src/crypto/create-cipher.ts";
import { loadEncryptionKey } from "../../src/crypto/load-encryption-key.ts";

const key = Buffer.alloc(32, 7);

test("round-trips text and JSON, with a fresh IV each time", () => {
  const cipher = createCipher(key);
  const a = cipher.encrypt("paspor saya ditahan");
  const b = cipher.encrypt("paspor saya ditahan");
  expect(a).not.toBe(b);
  expect(a).not.toContain("paspor");
  expect(cipher.decrypt(a)).toBe("paspor saya ditahan");
  expect(cipher.decryptJson(cipher.encryptJson({ x: [1, "é"] }))).toEqual({ x: [1, "é"] });
});

test("refuses tampered ciphertext and a wrong key", () => {
  const cipher = createCipher(key);
  const sealed = cipher.encrypt("hello");
  const raw = Buffer.from(sealed.slice(3), "base64");
  raw[raw.length - 1]! ^= 1;
  expect(() => cipher.decrypt(`v1:${raw.toString("base64")}`)).toThrow();
  expect(() => createCipher(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
});

test("lookup keys are stable, keyed and do not reveal the value", () => {
  const cipher = createCipher(key);
  expect(cipher.lookupKey("+628123")).toBe(cipher.lookupKey("+628123"));
  expect(cipher.lookupKey("+628123")).not.toBe(createCipher(Buffer.alloc(32, 9)).lookupKey("+628123"));
  expect(cipher.lookupKey("+628123")).toMatch(/^[0-9a-f]{64}$/);
});

test("the embedded default generates its key once, readable by the owner only", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-key-"));
  const first = await loadEncryptionKey({ dataDir: dir });
  const second = await loadEncryptionKey({ dataDir: dir });
  expect(first.equals(second)).toBe(true);
  expect((await stat(path.join(dir, "encryption.key"))).mode & 0o777).toBe(0o600);
  expect((await readFile(path.join(dir, "encryption.key"), "utf8")).trim()).toHaveLength(44);
});

test("ENCRYPTION_KEY wins over the file, as hex or base64", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-key-"));
  expect((await loadEncryptionKey({ dataDir: dir, encryptionKey: "ab".repeat(32) })).toString("hex")).toBe(
    "ab".repeat(32),
  );
  expect((await loadEncryptionKey({ dataDir: dir, encryptionKey: key.toString("base64") })).equals(key)).toBe(true);
  await expect(loadEncryptionKey({ dataDir: dir, encryptionKey: "short" })).rejects.toThrow(/32 bytes/);
});
