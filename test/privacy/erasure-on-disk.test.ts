import { createDecipheriv, hkdfSync } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { createDataDir } from "../support/create-data-dir.ts";
import { consentedChat } from "../flows/flow-support.ts";
import { startTelegramHarness, type TelegramHarness } from "../channels/telegram/telegram-harness.ts";
import { bearer, createCaseworker } from "../api/api-support.ts";
import { makePdf } from "../support/make-media-files.ts";

/**
 * The promise of "hapus" and the panic wipe, checked as an attacker who seized the laptop would: after a
 * clean shutdown every file under DATA_DIR is read byte by byte, in clear and decrypting every envelope
 * found with the key file and the key hierarchy of the README ("Encryption") — without the GCM tag check,
 * so that the associated data does not protect anything here. Nothing of the erased people may be found;
 * everything of the others must be (which shows the scan reads the format).
 */
const onPglite = !process.env.TEST_DATABASE_URL;
let dataDir = "";
let h: TelegramHarness | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type Person = { name: string; phone: string; passport: string };
const person = (tag: string, n: number): Person => ({
  name: `Wati Sumarni${tag}`,
  phone: `0812${n}${n}${n}4455${n}`,
  passport: `C${n}${n}7731${n}9`,
});
const story = (p: Person, lang: "id" | "en") =>
  lang === "en"
    ? `My name is ${p.name}, my number is ${p.phone}. The agent keeps my passport ${p.passport} and I cannot leave.`
    : `Nama saya ${p.name}, nomor saya ${p.phone}. Agen menahan paspor saya ${p.passport} dan saya tidak boleh pulang.`;

const markersOf = (p: Person) => [p.name, p.phone, p.passport];

/** Telegram chat ids long enough not to turn up by chance in a server's files. */
const ERASED_CHAT = 773019301;
const KEPT_CHAT = 773019302;

type People = { erased: string[]; kept: string[] };

/** Two people on the web chat and two on Telegram tell their stories; one of each erases. */
async function tellAndErase(h: TelegramHarness, beforeErasure?: (people: People) => Promise<void>): Promise<People> {
  const webErased = person("Webhapus", 1);
  const webKept = person("Webtetap", 2);
  const tgErased = person("Telehapus", 3);
  const tgKept = person("Teletetap", 4);

  const a = await consentedChat(h.lentera.app, "en");
  await a.say(story(webErased, "en"));
  // a photo of the contract, uploaded: its bytes are sealed from the start and go with the person
  const contract = `Kontrak kerja ${webErased.name} paspor ${webErased.passport} berkas`;
  const uploaded = await h.lentera.app.request(`/api/webchat/conversations/${a.conversationId}/media`, {
    method: "POST",
    headers: { authorization: `Bearer ${a.token}`, "content-type": "application/pdf" },
    body: new Uint8Array(makePdf(contract)),
  });
  expect(uploaded.status).toBe(200);
  expect(await h.lentera.db.mediaFile.count({ where: { conversationId: a.conversationId, status: "stored" } })).toBe(1);
  const b = await consentedChat(h.lentera.app, "id");
  await b.say(story(webKept, "id"));

  const c = h.person(ERASED_CHAT, { languageCode: "en" });
  await c.send(c.textUpdate("/start"));
  await c.press("lang.en");
  await c.press("consent.accept");
  await c.say(story(tgErased, "en"));
  const d = h.person(KEPT_CHAT, { languageCode: "id" });
  await d.send(d.textUpdate("/start"));
  await d.press("lang.id");
  await d.press("consent.accept");
  await d.say(story(tgKept, "id"));

  const people = {
    erased: [...markersOf(webErased), ...markersOf(tgErased), String(ERASED_CHAT), contract],
    kept: [...markersOf(webKept), ...markersOf(tgKept), String(KEPT_CHAT)],
  };
  await beforeErasure?.(people);
  // one of each erases: "delete" confirmed on the web, the panic wipe on Telegram
  await a.say("delete");
  await a.tap("erase.yes");
  await c.send(c.textUpdate("/hapus"));
  await h.settle();
  await h.lentera.telegram?.idle();
  expect(await h.lentera.db.wipeJob.count()).toBe(0);
  expect(await h.lentera.db.mediaFile.count({ where: { conversationId: a.conversationId } })).toBe(0);
  return people;
}

function expectNothingOfTheErased(found: { clear: string; decrypted: string }, people: People) {
  for (const marker of people.erased) {
    expect(found.clear.includes(marker), `${marker} in clear`).toBe(false);
    expect(found.decrypted.includes(marker), `${marker} decrypted`).toBe(false);
  }
  for (const marker of people.kept)
    expect(found.decrypted.includes(marker), `${marker} decrypted (the scan reads the format)`).toBe(true);
}

test.runIf(onPglite)(
  "after erasure and a clean shutdown, no file under DATA_DIR holds the erased people's words, in clear or decrypted",
  async () => {
    dataDir = await createDataDir("lentera-erasure-");
    h = await startTelegramHarness({ env: { DATA_DIR: dataDir } });
    const people = await tellAndErase(h);
    await h.close();
    h = undefined;
    expectNothingOfTheErased(await scan(dataDir, [dataDir]), people);
  },
  240_000,
);

test.runIf(!onPglite)(
  "on PostgreSQL, after erasure and a clean shutdown, the database's files and the server's WAL hold none of the erased people's words",
  async () => {
    let found: { clear: string; decrypted: string } | undefined;
    let keyDir = "";
    h = await startTelegramHarness({
      beforeDrop: async ({ name, server }) => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        try {
          const setting = async (name: string) =>
            String(Object.values((await client.query(`SHOW ${name}`)).rows[0] as object)[0]);
          expect(await setting("wal_recycle"), "PostgreSQL runs with wal_recycle = off (README, Encryption)").toBe(
            "off",
          );
          const root = await setting("data_directory");
          const { rows } = await client.query<{ oid: number }>("SELECT oid FROM pg_database WHERE datname = $1", [
            name,
          ]);
          const dirs = [
            path.join(root, "base", String(rows[0]!.oid)),
            path.join(root, "global"),
            path.join(root, "pg_wal"),
          ];
          found = await scan(keyDir, dirs);
        } finally {
          await client.end();
        }
      },
    });
    keyDir = h.lentera.dataDir;
    const [{ dir }] = (await h.lentera.db.$queryRaw<
      { dir: string }[]
    >`SELECT current_setting('data_directory') AS dir`) as [{ dir: string }];
    // Other test files share the server, and their erasures end in checkpoints that may remove WAL segments
    // at any time; the WAL is known to hold the stories only while no checkpoint has run since they were told.
    const redo = async () =>
      (await h!.lentera.db.$queryRaw<{ lsn: string }[]>`SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()`)[0]!
        .lsn;
    const before = await redo();
    const people = await tellAndErase(h, async ({ erased }) => {
      // before the erasure the server's WAL does hold the stories (the scan reads it)
      const wal = await scan(keyDir, [path.join(dir, "pg_wal")]);
      if ((await redo()) !== before) return;
      for (const marker of erased.slice(0, 3))
        expect(wal.decrypted.includes(marker), `${marker} in the WAL`).toBe(true);
    });
    await h.close();
    h = undefined;
    expect(found, "the scan ran before the test database was dropped").toBeDefined();
    expectNothingOfTheErased(found!, people);
  },
  240_000,
);

test.runIf(onPglite)(
  "the erased Telegram person writes again (after a restart): a new, unlinked contact, answered, and a caseworker's reply reaches them",
  async () => {
    expect(dataDir, "runs after the scan above").not.toBe("");
    h = await startTelegramHarness({ env: { DATA_DIR: dataDir } });
    try {
      const c = h.person(ERASED_CHAT, { languageCode: "en" });
      // a fresh harness numbers updates from the same start: skip past the first run's (Telegram never reuses them)
      for (let i = 0; i < 500; i++) c.textUpdate("");
      await c.send(c.textUpdate("/start"));
      // the notice first, as for anyone new
      expect(c.replies().length).toBeGreaterThan(0);
      await c.press("lang.en");
      await c.press("consent.accept");
      await c.say("They keep my passport and I cannot leave the house. Please help me.");
      const contact = await h.lentera.db.contact.findUniqueOrThrow({
        where: {
          channel_channelUserKey: {
            channel: "telegram",
            channelUserKey: h.lentera.cipher.lookupKey(String(ERASED_CHAT)),
          },
        },
        include: { tickets: true },
      });
      expect(contact.erasedAt).toBeNull();
      const ticket = contact.tickets[0]!;
      expect(ticket, "a ticket for the new story").toBeDefined();
      const erased = await h.lentera.db.ticket.findMany({ where: { erasureRequestedAt: { not: null } } });
      expect(erased.every((t) => t.contactId === null && t.conversationId === null)).toBe(true);

      const cw = await createCaseworker(h.lentera as never, { email: "rina@example.org", role: "supervisor" });
      const call = (method: string, url: string, body?: unknown) =>
        h!.lentera.app.request(url, {
          method,
          headers: { ...bearer(cw.token), "content-type": "application/json" },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
      expect((await call("POST", `/api/tickets/${ticket.reference}/claim`)).status).toBe(200);
      const reply = await call("POST", `/api/tickets/${ticket.reference}/messages`, {
        text: "Halo, saya Rina dari tim kami. Kamu aman sekarang?",
        outsideSafeTimesConfirmed: true,
      });
      expect(reply.status, await reply.clone().text()).toBeLessThan(300);
      await h.settle();
      expect(
        c
          .replies()
          .map((m) => m.text)
          .join("\n"),
      ).toContain("Kamu aman sekarang?");
    } finally {
      await h.close();
      h = undefined;
    }
  },
  240_000,
);

/** Every file's bytes, and every envelope in them opened with the key file (AES-CTR: no tag, no AAD). */
async function scan(keyDir: string, dirs: string[]): Promise<{ clear: string; decrypted: string }> {
  const master = Buffer.from((await readFile(path.join(keyDir, "encryption.key"), "utf8")).trim(), "base64");
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  const orgKey = derive("lentera/aes-256-gcm");
  const wrapKey = derive("lentera/key-wrap");
  const files: string[] = [];
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile()) files.push(p);
    }
  };
  for (const dir of dirs) await walk(dir);
  const clearParts: string[] = [];
  const v1: Buffer[] = [];
  const v2: { keyId: string; raw: Buffer }[] = [];
  // a PersonKey row holds its id, its owner and the wrapped key, in that order, in heap and WAL alike
  const personKeys = new Map<string, Buffer[]>();
  for (const file of files) {
    const text = (await readFile(file)).toString("latin1");
    clearParts.push(text);
    for (const m of text.matchAll(/v1:([A-Za-z0-9+/]{40,}={0,2})/g)) v1.push(Buffer.from(m[1]!, "base64"));
    for (const m of text.matchAll(/v2:([0-9a-f]{32}):([A-Za-z0-9+/]{40,}={0,2})/g))
      v2.push({ keyId: m[1]!, raw: Buffer.from(m[2]!, "base64") });
    for (const m of text.matchAll(/([0-9a-f]{32})[\s\S]{1,120}?w1:([A-Za-z0-9+/]{40,}={0,2})/g)) {
      const keys = personKeys.get(m[1]!) ?? [];
      keys.push(ctr(wrapKey, Buffer.from(m[2]!, "base64")).subarray(0, 32));
      personKeys.set(m[1]!, keys);
    }
  }
  const out: string[] = v1.map((raw) => ctr(orgKey, raw).toString("utf8"));
  for (const { keyId, raw } of v2)
    for (const key of personKeys.get(keyId) ?? []) out.push(ctr(key, raw).toString("utf8"));
  return { clear: clearParts.join("\n"), decrypted: out.join("\n") };
}

/** GCM's keystream: AES-CTR from the counter block IV ‖ 2 (the tag is not checked). */
function ctr(key: Buffer, raw: Buffer): Buffer {
  if (raw.length < 29 || key.length !== 32) return Buffer.alloc(0);
  const counter = Buffer.concat([raw.subarray(0, 12), Buffer.from([0, 0, 0, 2])]);
  const decipher = createDecipheriv("aes-256-ctr", key, counter);
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}
