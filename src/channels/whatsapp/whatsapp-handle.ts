import type { HandleInbound } from "../../conversations/handle-inbound.ts";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { EventBus } from "../../events/event-bus.ts";
import type { Logger } from "../../log/create-logger.ts";
import type { ChannelSender } from "../../outbox/types.ts";
import type { WhatsAppPace } from "./create-whatsapp-sender.ts";
import type { MergeAddresses } from "./link-addresses.ts";
import type { WhatsAppSocketFactory, WhatsAppStatus } from "./types.ts";

/** What the WhatsApp channel is started with (boot/start-lentera.ts), and what it hands back. */
export type WhatsAppDeps = {
  db: Db;
  cipher: Cipher;
  log: Logger;
  events: EventBus;
  outbox: { register(sender: ChannelSender): void; kick(): Promise<number> };
  handleInbound: HandleInbound;
  /** joins a person's `@lid` contact to their phone-number contact when WhatsApp reveals both */
  mergeAddresses?: MergeAddresses;
  /** `makeWASocket` in production (the default, loaded on first use); a fake in tests */
  socketFactory?: WhatsAppSocketFactory;
  pace?: Partial<WhatsAppPace>;
  /** reconnect backoff: first wait and cap (defaults 1 s and 60 s), with jitter */
  reconnect?: { baseMs?: number; capMs?: number; pauseMs?: number };
  /** how long the socket lease lasts without renewal (default 30 s; renewed every third of it) */
  leaseTtlMs?: number;
  /** the clock of wipe jobs (tests) */
  now?: () => Date;
  /** this process's name in the lease (default host:pid:random) */
  holder?: string;
  random?: () => number;
  /** MEDIA_MAX_FILE_BYTES: larger files are not kept */
  mediaMaxFileBytes?: number;
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
  /** fetches the files that are due now (the job also runs on a timer, on connecting and after each file) */
  fetchMedia(): Promise<void>;
  stop(): Promise<void>;
};
