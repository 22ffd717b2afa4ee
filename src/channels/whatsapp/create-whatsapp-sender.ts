import { createHash } from "node:crypto";
import type { ChannelSender, Delivery, DeliveryResult } from "../../outbox/types.ts";
import { maskError } from "./mask-error.ts";
import { renderWhatsAppText } from "./render-whatsapp-text.ts";
import type { WhatsAppSocket } from "./types.ts";

/** WhatsApp's pace: unofficial clients that send fast get banned, so every send goes through these limits. */
export type WhatsAppPace = {
  /** least time between two messages to one chat (default 1 s) */
  perChatIntervalMs: number;
  /** most messages in any minute, all chats together (default 30) */
  perMinute: number;
  /** show "typing…" before a message when the chat was quiet at least this long (default 5 s) */
  typingAfterQuietMs: number;
  /** a wait up to this long is waited out in place (the next message of a reply); longer ones go back to the outbox (default 1.5 s) */
  maxInlineWaitMs: number;
};

export const DEFAULT_PACE: WhatsAppPace = {
  perChatIntervalMs: 1000,
  perMinute: 30,
  typingAfterQuietMs: 5000,
  maxInlineWaitMs: 1500,
};

const MINUTE_MS = 60_000;

/** The WhatsApp message key of a message Lentera sent, stored (encrypted) as the message's channel ref. */
export type WhatsAppMessageRef = { key: { remoteJid: string; fromMe: true; id: string } };

/**
 * Delivers the outbox's stored messages to WhatsApp as text with numbered menus. It never sleeps long: a
 * short wait (the second message of a reply, a second later) is waited out here; a message that would
 * break the pace for longer is handed back as `retry` with the wait, and the outbox is kicked when the
 * wait is over, so messages to one chat keep their order and nothing is lost while disconnected
 * (`isReady` is false then). The WhatsApp message id is derived from Lentera's message id, so a message
 * sent again after a crash between sending and recording is the same message to WhatsApp, not a second one.
 */
export function createWhatsAppSender(deps: {
  getSocket: () => WhatsAppSocket | undefined;
  isOpen: () => boolean;
  kick: () => void;
  /** true while a chat must wait (its panic wipe is running), so the last message comes after it */
  isHeld?: (jid: string) => boolean;
  pace?: Partial<WhatsAppPace>;
  now?: () => number;
  onSent?: () => void;
  onRateLimited?: () => void;
  /** the chat's disappearing-messages timer in seconds, when it has one: every reply carries it */
  expirationOf?: (jid: string) => number | undefined;
}): WhatsAppSender {
  const pace = { ...DEFAULT_PACE, ...deps.pace };
  const now = deps.now ?? Date.now;
  const lastSentAt = new Map<string, number>();
  const recent: number[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function waitFor(jid: string): number {
    const at = now();
    while (recent.length && recent[0]! <= at - MINUTE_MS) recent.shift();
    const chatWait = (lastSentAt.get(jid) ?? -Infinity) + pace.perChatIntervalMs - at;
    const globalWait = recent.length >= pace.perMinute ? recent[0]! + MINUTE_MS - at : 0;
    return Math.max(0, chatWait, globalWait);
  }

  function kickAfter(ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      deps.kick();
    }, ms + 5);
    timer.unref();
    timers.add(timer);
  }

  return {
    channel: "whatsapp",
    isReady: deps.isOpen,
    async deliver(delivery: Delivery): Promise<DeliveryResult> {
      const socket = deps.getSocket();
      if (!socket || !deps.isOpen()) return { status: "retry", error: "whatsapp is not connected", retryAfterMs: 1000 };
      const jid = delivery.recipient;
      if (deps.isHeld?.(jid)) {
        kickAfter(250);
        return { status: "retry", error: "chat is being wiped", retryAfterMs: 250 };
      }
      let wait = waitFor(jid);
      // a timer may fire a millisecond early by the wall clock: wait again for what is left
      while (wait > 0 && wait <= pace.maxInlineWaitMs) {
        await sleep(wait);
        wait = waitFor(jid);
      }
      if (wait > 0) {
        deps.onRateLimited?.();
        kickAfter(wait);
        return { status: "retry", error: "paced", retryAfterMs: wait };
      }
      const quietFor = now() - (lastSentAt.get(jid) ?? -Infinity);
      if (quietFor >= pace.typingAfterQuietMs) await socket.sendPresenceUpdate("composing", jid).catch(() => {});
      const sentAt = now();
      lastSentAt.set(jid, sentAt);
      recent.push(sentAt);
      let sent: Awaited<ReturnType<WhatsAppSocket["sendMessage"]>>;
      const expiration = deps.expirationOf?.(jid);
      try {
        sent = await socket.sendMessage(
          jid,
          { text: renderWhatsAppText(delivery) },
          {
            messageId: toWhatsAppMessageId(delivery.messageId),
            ...(expiration ? { ephemeralExpiration: expiration } : {}),
          },
        );
      } catch (error) {
        return { status: "retry", error: `whatsapp send failed: ${maskError(error)}` };
      }
      const id = sent?.key.id;
      if (!id) return { status: "retry", error: "whatsapp returned no message key" };
      deps.onSent?.();
      const ref: WhatsAppMessageRef = { key: { remoteJid: sent?.key.remoteJid ?? jid, fromMe: true, id } };
      return { status: "sent", channelMessageId: id, channelRef: ref };
    },
    async takeSlot(jid, signal) {
      for (let wait = waitFor(jid); wait > 0; wait = waitFor(jid)) {
        if (signal.aborted) return false;
        await sleep(wait, signal);
      }
      if (signal.aborted) return false;
      const at = now();
      lastSentAt.set(jid, at);
      recent.push(at);
      return true;
    },
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type WhatsAppSender = ChannelSender & {
  /**
   * Waits until the pace allows one more call to this chat and counts it (the wipe's "delete for everyone"
   * calls keep to the same pace as replies); false when `signal` aborted the wait.
   */
  takeSlot(jid: string, signal: AbortSignal): Promise<boolean>;
  clear(): void;
};

/** A stable WhatsApp message id for one stored message, shaped like the ids WhatsApp Web makes. */
export function toWhatsAppMessageId(messageId: string): string {
  return `3EB0${createHash("sha256").update(`lentera:${messageId}`).digest("hex").toUpperCase().slice(0, 18)}`;
}

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
