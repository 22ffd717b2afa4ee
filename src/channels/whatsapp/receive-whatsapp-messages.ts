import { isLidUser, isPnUser, jidNormalizedUser, type WAMessage } from "@whiskeysockets/baileys";
import type { HandleInbound } from "../../conversations/handle-inbound.ts";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Logger } from "../../log/create-logger.ts";
import { maskError } from "./mask-error.ts";
import { chatExpiration, parseWhatsAppMessage } from "./parse-whatsapp-message.ts";
import { toPersonJid } from "./to-person-jid.ts";
import type { WhatsAppCounters, WhatsAppSocket } from "./types.ts";

/**
 * Receiving: each message of a `messages.upsert` goes to the engine through `handleInbound` (retried a few
 * times when storing fails), the messages of one chat one after the other, in order; a handled message gets
 * its blue ticks.
 */
export function createWhatsAppReceiver(deps: {
  cipher: Cipher;
  log: Logger;
  handleInbound: HandleInbound;
  counters: WhatsAppCounters;
  track: <T>(promise: Promise<T>) => Promise<T>;
  isStopped: () => boolean;
  /** whether this socket is still the open one (then the message is marked read) */
  isOpenSocket: (sock: WhatsAppSocket) => boolean;
  /** the chat's disappearing-messages timer, as a message of the person shows it (0: off) */
  onExpiration?: (jid: string, seconds: number) => void;
  /** one person at two addresses (@lid and phone number) becomes one contact */
  link?: (lid: string, pn: string) => Promise<void>;
  /** a message with a file was stored: its download is due */
  onMedia?: () => void;
}) {
  const { counters, log } = deps;
  const chats = new Map<string, Promise<void>>();

  async function handleWithRetries<T>(task: () => Promise<T>): Promise<T | undefined> {
    for (let i = 0; ; i++) {
      try {
        return await task();
      } catch (error) {
        if (i >= 3 || deps.isStopped()) {
          log.error({ err: maskError(error) }, "whatsapp message could not be handled");
          return undefined;
        }
        await sleep(250 * 2 ** i);
      }
    }
  }

  return function receive(sock: WhatsAppSocket, message: WAMessage, type: "notify" | "append") {
    counters.received += 1;
    const expiration = chatExpiration(message);
    const from = toPersonJid(message.key);
    if (expiration !== undefined && from && !message.key.fromMe) deps.onExpiration?.(from, expiration);
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
      const lid = [message.key.remoteJid, parsed.jid].find((address) => address && isLidUser(address));
      if (lid && jid !== lid) await deps.link?.(lid, jid);
      if (expiration !== undefined && jid !== from) deps.onExpiration?.(jid, expiration);
      const result = await handleWithRetries(() =>
        deps.handleInbound({
          channel: "whatsapp",
          channelUserId: jid,
          input: parsed.input,
          externalId: parsed.externalId,
          channelRef: { key: { remoteJid: jid, fromMe: false, id: parsed.externalId } },
          ...(parsed.media ? { media: parsed.media } : {}),
          ...(parsed.caption
            ? { followUps: [{ input: parsed.caption, externalId: `${parsed.externalId}:caption` }] }
            : {}),
        }),
      );
      if (!result) return;
      if (result.status === "duplicate") {
        counters.duplicates += 1;
        return;
      }
      counters.handled += 1;
      if (parsed.media) deps.onMedia?.();
      // Blue ticks tell a worried person their message arrived; only for messages Lentera handled.
      if (deps.isOpenSocket(sock)) await sock.readMessages([message.key]).catch(() => {});
    });
    const tail = deps.track(run.catch(() => {}));
    chats.set(key, tail);
    void tail.then(() => {
      if (chats.get(key) === tail) chats.delete(key);
    });
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

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
