import { EventEmitter } from "node:events";
import {
  proto,
  type AnyMessageContent,
  type AuthenticationState,
  type ChatModification,
  type MiscMessageGenerationOptions,
  type WAMessage,
  type WAMessageKey,
  type WAPresence,
} from "@whiskeysockets/baileys";
import type { WhatsAppSocket, WhatsAppSocketFactory } from "../../../src/channels/whatsapp/types.ts";

export type SentCall = {
  socket: number;
  jid: string;
  content: AnyMessageContent;
  options?: MiscMessageGenerationOptions;
};

const callTimes = new WeakMap<SentCall, number>();
/** When a recorded call was made (Date.now()). */
export const timeOf = (call: SentCall): number => callTimes.get(call) ?? NaN;

/**
 * A stand-in for WhatsApp's servers behind Baileys: every `makeWASocket` call gives a FakeSocket whose `ev`
 * emits real-shaped `connection.update` and `messages.upsert` events (built with Baileys' own `proto`), and
 * which records every `sendMessage`, read receipt, presence update and chat modification.
 */
export function createFakeWhatsApp() {
  const sockets: FakeSocket[] = [];
  const sent: SentCall[] = [];
  const auths: AuthenticationState[] = [];
  const factory: WhatsAppSocketFactory = ({ auth }) => {
    auths.push(auth);
    const socket = new FakeSocket(sockets.length, sent);
    sockets.push(socket);
    return socket as unknown as WhatsAppSocket;
  };
  return {
    factory,
    sockets,
    sent,
    auths,
    current(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error("no socket was opened");
      return socket;
    },
    /** the texts sent to one chat, in order */
    textsTo(jid: string): string[] {
      return sent.filter((c) => c.jid === jid && "text" in c.content).map((c) => (c.content as { text: string }).text);
    },
  };
}

export class FakeSocket {
  readonly ev = new EventEmitter();
  readonly reads: WAMessageKey[] = [];
  readonly presences: { type: WAPresence; jid?: string | undefined }[] = [];
  readonly chatModifications: { mod: ChatModification; jid: string }[] = [];
  ended = false;
  /** when set, sendMessage throws like Baileys does on a dead connection */
  failSends = false;
  /** what Baileys has learnt about @lid addresses (phone-number JIDs by @lid) */
  readonly lidToPn = new Map<string, string>();
  readonly signalRepository = { lidMapping: { getPNForLID: async (lid: string) => this.lidToPn.get(lid) ?? null } };
  /** the next sendMessage throws this (e.g. an error that names the chat, as libsignal's do) */
  failNextWith: Error | undefined;
  /** called before each sendMessage is recorded; throwing makes the call fail (e.g. the connection drops mid-wipe) */
  beforeSend: ((content: AnyMessageContent, socket: FakeSocket) => void) | undefined;

  constructor(
    readonly index: number,
    private readonly log: SentCall[],
  ) {}

  async sendMessage(
    jid: string,
    content: AnyMessageContent,
    options?: MiscMessageGenerationOptions,
  ): Promise<WAMessage | undefined> {
    if (this.failSends || this.ended) throw closedError(428, "Connection Closed");
    if (this.failNextWith) {
      const error = this.failNextWith;
      this.failNextWith = undefined;
      throw error;
    }
    this.beforeSend?.(content, this);
    const call: SentCall = { socket: this.index, jid, content, ...(options ? { options } : {}) };
    callTimes.set(call, Date.now());
    this.log.push(call);
    const id = options?.messageId ?? `3EB0${Math.random().toString(16).slice(2, 20).toUpperCase()}`;
    return proto.WebMessageInfo.fromObject({
      key: { remoteJid: jid, fromMe: true, id },
      messageTimestamp: Math.floor(Date.now() / 1000),
      status: 1,
    }) as WAMessage;
  }

  /** the next `n` downloads fail like a dropped connection to WhatsApp's media servers */
  failDownloads = 0;
  readonly downloads: string[] = [];

  /** Baileys' downloadMediaMessage as the socket factory adds it: the file from the (fake) media servers. */
  async downloadMedia(message: WAMessage): Promise<Uint8Array> {
    const content = message.message;
    const part = content?.imageMessage ?? content?.documentMessage ?? content?.audioMessage ?? content?.videoMessage;
    const url = part?.url ?? "";
    this.downloads.push(url);
    if (this.failDownloads > 0) {
      this.failDownloads -= 1;
      throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    }
    const bytes = MEDIA_SERVER.get(url);
    // Baileys' Boom after the phone no longer has it either
    if (!bytes || !part?.mediaKey?.length) throw Object.assign(new Error("Not Found"), { output: { statusCode: 404 } });
    return bytes;
  }

  async readMessages(keys: WAMessageKey[]) {
    this.reads.push(...keys);
  }

  async sendPresenceUpdate(type: WAPresence, jid?: string) {
    this.presences.push({ type, jid });
  }

  async chatModify(mod: ChatModification, jid: string) {
    this.chatModifications.push({ mod, jid });
  }

  async requestPairingCode(phone: string) {
    this.pairingRequests.push(phone);
    return "ABCD1234";
  }
  readonly pairingRequests: string[] = [];

  async end() {
    this.ended = true;
  }

  // — what the WhatsApp side does —

  open() {
    this.ev.emit("connection.update", { connection: "open", isNewLogin: false, receivedPendingNotifications: true });
  }

  showQr(qr: string) {
    this.ev.emit("connection.update", { connection: "connecting", qr });
  }

  close(statusCode: number) {
    this.ended = true;
    this.ev.emit("connection.update", {
      connection: "close",
      lastDisconnect: { error: closedError(statusCode, "Connection Failure"), date: new Date() },
    });
  }

  upsert(messages: WAMessage[], type: "notify" | "append" = "notify") {
    this.ev.emit("messages.upsert", { messages, type });
  }
}

/** An error shaped like Baileys' Boom errors: `output.statusCode` carries the DisconnectReason. */
export function closedError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), {
    isBoom: true,
    output: { statusCode, payload: { statusCode, error: message, message } },
  });
}

let counter = 0;
/** A fresh WhatsApp-style message id. */
export function nextId(): string {
  counter += 1;
  return `3A${Date.now().toString(16).toUpperCase()}${counter.toString(16).padStart(6, "0").toUpperCase()}`;
}

/** A message from a person, as Baileys 7 delivers it in `messages.upsert`. */
export function incoming(from: string, message: proto.IMessage, key: Partial<WAMessageKey> = {}): WAMessage {
  const info = proto.WebMessageInfo.fromObject({
    key: {
      remoteJid: from,
      fromMe: false,
      id: key.id ?? nextId(),
      ...(key.participant ? { participant: key.participant } : {}),
    },
    messageTimestamp: Math.floor(Date.now() / 1000),
    pushName: "Sari",
    message: proto.Message.fromObject(message),
  }) as WAMessage;
  // Baileys 7 adds these after decoding; protobuf does not know them.
  if (key.remoteJidAlt) info.key.remoteJidAlt = key.remoteJidAlt;
  if (key.addressingMode) info.key.addressingMode = key.addressingMode;
  if (key.fromMe) info.key.fromMe = true;
  return info;
}

/** WhatsApp's media servers: the files people's messages point to (by URL). */
const MEDIA_SERVER = new Map<string, Uint8Array>();

/**
 * A person's photo, voice note, video or document as Baileys delivers it: the message carries the file's
 * encrypted URL, path, key and length; the bytes wait on the (fake) media servers for `downloadMedia`.
 */
export function mediaFrom(
  from: string,
  kind: "image" | "audio" | "video" | "document",
  bytes: Uint8Array,
  extra: Record<string, unknown> = {},
): WAMessage {
  const id = nextId();
  const url = `https://mmg.whatsapp.net/v/t62/${id}.enc`;
  MEDIA_SERVER.set(url, bytes);
  const part = {
    url,
    directPath: `/v/t62/${id}.enc`,
    mediaKey: Buffer.alloc(32, 1),
    fileLength: bytes.byteLength,
    mimetype: { image: "image/jpeg", audio: "audio/ogg; codecs=opus", video: "video/mp4", document: "application/pdf" }[
      kind
    ],
    ...(kind === "audio" ? { ptt: true, seconds: 1 } : {}),
    ...extra,
  };
  return incoming(from, { [`${kind}Message`]: part }, { id });
}

export const text = (from: string, body: string, key: Partial<WAMessageKey> = {}) =>
  incoming(from, { conversation: body }, key);
