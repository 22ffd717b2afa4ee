import { initAuthCreds, proto, type SignalDataSet } from "@whiskeysockets/baileys";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDbAuthState } from "../../../src/channels/whatsapp/create-db-auth-state.ts";
import { createLease } from "../../../src/channels/whatsapp/create-lease.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());

const bytes = (n: number) => new Uint8Array(randomBytes(n));

describe("the WhatsApp auth state in the database", () => {
  test("credentials and every kind of signal key survive a save and a reload, Buffers and Uint8Arrays included", async () => {
    await lentera.db.whatsAppAuth.deleteMany({});
    const first = await createDbAuthState(lentera.db, lentera.cipher);
    expect(first.isLinked()).toBe(false);
    Object.assign(first.state.creds, {
      me: { id: "6281234567890:5@s.whatsapp.net", name: "Lentera" },
      routingInfo: randomBytes(12),
      registered: true,
    });
    await first.saveCreds();

    const data: SignalDataSet = {
      "pre-key": {
        "1": { public: bytes(32), private: bytes(32) },
        "2": { public: Buffer.from(bytes(32)), private: Buffer.from(bytes(32)) },
      },
      session: { "6281234567890.0": bytes(180) },
      "sender-key": { "120363041234567890@g.us::6281234567890::0": bytes(64) },
      "sender-key-memory": { "120363041234567890@g.us": { "6281234567890:0@s.whatsapp.net": true } },
      "app-state-sync-key": {
        AAAAAOeN: proto.Message.AppStateSyncKeyData.fromObject({
          keyData: bytes(32),
          fingerprint: { rawId: 7, currentIndex: 1, deviceIndexes: [0, 3] },
          timestamp: 1732886400000,
        }),
      },
      "app-state-sync-version": {
        regular_high: { version: 12, hash: randomBytes(128), indexValueMap: { bWFj: { valueMac: bytes(32) } } },
      },
      "lid-mapping": { "6281234567890": "987654321012345", "987654321012345_reverse": "6281234567890" },
      "device-list": { "6281234567890": ["0", "5", "17"] },
      tctoken: { "6281234567890@s.whatsapp.net": { token: randomBytes(24), timestamp: "1732886400" } },
      "identity-key": { "6281234567890.0": bytes(33) },
    };
    await first.state.keys.set(data);

    const second = await createDbAuthState(lentera.db, lentera.cipher);
    expect(second.isLinked()).toBe(true);
    expect(toPlain(second.state.creds)).toEqual(toPlain(first.state.creds));
    expect(Buffer.isBuffer(second.state.creds.noiseKey.private)).toBe(true);
    for (const [type, values] of Object.entries(data)) {
      const ids = Object.keys(values!);
      const loaded = await second.state.keys.get(type as keyof SignalDataSet, ids);
      expect(toPlain(loaded), type).toEqual(toPlain(values));
    }
    const syncKey = (await second.state.keys.get("app-state-sync-key", ["AAAAAOeN"])).AAAAAOeN!;
    expect(syncKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(syncKey.keyData!)).toEqual(Buffer.from(data["app-state-sync-key"]!.AAAAAOeN!.keyData!));
  });

  test("a null value deletes a key; nothing personal is stored in clear", async () => {
    const state = await createDbAuthState(lentera.db, lentera.cipher);
    await state.state.keys.set({ session: { "6289900000000.0": bytes(10) } });
    expect(Object.keys(await state.state.keys.get("session", ["6289900000000.0"]))).toEqual(["6289900000000.0"]);
    const rows = await lentera.db.whatsAppAuth.findMany();
    expect(rows.map((r) => r.key)).toContain(`session:${lentera.cipher.lookupKey("6289900000000.0")}`);
    for (const row of rows) {
      expect(row.key).not.toContain("6289900000000");
      expect(row.key).not.toContain("6281234567890");
      expect(row.valueEnc).toMatch(/^v1:/);
      expect(row.valueEnc).not.toContain("6281234567890");
    }
    await state.state.keys.set({ session: { "6289900000000.0": null } });
    expect(await state.state.keys.get("session", ["6289900000000.0"])).toEqual({});
  });

  test("clear forgets the link", async () => {
    const state = await createDbAuthState(lentera.db, lentera.cipher);
    await state.clear();
    expect(await lentera.db.whatsAppAuth.count()).toBe(0);
    expect((await createDbAuthState(lentera.db, lentera.cipher)).isLinked()).toBe(false);
    expect(initAuthCreds().registered).toBe(false);
  });
});

describe("the socket lease", () => {
  test("one holder at a time; the other gets it when released or expired", async () => {
    let clock = Date.parse("2026-11-29T12:00:00Z");
    const now = () => new Date(clock);
    const a = createLease(lentera.db, { name: "test-lease", holder: "a", ttlMs: 1000, now });
    const b = createLease(lentera.db, { name: "test-lease", holder: "b", ttlMs: 1000, now });
    // at the same time: exactly one gets it (on PostgreSQL's pool either may be first)
    const got = await Promise.all([a.acquire(), b.acquire()]);
    expect([...got].sort()).toEqual([false, true]);
    const [holder, other] = got[0] ? [a, b] : [b, a];
    expect(await holder.acquire()).toBe(true);
    expect(await other.acquire()).toBe(false);
    clock += 1500;
    expect(await other.acquire()).toBe(true);
    expect(await holder.acquire()).toBe(false);
    await other.release();
    expect(await holder.acquire()).toBe(true);
  });
});

/** Buffers and Uint8Arrays compared by content, whatever the class. */
function toPlain(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === "object") {
    const plain =
      typeof (value as { toJSON?: unknown }).toJSON === "function" && !(value instanceof Date) ? value : value;
    return Object.fromEntries(
      Object.entries(plain as object)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, toPlain(v)]),
    );
  }
  return value;
}
