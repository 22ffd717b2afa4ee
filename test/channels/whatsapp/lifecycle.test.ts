import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { WHATSAPP_LEASE, reconnectDelayMs } from "../../../src/channels/whatsapp/start-whatsapp.ts";
import { storeOutboundMessages } from "../../../src/conversations/store-outbound.ts";
import { TX_OPTIONS } from "../../../src/db/create-prisma-client.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { text } from "./fake-whatsapp.ts";
import { nextJid, settled, sleep, startTestWhatsApp, until } from "./support.ts";

// One database for the file (tests run one after another); each test starts from no link and no lease,
// and counts only its own person's messages.
let lentera: TestLentera;
/** the outbox's clock runs this far ahead of the wall clock: a test lets a retry's backoff pass without waiting it out */
let aheadMs = 0;
const handles: { stop(): Promise<void> }[] = [];
beforeAll(async () => {
  lentera = await createTestLentera({ now: () => new Date(Date.now() + aheadMs) });
});
afterAll(() => lentera?.close());
beforeEach(async () => {
  await lentera.db.whatsAppAuth.deleteMany({});
  await lentera.db.lease.deleteMany({});
});
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.stop();
});

function start(overrides: Parameters<typeof startTestWhatsApp>[1] = {}) {
  const wa = startTestWhatsApp(lentera, overrides);
  handles.push(wa.handle);
  return wa;
}

async function openSocket(wa: ReturnType<typeof start>, count: number) {
  await until(() => wa.fake.sockets.length === count, `socket #${count}`);
  wa.fake.current().open();
  await until(() => wa.handle.getStatus().state === "open", "open");
}

/**
 * Any reconnect the connection scheduled has run: with a reconnect backoff of 0 ms (`IMMEDIATE`) it fires on
 * the next timer turn, and the connection tracks it, so idle() waits for its socket.
 */
async function reconnectsRun(wa: ReturnType<typeof start>) {
  await wa.handle.idle();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await wa.handle.idle();
}
const IMMEDIATE = { baseMs: 0, capMs: 0 };

async function caseworkerSays(jid: string, body: string) {
  const contact = await lentera.db.contact.findUniqueOrThrow({
    where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
  });
  const conversation = await lentera.db.conversation.findFirstOrThrow({ where: { contactId: contact.id } });
  await lentera.db.$transaction(
    (tx) =>
      storeOutboundMessages(
        tx,
        { cipher: lentera.cipher, now: () => new Date() },
        { conversationId: conversation.id, channel: "whatsapp", author: "caseworker", messages: [{ text: body }] },
      ),
    TX_OPTIONS,
  );
  void lentera.outbox.kick();
}

async function pendingCount(jid: string, where: { attempts?: { gt: number } } = {}) {
  const contactWhere = { channel: "whatsapp" as const, channelUserKey: lentera.cipher.lookupKey(jid) };
  return lentera.db.message.count({
    where: { direction: "outbound", status: "pending", conversation: { contact: contactWhere }, ...where },
  });
}

async function outboundCount(jid: string) {
  return lentera.db.message.count({
    where: {
      direction: "outbound",
      conversation: { contact: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
    },
  });
}

describe("connection lifecycle", () => {
  test("a disconnect mid-conversation: replies and a caseworker's message wait, then arrive in order, once, on the new socket", async () => {
    const wa = start();
    await openSocket(wa, 1);
    const jid = nextJid();
    wa.fake.current().upsert([text(jid, "halo")]);
    await until(() => wa.fake.textsTo(jid).length === 1, "the language question");

    // the person answers, and the connection drops before Lentera can reply
    wa.fake.current().upsert([text(jid, "2")]);
    wa.fake.current().close(428);
    await wa.handle.idle();
    await until(() => wa.handle.getStatus().state === "reconnecting" || wa.fake.sockets.length === 2, "reconnecting");
    await caseworkerSays(jid, "Pesan dari pendamping");
    await settled(wa, lentera);
    expect(wa.fake.textsTo(jid)).toHaveLength(1);
    expect(await pendingCount(jid)).toBe(3);

    // the new socket opens: everything queued goes out, in order
    await openSocket(wa, 2);
    await until(() => wa.fake.textsTo(jid).length === 4, "the queued messages");
    await settled(wa, lentera);
    const texts = wa.fake.textsTo(jid);
    expect(texts).toHaveLength(4);
    expect(texts[1]).toBe("OK, we'll continue in English.");
    expect(texts[2]).toMatch(/Do you agree\?/);
    expect(texts[3]).toBe("Pesan dari pendamping");
    expect(wa.fake.sent.slice(1).every((c) => c.socket === 1)).toBe(true);
    expect(await pendingCount(jid)).toBe(0);
    expect(wa.handle.getStatus().counters.reconnects).toBe(1);
  });

  test("a message sent during an outage comes as `append` on the new socket and is answered once", async () => {
    const wa = start();
    await openSocket(wa, 1);
    wa.fake.current().close(408);
    await openSocket(wa, 2);
    const jid = nextJid();
    const waited = text(jid, "halo");
    wa.fake.current().upsert([waited], "append");
    wa.fake.current().upsert([waited], "notify");
    await until(() => wa.fake.textsTo(jid).length === 1, "the reply");
    await settled(wa, lentera);
    expect(wa.fake.textsTo(jid)).toHaveLength(1);
  });

  test("a send that fails on a dying socket is retried, not lost or doubled", async () => {
    const wa = start();
    await openSocket(wa, 1);
    const jid = nextJid();
    wa.fake.current().failSends = true;
    wa.fake.current().upsert([text(jid, "halo")]);
    await wa.handle.idle();
    await until(async () => (await pendingCount(jid, { attempts: { gt: 0 } })) === 1, "a failed attempt");
    aheadMs += 60_000; // the retry's backoff (0.5-1 s) passes
    wa.fake.current().close(408);
    await openSocket(wa, 2);
    await until(() => wa.fake.textsTo(jid).length === 1, "the reply after the retry", 10_000);
    await settled(wa, lentera);
    expect(wa.fake.textsTo(jid)).toHaveLength(1);
  });

  test("restartRequired reconnects at once; other closes back off, capped, with jitter", async () => {
    const wa = start({ reconnect: { baseMs: 60_000, capMs: 60_000 } });
    await openSocket(wa, 1);
    wa.fake.current().close(515);
    await until(() => wa.fake.sockets.length === 2, "an immediate reconnect", 1000);
    // random 0 waits the whole ceiling, random 1 half of it (backoffDelayMs with jitter 0.5)
    expect(reconnectDelayMs(0, 1000, 60_000, () => 1)).toBe(500);
    expect(reconnectDelayMs(0, 1000, 60_000, () => 0)).toBe(1000);
    expect(reconnectDelayMs(3, 1000, 60_000, () => 0)).toBe(8000);
    expect(reconnectDelayMs(30, 1000, 60_000, () => 0)).toBe(60_000);
    expect(reconnectDelayMs(30, 1000, 60_000, () => 1)).toBe(30_000);
  });

  test("loggedOut stops, clears the auth state, frees the socket and waits for a relink", async () => {
    // after a logout the connection looks for a new link every lease period (100 ms here)
    const wa = start({ leaseTtlMs: 100 });
    await openSocket(wa, 1);
    Object.assign(wa.fake.auths[0]!.creds, { me: { id: "6281100000000:4@s.whatsapp.net" } });
    wa.fake.current().ev.emit("creds.update", {});
    await wa.handle.idle();
    expect(await lentera.db.whatsAppAuth.count()).toBeGreaterThan(0);
    const jid = nextJid();
    wa.fake.current().upsert([text(jid, "halo")]);
    await until(() => wa.fake.textsTo(jid).length === 1, "a reply");

    wa.fake.current().close(401);
    await until(() => wa.handle.getStatus().state === "logged_out", "logged_out");
    await wa.handle.idle();
    expect(await lentera.db.whatsAppAuth.count()).toBe(0);
    expect(await lentera.db.lease.count({ where: { name: WHATSAPP_LEASE } })).toBe(0);
    expect(wa.handle.getStatus().lastDisconnectCode).toBe(401);
    await sleep(150);
    await wa.handle.idle(); // a look for a new link has run, and found none
    expect(wa.fake.sockets).toHaveLength(1);

    // an admin relinks from the console: a new socket shows a QR code
    await wa.handle.relink();
    await until(() => wa.fake.sockets.length === 2, "a new socket");
    wa.fake.current().showQr("2@QRREF,NOISE,IDENTITY,ADV");
    await until(() => wa.handle.getStatus().state === "qr", "qr");
    expect(wa.handle.getStatus().qr).toBe("2@QRREF,NOISE,IDENTITY,ADV");
    // …or a pairing code for the organisation's number
    expect(await wa.handle.requestPairingCode("halo")).toEqual({ status: "bad_phone" });
    expect(await wa.handle.requestPairingCode("0812-3456-7890")).toEqual({ status: "ok", code: "ABCD-1234" });
    expect(wa.fake.current().pairingRequests).toEqual(["6281234567890"]);
    wa.fake.current().open();
    await until(() => wa.handle.getStatus().state === "open", "open again");
    expect(wa.handle.getStatus()).not.toHaveProperty("qr");
  });

  test("forbidden (a ban) stops without retrying", async () => {
    const wa = start({ reconnect: IMMEDIATE });
    await openSocket(wa, 1);
    wa.fake.current().close(403);
    await until(() => wa.handle.getStatus().state === "forbidden", "forbidden");
    expect(await wa.handle.requestPairingCode("081234567890")).toEqual({ status: "unavailable" });
    await reconnectsRun(wa);
    expect(wa.fake.sockets).toHaveLength(1);
  });

  test("a ban (406) stops like 403: no retry", async () => {
    const wa = start({ reconnect: IMMEDIATE });
    await openSocket(wa, 1);
    wa.fake.current().close(406);
    await until(() => wa.handle.getStatus().state === "forbidden", "forbidden");
    await reconnectsRun(wa);
    expect(wa.fake.sockets).toHaveLength(1);
  });

  test("another client took the session (440): stop, say so, no tug-of-war", async () => {
    const wa = start({ reconnect: IMMEDIATE });
    await openSocket(wa, 1);
    wa.fake.current().close(440);
    await until(() => wa.handle.getStatus().state === "replaced", "replaced");
    expect(wa.handle.getStatus()).toMatchObject({ state: "replaced", lastDisconnectCode: 440 });
    await reconnectsRun(wa);
    expect(wa.fake.sockets).toHaveLength(1);
    // the lease is given up, so nothing of ours fights the other client for the session
    expect(await lentera.db.lease.findUnique({ where: { name: WHATSAPP_LEASE } })).toBeNull();
  });

  test("a temporary ban (402) pauses with a long backoff instead of reconnecting at once", async () => {
    const wa = start({ reconnect: { ...IMMEDIATE, pauseMs: 500 } });
    await openSocket(wa, 1);
    wa.fake.current().close(402);
    await until(() => wa.handle.getStatus().state === "paused", "paused");
    await reconnectsRun(wa);
    expect(wa.fake.sockets).toHaveLength(1); // the normal backoff (0 ms here) would have reconnected by now
    await until(() => wa.fake.sockets.length === 2, "tries again after the pause", 3000);
  });

  test("one socket per deployment: a second process stands by and takes over when the first stops", async () => {
    // A lease of seconds, not the suite's 400 ms: on a loaded machine a renewal late by half a second would
    // hand the socket over while the first process still runs, and this test is not about expiry.
    const first = start({ holder: "first", leaseTtlMs: 3000 });
    await openSocket(first, 1);
    const second = start({ holder: "second", leaseTtlMs: 3000, outbox: { register() {}, kick: async () => 0 } });
    await until(() => second.handle.getStatus().state === "standby", "standby");
    await second.handle.idle(); // its lease check is done; the next is a second away
    expect(second.fake.sockets).toHaveLength(0);
    expect(await lentera.db.lease.findUnique({ where: { name: WHATSAPP_LEASE } })).toMatchObject({ holder: "first" });

    await first.handle.stop();
    await until(() => second.fake.sockets.length === 1, "the second process connects", 10_000);
    expect(await lentera.db.lease.findUnique({ where: { name: WHATSAPP_LEASE } })).toMatchObject({ holder: "second" });
  });

  test("a restart with messages queued: the next process delivers them, in order, once", async () => {
    const before = start();
    await openSocket(before, 1);
    const jid = nextJid();
    before.fake.current().upsert([text(jid, "halo")]);
    await until(() => before.fake.textsTo(jid).length === 1, "a reply");
    before.fake.current().close(428);
    await until(() => before.handle.getStatus().state === "reconnecting", "reconnecting");
    before.fake.current().upsert([text(jid, "1")]); // arrived just before the close
    await before.handle.idle();
    await before.handle.stop();
    expect(await pendingCount(jid)).toBeGreaterThan(0);

    const after = start();
    await openSocket(after, 1);
    await until(async () => (await pendingCount(jid)) === 0, "the queue to drain");
    await settled(after, lentera);
    const texts = [...before.fake.textsTo(jid), ...after.fake.textsTo(jid)];
    expect(texts[0]).toMatch(/Choose your language/);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toHaveLength(await outboundCount(jid));
  });
});
