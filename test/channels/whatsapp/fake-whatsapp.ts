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

export const text = (from: string, body: string, key: Partial<WAMessageKey> = {}) =>
  incoming(from, { conversation: body }, key);
