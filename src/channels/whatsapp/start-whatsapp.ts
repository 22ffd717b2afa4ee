import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import {
  isLidUser,
  isPnUser,
  jidNormalizedUser,
  type ConnectionState,
  type WAMessage,
  type WAMessageKey,
} from "@whiskeysockets/baileys";
import type { HandleInbound } from "../../conversations/handle-inbound.ts";
import { readSentMessage } from "../../conversations/read-sent-message.ts";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { EventBus, LenteraEvent } from "../../events/event-bus.ts";
import type { Logger } from "../../log/create-logger.ts";
import type { ChannelSender } from "../../outbox/types.ts";
import { createDbAuthState, type DbAuthState } from "./create-db-auth-state.ts";
import { createLease } from "./create-lease.ts";
import { createWhatsAppSender, type WhatsAppMessageRef, type WhatsAppPace } from "./create-whatsapp-sender.ts";
import { maskError } from "./mask-error.ts";
import { normalizePhone } from "../../domain/contacts/normalize-phone.ts";
import { parseWhatsAppMessage } from "./parse-whatsapp-message.ts";
import { renderWhatsAppText } from "./render-whatsapp-text.ts";
import type {
  WhatsAppCounters,
  WhatsAppSocket,
  WhatsAppSocketFactory,
  WhatsAppState,
  WhatsAppStatus,
} from "./types.ts";

/** The lease that makes one process per deployment own the WhatsApp socket. */
export const WHATSAPP_LEASE = "whatsapp-socket";

/** Baileys' close codes that decide what happens next (DisconnectReason, without importing Baileys eagerly). */
const LOGGED_OUT = 401;
/** 402: a temporary ban ("payment required" in WhatsApp's codes): retrying soon makes it longer */
const TEMPORARILY_BANNED = 402;
const FORBIDDEN = 403;
/** 406: the account is banned */
const BANNED = 406;
/** 440: "connection replaced" — another client opened the same session */
const CONNECTION_REPLACED = 440;
const RESTART_REQUIRED = 515;

/** After a temporary ban: wait this long before the first try, doubling to the cap (1 h, then up to 24 h). */
export const TEMPORARY_BAN_PAUSE_MS = 60 * 60_000;
const TEMPORARY_BAN_PAUSE_CAP_MS = 24 * 60 * 60_000;

/** How long a chat keeps messages after the panic wipe turns disappearing messages on: 24 hours, the shortest. */
export const WIPE_DISAPPEARING_S = 24 * 3600;

export type WhatsAppDeps = {
  db: Db;
  cipher: Cipher;
  log: Logger;
  events: EventBus;
  outbox: { register(sender: ChannelSender): void; kick(): Promise<number> };
  handleInbound: HandleInbound;
  /** `makeWASocket` in production (the default, loaded on first use); a fake in tests */
  socketFactory?: WhatsAppSocketFactory;
  pace?: Partial<WhatsAppPace>;
  /** reconnect backoff: first wait and cap (defaults 1 s and 60 s), with jitter */
  reconnect?: { baseMs?: number; capMs?: number; pauseMs?: number };
  /** how long the socket lease lasts without renewal (default 30 s; renewed every third of it) */
  leaseTtlMs?: number;
  /** wait between the deletions of a panic wipe (default 300 ms) */
  deleteIntervalMs?: number;
  /** this process's name in the lease (default host:pid:random) */
  holder?: string;
  random?: () => number;
};

export type WhatsAppHandle = {
  sender: ChannelSender;
  getStatus(): WhatsAppStatus;
  /** forgets the current link and shows a new QR code (the console's "relink" button) */
  relink(): Promise<void>;
  /**
   * While a QR code is shown, asks WhatsApp for a pairing code for the organisation's phone number instead
   * (any common format: "0812…", "+62 812…"). Resolves to the code to type on the phone, or
   * `{ status: "unavailable" }` when not waiting for a link, or `{ status: "bad_phone" }`.
   */
  requestPairingCode(
    phone: string,
  ): Promise<{ status: "ok"; code: string } | { status: "unavailable" } | { status: "bad_phone" }>;
  /** resolves when every received message and pending wipe has been processed (tests, shutdown) */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The WhatsApp channel: one Baileys socket per deployment (held through a lease; other processes stand by),
 * auth state in the database, reconnects with capped exponential backoff and jitter, inbound messages from
 * people into the engine, outbound through the outbox, and the panic wipe. Baileys is imported only when
 * the default socket factory is used, so a deployment without WhatsApp never loads it.
 */
export function startWhatsApp(deps: WhatsAppDeps): WhatsAppHandle {
  const { log } = deps;
  const random = deps.random ?? Math.random;
  const baseMs = deps.reconnect?.baseMs ?? 1000;
  const capMs = deps.reconnect?.capMs ?? 60_000;
  const pauseMs = deps.reconnect?.pauseMs ?? TEMPORARY_BAN_PAUSE_MS;
  let pauses = 0;
  const leaseTtlMs = deps.leaseTtlMs ?? 30_000;
  const lease = createLease(deps.db, {
    name: WHATSAPP_LEASE,
    holder: deps.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ttlMs: leaseTtlMs,
  });
  const counters: WhatsAppCounters = {
    received: 0,
    handled: 0,
    duplicates: 0,
    ignored: 0,
    sent: 0,
    rateLimited: 0,
    deleted: 0,
    reconnects: 0,
  };

  let state: WhatsAppState = "connecting";
  let since = new Date();
  let qr: string | undefined;
  let lastDisconnectCode: number | undefined;
  let socket: WhatsAppSocket | undefined;
  let auth: DbAuthState | undefined;
  let generation = 0;
  let attempt = 0;
  let stopped = false;
  let holdsLease = false;
  let timer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  const chats = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<unknown>>();
  const wipes: PendingWipe[] = [];
  const wiping = new Set<string>();
  let wipeRun: Promise<void> | undefined;

  const sender = createWhatsAppSender({
    getSocket: () => socket,
    isOpen: () => state === "open",
    kick: () => void deps.outbox.kick(),
    isHeld: (jid) => wiping.has(jid),
    ...(deps.pace ? { pace: deps.pace } : {}),
    onSent: () => void (counters.sent += 1),
    onRateLimited: () => void (counters.rateLimited += 1),
  });
  deps.outbox.register(sender);
  const unsubscribe = deps.events.subscribe("chat.wiped", (event) => {
    if (event.channel !== "whatsapp") return;
    wiping.add(event.recipient);
    wipes.push(toPendingWipe(event));
    return track(flushWipes());
  });

  function setState(next: WhatsAppState) {
    if (next !== state) {
      state = next;
      since = new Date();
      log.info({ whatsapp: next }, "whatsapp state");
    }
    if (next !== "qr") qr = undefined;
  }

  function schedule(task: () => Promise<void>, ms: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) void track(task());
    }, ms);
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  /** Takes the deployment's one socket, or stands by and tries again when the holder may have gone. */
  async function takeLease(): Promise<void> {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    holdsLease = await lease.acquire().catch((error: unknown) => {
      log.warn({ err: maskError(error) }, "whatsapp lease check failed");
      return false;
    });
    if (!holdsLease) {
      setState("standby");
      return schedule(takeLease, Math.max(50, Math.round(leaseTtlMs / 3)));
    }
    if (renewTimer) clearInterval(renewTimer);
    renewTimer = setInterval(() => void track(renew()), Math.max(50, Math.round(leaseTtlMs / 3)));
    renewTimer.unref();
    await connect();
  }

  async function renew() {
    if (stopped || !holdsLease) return;
    const held = await lease.acquire().catch(() => true); // a failed check keeps the socket; expiry decides
    if (held) return;
    log.warn("whatsapp lease lost to another process: standing by");
    dropLease();
    auth = undefined; // the other process may change it meanwhile
    closeSocket();
    setState("standby");
    schedule(takeLease, Math.round(leaseTtlMs / 3));
  }

  function dropLease() {
    holdsLease = false;
    if (renewTimer) clearInterval(renewTimer);
    renewTimer = undefined;
  }

  async function connect(): Promise<void> {
    if (stopped || !holdsLease) return;
    const gen = ++generation;
    const previous = socket;
    socket = undefined;
    if (previous) void Promise.resolve(previous.end(undefined)).catch(() => {});
    setState(attempt > 0 ? "reconnecting" : "connecting");
    try {
      // One auth state across reconnects: reloading it could miss credentials still being written.
      auth ??= await createDbAuthState(deps.db, deps.cipher);
      const current = auth;
      const factory = deps.socketFactory ?? (await import("./create-baileys-socket.ts")).createBaileysSocket;
      const sock = await factory({ auth: current.state, log, getMessageText });
      if (gen !== generation || stopped) {
        void Promise.resolve(sock.end(undefined)).catch(() => {});
        return;
      }
      socket = sock;
      sock.ev.on("creds.update", () => {
        void track(
          current
            .saveCreds()
            .catch((error: unknown) => log.error({ err: maskError(error) }, "whatsapp credentials not saved")),
        );
      });
      sock.ev.on("connection.update", (update) => void track(onConnectionUpdate(gen, update)));
      sock.ev.on("messages.upsert", ({ messages, type }) => {
        if (gen === generation) for (const message of messages) receive(sock, message, type);
      });
    } catch (error) {
      log.error({ err: maskError(error) }, "whatsapp socket could not be opened");
      retryLater(undefined);
    }
  }

  async function onConnectionUpdate(gen: number, update: Partial<ConnectionState>) {
    if (gen !== generation || stopped) return;
    if (update.qr) {
      setState("qr");
      qr = update.qr;
    }
    if (update.connection === "open") {
      attempt = 0;
      pauses = 0;
      setState("open");
      void deps.outbox.kick();
      void track(flushWipes());
    }
    if (update.connection === "close") {
      socket = undefined;
      const code = statusCode(update.lastDisconnect?.error);
      lastDisconnectCode = code;
      if (code === LOGGED_OUT) {
        log.error(
          "whatsapp was unlinked from the phone: the auth state is cleared; relink with `npm run cli -- whatsapp link` or in the console",
        );
        await auth?.clear();
        auth = undefined;
        dropLease();
        await lease.release().catch(() => {});
        setState("logged_out");
        return schedule(waitForLink, leaseTtlMs);
      }
      if (code === CONNECTION_REPLACED) {
        // Reconnecting would throw the other client off, which reconnects and throws us off: a tug-of-war.
        log.error(
          { code },
          "whatsapp: another client took the session (same link opened elsewhere); not reconnecting. Stop the other client, then relink or restart Lentera",
        );
        dropLease();
        await lease.release().catch(() => {});
        setState("replaced");
        return;
      }
      if (code === TEMPORARILY_BANNED) {
        const delay = Math.min(TEMPORARY_BAN_PAUSE_CAP_MS, pauseMs * 2 ** Math.min(pauses, 5));
        pauses += 1;
        log.error({ code, delayMs: delay }, "whatsapp: the number is temporarily banned; pausing before trying again");
        setState("paused");
        return schedule(connect, delay);
      }
      if (code === FORBIDDEN || code === BANNED) {
        log.error(
          { code },
          'whatsapp refused the account (banned or restricted): not reconnecting; see README "WhatsApp"',
        );
        dropLease();
        await lease.release().catch(() => {});
        setState("forbidden");
        return;
      }
      retryLater(code);
    }
  }

  function retryLater(code: number | undefined) {
    counters.reconnects += 1;
    const delay = code === RESTART_REQUIRED ? 0 : reconnectDelayMs(attempt, baseMs, capMs, random);
    attempt += 1;
    log.warn({ code, attempt, delayMs: delay }, "whatsapp connection closed: reconnecting");
    setState("reconnecting");
    schedule(connect, delay);
  }

  /** After a logout: wait until someone links again (the CLI writes new credentials), then take the socket. */
  async function waitForLink(): Promise<void> {
    const stored = await createDbAuthState(deps.db, deps.cipher).catch(() => undefined);
    if (stored?.isLinked()) {
      attempt = 0;
      return takeLease();
    }
    schedule(waitForLink, leaseTtlMs);
  }

  function closeSocket() {
    generation += 1;
    const sock = socket;
    socket = undefined;
    if (sock) void Promise.resolve(sock.end(undefined)).catch(() => {});
  }

  /** One message of a `messages.upsert`: messages of one chat are handled one after the other, in order. */
  function receive(sock: WhatsAppSocket, message: WAMessage, type: "notify" | "append") {
    counters.received += 1;
    const parsed = parseWhatsAppMessage(message, type);
    if (parsed.status === "ignored") {
      counters.ignored += 1;
      log.debug({ reason: parsed.reason }, "whatsapp message ignored");
      return;
    }
    const key = deps.cipher.lookupKey(parsed.jid);
    const previous = chats.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      const jid = await toPhoneNumberJid(sock, parsed.jid);
      const result = await handleWithRetries(() =>
        deps.handleInbound({
          channel: "whatsapp",
          channelUserId: jid,
          input: parsed.input,
          externalId: parsed.externalId,
          channelRef: { key: { remoteJid: jid, fromMe: false, id: parsed.externalId } },
        }),
      );
      if (!result) return;
      if (result.status === "duplicate") {
        counters.duplicates += 1;
        return;
      }
      counters.handled += 1;
      // Blue ticks tell a worried person their message arrived; only for messages Lentera handled.
      if (sock === socket && state === "open") await sock.readMessages([message.key]).catch(() => {});
    });
    const tail = track(run.catch(() => {}));
    chats.set(key, tail);
    void tail.then(() => {
      if (chats.get(key) === tail) chats.delete(key);
    });
  }

  async function handleWithRetries<T>(task: () => Promise<T>): Promise<T | undefined> {
    for (let i = 0; ; i++) {
      try {
        return await task();
      } catch (error) {
        if (i >= 3 || stopped) {
          log.error({ err: maskError(error) }, "whatsapp message could not be handled");
          return undefined;
        }
        await sleep(250 * 2 ** i);
      }
    }
  }

  /** The stored text of a message Lentera sent, found by its WhatsApp id (for Baileys' retry receipts). */
  async function getMessageText(messageId: string): Promise<string | undefined> {
    const body = await readSentMessage(deps, "whatsapp", messageId);
    return body ? renderWhatsAppText(body) : undefined;
  }

  /** Runs the pending panic wipes, one chat at a time, while the socket is open (they wait for a reconnect). */
  function flushWipes(): Promise<void> {
    if (wipeRun) return wipeRun;
    wipeRun = (async () => {
      while (wipes.length && state === "open" && socket && !stopped) {
        const wipe = wipes[0]!;
        const done = await wipeChat(socket, wipe).then(
          () => true,
          (error: unknown) => {
            log.warn({ err: maskError(error) }, "whatsapp wipe interrupted: it goes on after reconnecting");
            return false;
          },
        );
        if (!done) break;
        wipes.shift();
        if (!wipes.some((w) => w.jid === wipe.jid)) wiping.delete(wipe.jid);
        void deps.outbox.kick();
      }
    })().finally(() => {
      wipeRun = undefined;
    });
    return wipeRun;
  }

  /**
   * Panic wipe of one chat: disappearing messages first (so the engine's last message, which explains how
   * to clear the rest, disappears too), then "delete for everyone" of every message Lentera sent there,
   * then the chat is cleared from the organisation's own devices. Nobody can delete the person's own
   * messages from their phone; the last message tells them how. Resumes where it stopped after a reconnect.
   */
  async function wipeChat(sock: WhatsAppSocket, wipe: PendingWipe) {
    if (!wipe.disappearing) {
      await sock.sendMessage(wipe.jid, { disappearingMessagesInChat: WIPE_DISAPPEARING_S });
      wipe.disappearing = true;
    }
    while (wipe.keys.length) {
      await sock.sendMessage(wipe.jid, { delete: wipe.keys[0]! });
      wipe.keys.shift();
      counters.deleted += 1;
      if (wipe.keys.length) await sleep(deps.deleteIntervalMs ?? 300);
    }
    if (wipe.last) await sock.chatModify({ delete: true, lastMessages: [wipe.last] }, wipe.jid).catch(() => {});
  }

  void track(takeLease());

  return {
    sender,
    getStatus: () => ({
      state,
      ...(state === "qr" && qr ? { qr } : {}),
      since: since.toISOString(),
      ...(lastDisconnectCode !== undefined ? { lastDisconnectCode } : {}),
      counters: { ...counters },
    }),
    async relink() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      closeSocket();
      auth = undefined;
      await (await createDbAuthState(deps.db, deps.cipher)).clear();
      attempt = 0;
      if (holdsLease) await connect();
      else await takeLease();
    },
    async requestPairingCode(phone) {
      const normalized = normalizePhone(phone);
      if (!normalized) return { status: "bad_phone" };
      if (state !== "qr" || !socket) return { status: "unavailable" };
      const code = await socket.requestPairingCode(normalized);
      return { status: "ok", code: code.match(/.{1,4}/g)?.join("-") ?? code };
    },
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      sender.clear();
      setState("stopped");
      closeSocket();
      dropLease();
      await Promise.allSettled([...inFlight]);
      await lease.release().catch(() => {});
    },
  };
}

/**
 * A person WhatsApp addressed only by their @lid privacy id is kept at their phone-number address when
 * Baileys has learnt the mapping, so they stay one conversation however WhatsApp addresses them.
 */
async function toPhoneNumberJid(sock: WhatsAppSocket, jid: string): Promise<string> {
  if (!isLidUser(jid)) return jid;
  const pn = await sock.signalRepository?.lidMapping.getPNForLID(jid).catch(() => null);
  const normalized = pn ? jidNormalizedUser(pn) : "";
  return normalized && isPnUser(normalized) ? normalized : jid;
}

/** Capped exponential backoff with jitter: about 1 s, 2 s, 4 s … never more than the cap. */
export function reconnectDelayMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function statusCode(error: unknown): number | undefined {
  const output = (error as { output?: { statusCode?: unknown } } | undefined)?.output;
  return typeof output?.statusCode === "number" ? output.statusCode : undefined;
}

type PendingWipe = {
  jid: string;
  disappearing: boolean;
  keys: WAMessageKey[];
  last?: { key: WAMessageKey; messageTimestamp: number };
};

/** What a `chat.wiped` event asks of WhatsApp: the keys of Lentera's messages, and the chat's latest message. */
function toPendingWipe(event: Extract<LenteraEvent, { type: "chat.wiped" }>): PendingWipe {
  const jid = event.recipient;
  const keys: WAMessageKey[] = [];
  for (const message of event.messages) {
    const key = (message.channelRef as Partial<WhatsAppMessageRef> | null | undefined)?.key;
    if (message.direction === "outbound" && key && typeof key.id === "string")
      keys.push({ remoteJid: jid, fromMe: true, id: key.id });
  }
  const dated = event.messages
    .filter((m) => m.channelMessageId && m.sentAt)
    .sort((a, b) => Date.parse(b.sentAt!) - Date.parse(a.sentAt!));
  const latest = dated[0];
  const wipe: PendingWipe = { jid, disappearing: false, keys };
  if (latest?.channelMessageId && latest.sentAt) {
    wipe.last = {
      key: { remoteJid: jid, fromMe: latest.direction === "outbound", id: latest.channelMessageId },
      messageTimestamp: Math.floor(Date.parse(latest.sentAt) / 1000),
    };
  }
  return wipe;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
