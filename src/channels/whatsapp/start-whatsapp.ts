import { createWhatsAppSender } from "./create-whatsapp-sender.ts";
import { createAddressLinker } from "./link-addresses.ts";
import { createWhatsAppReceiver } from "./receive-whatsapp-messages.ts";
import { createWhatsAppConnection } from "./run-whatsapp-connection.ts";
import { createWhatsAppWipeRunner } from "./run-wipe-jobs.ts";
import type { WhatsAppCounters } from "./types.ts";
import { createMediaFetcher } from "../../conversations/media/create-media-fetcher.ts";
import { DEFAULT_MEDIA_LIMITS } from "../../domain/media/media-limits.ts";
import { createWhatsAppFileFetcher } from "./fetch-whatsapp-file.ts";
import type { WhatsAppDeps, WhatsAppHandle } from "./whatsapp-handle.ts";

export { WHATSAPP_LEASE } from "./whatsapp-socket.ts";
export { WIPE_DISAPPEARING_S } from "./run-wipe-jobs.ts";
export { reconnectDelayMs, TEMPORARY_BAN_PAUSE_MS } from "./reconnect-delay.ts";
export type { WhatsAppDeps, WhatsAppHandle } from "./whatsapp-handle.ts";

/**
 * The WhatsApp channel: one Baileys socket per deployment (held through a lease; other processes stand by),
 * auth state in the database, reconnects with capped exponential backoff and jitter, inbound messages from
 * people into the engine, outbound through the outbox, and the panic wipe. Baileys is imported only when
 * the default socket factory is used, so a deployment without WhatsApp never loads it.
 */
export function startWhatsApp(deps: WhatsAppDeps): WhatsAppHandle {
  const { log } = deps;
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
  const inFlight = new Set<Promise<unknown>>();
  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  const connection = createWhatsAppConnection(deps, {
    track,
    counters,
    onOpen: () => {
      void deps.outbox.kick();
      void track(wipes.kick());
      void track(media.kick());
    },
    receive: (sock, message, type) => receive(sock, message, type),
    onLidMapping: (lid, pn) => void track(link(lid, pn)),
  });
  const link = createAddressLinker({ log, ...(deps.mergeAddresses ? { merge: deps.mergeAddresses } : {}) });
  // The chats' disappearing-messages timers, as the person's messages carry them (replies carry them back).
  const expirations = new Map<string, number>();
  const wipes = createWhatsAppWipeRunner({
    db: deps.db,
    cipher: deps.cipher,
    log,
    now: deps.now ?? (() => new Date()),
    openSocket: () => (connection.state() === "open" ? connection.socket() : undefined),
    sender: () => sender,
    onDisappearing: (jid, seconds) => expirations.set(jid, seconds),
    onDeleted: () => void (counters.deleted += 1),
    onDone: () => {
      deps.events.publish({ type: "wipe.done", channel: "whatsapp" });
      void deps.outbox.kick();
    },
  });
  // Files people send: fetched through the open socket by a job of their own (retried across reconnects).
  const media = createMediaFetcher({
    db: deps.db,
    cipher: deps.cipher,
    channel: "whatsapp",
    fetch: createWhatsAppFileFetcher({
      openSocket: () => (connection.state() === "open" ? connection.socket() : undefined),
    }),
    log,
    now: deps.now ?? (() => new Date()),
    maxFileBytes: deps.mediaMaxFileBytes ?? DEFAULT_MEDIA_LIMITS.maxFileBytes,
  });
  const receive = createWhatsAppReceiver({
    cipher: deps.cipher,
    log,
    handleInbound: deps.handleInbound,
    counters,
    track,
    isStopped: () => connection.isStopped(),
    isOpenSocket: (sock) => sock === connection.socket() && connection.state() === "open",
    link,
    onExpiration: (jid, seconds) => (seconds > 0 ? expirations.set(jid, seconds) : expirations.delete(jid)),
    onMedia: () => void track(media.kick()),
  });

  const sender = createWhatsAppSender({
    getSocket: () => connection.socket(),
    isOpen: () => connection.state() === "open",
    kick: () => void deps.outbox.kick(),
    isHeld: (jid) => wipes.isHeld(jid),
    ...(deps.pace ? { pace: deps.pace } : {}),
    onSent: () => void (counters.sent += 1),
    onRateLimited: () => void (counters.rateLimited += 1),
    expirationOf: (jid) => expirations.get(jid),
  });
  deps.outbox.register(sender);
  // The wipe itself is a job stored with the erasure (domain/privacy/wipe-jobs.ts): run it now.
  const unsubscribe = deps.events.subscribe("chat.wiped", (event) => {
    if (event.channel === "whatsapp") return track(wipes.kick());
  });

  void track(connection.start());
  wipes.start();
  media.start();

  return {
    sender,
    getStatus: () => ({ ...connection.status(), counters: { ...counters } }),
    relink: () => connection.relink(),
    requestPairingCode: (phone) => connection.requestPairingCode(phone),
    fetchMedia: () => media.kick(),
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
      await wipes.idle();
      await media.idle();
    },
    async stop() {
      unsubscribe();
      await wipes.stop();
      await media.stop();
      sender.clear();
      connection.stop();
      await Promise.allSettled([...inFlight]);
      await connection.releaseLease();
    },
  };
}
