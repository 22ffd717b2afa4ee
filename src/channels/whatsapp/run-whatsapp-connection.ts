import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { ConnectionState, WAMessage } from "@whiskeysockets/baileys";
import { readSentMessage } from "../../conversations/read-sent-message.ts";
import { normalizePhone } from "../../domain/contacts/normalize-phone.ts";
import { createDbAuthState, type DbAuthState } from "./create-db-auth-state.ts";
import { createLease } from "./create-lease.ts";
import { backoffDelayMs } from "../../retry/retry-with-backoff.ts";
import { maskError } from "./mask-error.ts";
import { reconnectDelayMs, TEMPORARY_BAN_PAUSE_CAP_MS, TEMPORARY_BAN_PAUSE_MS } from "./reconnect-delay.ts";
import { renderWhatsAppText } from "./render-whatsapp-text.ts";
import type { WhatsAppCounters, WhatsAppSocket, WhatsAppState, WhatsAppStatus } from "./types.ts";
import type { WhatsAppDeps, WhatsAppHandle } from "./whatsapp-handle.ts";
import { CLOSE_CODES, closeCodeOf, formatPairingCode, loadSocketFactory, WHATSAPP_LEASE } from "./whatsapp-socket.ts";

const { LOGGED_OUT, TEMPORARILY_BANNED, FORBIDDEN, BANNED, CONNECTION_REPLACED, RESTART_REQUIRED } = CLOSE_CODES;

export type WhatsAppConnection = {
  /** the current socket (open or opening), if any */
  socket(): WhatsAppSocket | undefined;
  state(): WhatsAppState;
  isStopped(): boolean;
  status(): Omit<WhatsAppStatus, "counters">;
  /** takes the lease (or stands by) and connects */
  start(): Promise<void>;
  relink: WhatsAppHandle["relink"];
  requestPairingCode: WhatsAppHandle["requestPairingCode"];
  /** closes the socket and stops every timer; the lease is released by releaseLease */
  stop(): void;
  releaseLease(): Promise<void>;
};

/**
 * The connection: one Baileys socket per deployment (held through a lease; other processes stand by), auth
 * state in the database, reconnects with capped exponential backoff and jitter, and what each close code
 * means (unlinked from the phone, replaced by another client, banned, temporarily banned).
 */
export function createWhatsAppConnection(
  deps: WhatsAppDeps,
  hooks: {
    track: <T>(promise: Promise<T>) => Promise<T>;
    counters: WhatsAppCounters;
    /** the socket opened: send what waits, run pending wipes */
    onOpen: () => void;
    receive: (sock: WhatsAppSocket, message: WAMessage, type: "notify" | "append") => void;
    /** WhatsApp told us a person's @lid address and phone number */
    onLidMapping?: (lid: string, pn: string) => void;
  },
): WhatsAppConnection {
  const { log } = deps;
  const { track, counters } = hooks;
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
      const factory = await loadSocketFactory(deps.socketFactory);
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
      sock.ev.on("lid-mapping.update", ({ lid, pn }) => {
        if (gen === generation) hooks.onLidMapping?.(lid, pn);
      });
      sock.ev.on("messages.upsert", ({ messages, type }) => {
        if (gen === generation) for (const message of messages) hooks.receive(sock, message, type);
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
      hooks.onOpen();
    }
    if (update.connection === "close") {
      socket = undefined;
      const code = closeCodeOf(update.lastDisconnect?.error);
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
        pauses += 1;
        const delay = backoffDelayMs(pauses, { baseMs: pauseMs, capMs: TEMPORARY_BAN_PAUSE_CAP_MS });
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

  /** The stored text of a message Lentera sent, found by its WhatsApp id (for Baileys' retry receipts). */
  async function getMessageText(messageId: string): Promise<string | undefined> {
    const body = await readSentMessage(deps, "whatsapp", messageId);
    return body ? renderWhatsAppText(body) : undefined;
  }

  return {
    socket: () => socket,
    state: () => state,
    isStopped: () => stopped,
    status: () => ({
      state,
      ...(state === "qr" && qr ? { qr } : {}),
      since: since.toISOString(),
      ...(lastDisconnectCode !== undefined ? { lastDisconnectCode } : {}),
    }),
    start: takeLease,
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
      return { status: "ok", code: formatPairingCode(code) };
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      setState("stopped");
      closeSocket();
      dropLease();
    },
    releaseLease: () => lease.release().catch(() => {}),
  };
}
