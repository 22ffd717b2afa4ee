import {
  startWhatsApp,
  type WhatsAppDeps,
  type WhatsAppHandle,
} from "../../../src/channels/whatsapp/start-whatsapp.ts";
import { createAddressMerger } from "../../../src/conversations/merge-addresses.ts";
import { createLogger } from "../../../src/log/create-logger.ts";
import type { TestLentera } from "../../support/create-test-lentera.ts";
import { createFakeWhatsApp } from "./fake-whatsapp.ts";

/**
 * WhatsApp's pace and reconnect backoff for tests: no second between messages to a chat, no "typing…", and
 * reconnects after 10-40 ms. For a whole Lentera: `createTestLentera({ whatsappTimings: FAST_WHATSAPP })`.
 */
export const FAST_WHATSAPP = {
  pace: { perChatIntervalMs: 0, perMinute: 1000, typingAfterQuietMs: 60_000 },
  reconnect: { baseMs: 10, capMs: 40 },
} satisfies Pick<WhatsAppDeps, "pace" | "reconnect">;

/** Fast settings for tests: no pacing between messages, quick reconnects and lease checks. */
export function startTestWhatsApp(lentera: TestLentera, overrides: Partial<WhatsAppDeps> = {}) {
  const fake = createFakeWhatsApp();
  const handle: WhatsAppHandle = startWhatsApp({
    db: lentera.db,
    cipher: lentera.cipher,
    log: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    events: lentera.events,
    outbox: lentera.outbox,
    handleInbound: lentera.handleInbound,
    mergeAddresses: (lid, pn) => createAddressMerger(lentera)("whatsapp", lid, pn),
    socketFactory: fake.factory,
    ...FAST_WHATSAPP,
    leaseTtlMs: 400,
    ...overrides,
  });
  return { fake, handle };
}

/** A test WhatsApp whose fake socket has connected: the state the conversation tests start from. */
export async function startOpenTestWhatsApp(lentera: TestLentera, overrides: Partial<WhatsAppDeps> = {}) {
  const wa = startTestWhatsApp(lentera, overrides);
  await until(() => wa.fake.sockets.length === 1, "the socket");
  wa.fake.current().open();
  await until(() => wa.handle.getStatus().state === "open", "open");
  return wa;
}

/** Waits until `check` holds (polling), failing with `what` after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what = "condition",
  timeoutMs = 15_000,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Everything due now has happened: received messages handled, then the outbox drained. A message sent twice, or
 * a reply that should not be sent, would have gone out by then: what a fixed sleep before "nothing more" checks
 * waited for, without the guess.
 */
export async function settled(wa: { handle: WhatsAppHandle }, lentera: Pick<TestLentera, "outbox">): Promise<void> {
  await wa.handle.idle();
  await lentera.outbox.kick();
  await wa.handle.idle();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let phone = 6281200000000;
/** A fresh Indonesian phone JID per test, so tests sharing one database do not meet. */
export function nextJid(): string {
  phone += 1;
  return `${phone}@s.whatsapp.net`;
}
