import type { AuthenticationState, WAMessage, WASocket } from "@whiskeysockets/baileys";
import type { Logger } from "../../log/create-logger.ts";

/**
 * The part of a Baileys socket Lentera uses. Production passes `makeWASocket`; tests pass a fake built on an
 * EventEmitter that emits real-shaped `connection.update` and `messages.upsert` events.
 */
export type WhatsAppSocket = Pick<
  WASocket,
  "ev" | "sendMessage" | "readMessages" | "sendPresenceUpdate" | "requestPairingCode" | "chatModify" | "end"
> & {
  /**
   * The file of a person's message, decrypted (Baileys' `downloadMediaMessage`, which asks the phone to
   * upload it again when WhatsApp's servers no longer have it). Added by the socket factory.
   */
  downloadMedia?: (message: WAMessage) => Promise<Uint8Array>;
  /** Baileys' store of @lid ↔ phone-number mappings, used to keep a person at their phone-number address */
  signalRepository?: { lidMapping: { getPNForLID(lid: string): Promise<string | null> } };
};

/** Opens one socket with the given auth state; called again for every reconnect. */
export type WhatsAppSocketFactory = (options: {
  auth: AuthenticationState;
  log: Logger;
  /** the stored text of a message Lentera sent, for Baileys to re-encrypt when the phone asks for a retry */
  getMessageText: (messageId: string) => Promise<string | undefined>;
}) => WhatsAppSocket | Promise<WhatsAppSocket>;

/**
 * Where the WhatsApp link stands:
 * - `standby`: another process holds the deployment's one socket (the lease); this one waits
 * - `connecting` / `reconnecting`: opening a socket (after a recoverable close, with backoff)
 * - `qr`: not linked; `qr` holds the code to scan (admins only)
 * - `open`: linked and connected; messages flow
 * - `logged_out`: the phone unlinked Lentera; auth state was cleared and an admin must relink
 * - `forbidden`: WhatsApp refused the account (403, or 406 banned); nothing is retried
 * - `paused`: a temporary ban (402): Lentera waits a long time (1 h, doubling to 24 h) before trying again
 * - `replaced`: another client opened the same session (440); not reconnecting, to avoid a tug-of-war
 * - `stopped`: the process is shutting down
 */
export type WhatsAppState =
  | "standby"
  | "connecting"
  | "qr"
  | "open"
  | "reconnecting"
  | "logged_out"
  | "forbidden"
  | "paused"
  | "replaced"
  | "stopped";

export type WhatsAppStatus = {
  state: WhatsAppState;
  /** the QR payload to show while `state` is `qr` (admins only: it links a device to the organisation's number) */
  qr?: string;
  since: string;
  /** the status code of the last close, when there was one (e.g. 428 connection closed, 401 logged out) */
  lastDisconnectCode?: number;
  counters: WhatsAppCounters;
};

export type WhatsAppCounters = {
  received: number;
  handled: number;
  duplicates: number;
  ignored: number;
  sent: number;
  rateLimited: number;
  deleted: number;
  reconnects: number;
};
