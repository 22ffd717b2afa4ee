import type { WAMessageKey } from "@whiskeysockets/baileys";
import type { LenteraEvent } from "../../events/event-bus.ts";
import type { Logger } from "../../log/create-logger.ts";
import type { WhatsAppMessageRef } from "./create-whatsapp-sender.ts";
import { maskError } from "./mask-error.ts";
import type { WhatsAppSocket } from "./types.ts";

/** How long a chat keeps messages after the panic wipe turns disappearing messages on: 24 hours, the shortest. */
export const WIPE_DISAPPEARING_S = 24 * 3600;

type PendingWipe = {
  jid: string;
  disappearing: boolean;
  keys: WAMessageKey[];
  last?: { key: WAMessageKey; messageTimestamp: number };
};

export type PanicWipes = {
  /** queues the wipe a `chat.wiped` event asks for; the chat's replies are held until it is done */
  add(event: Extract<LenteraEvent, { type: "chat.wiped" }>): void;
  /** runs the pending wipes, one chat at a time, while the socket is open (they wait for a reconnect) */
  flush(): Promise<void>;
  /** whether a wipe of this chat is pending (the sender holds its messages meanwhile) */
  isHeld(jid: string): boolean;
};

/**
 * The WhatsApp panic wipe: disappearing messages first (so the engine's last message, which explains how
 * to clear the rest, disappears too), then "delete for everyone" of every message Lentera sent there,
 * then the chat is cleared from the organisation's own devices. Nobody can delete the person's own
 * messages from their phone; the last message tells them how. Resumes where it stopped after a reconnect.
 */
export function createPanicWipes(deps: {
  log: Logger;
  /** the socket while it is open, else undefined */
  openSocket: () => WhatsAppSocket | undefined;
  isStopped: () => boolean;
  /** after each finished wipe: let the outbox send what was held */
  kick: () => void;
  onDeleted: () => void;
  /** wait between the deletions (default 300 ms) */
  deleteIntervalMs?: number;
}): PanicWipes {
  const wipes: PendingWipe[] = [];
  const wiping = new Set<string>();
  let wipeRun: Promise<void> | undefined;

  async function wipeChat(sock: WhatsAppSocket, wipe: PendingWipe) {
    if (!wipe.disappearing) {
      await sock.sendMessage(wipe.jid, { disappearingMessagesInChat: WIPE_DISAPPEARING_S });
      wipe.disappearing = true;
    }
    while (wipe.keys.length) {
      await sock.sendMessage(wipe.jid, { delete: wipe.keys[0]! });
      wipe.keys.shift();
      deps.onDeleted();
      if (wipe.keys.length) await sleep(deps.deleteIntervalMs ?? 300);
    }
    if (wipe.last) await sock.chatModify({ delete: true, lastMessages: [wipe.last] }, wipe.jid).catch(() => {});
  }

  function flush(): Promise<void> {
    if (wipeRun) return wipeRun;
    wipeRun = (async () => {
      let socket: WhatsAppSocket | undefined;
      while (wipes.length && (socket = deps.openSocket()) && !deps.isStopped()) {
        const wipe = wipes[0]!;
        const done = await wipeChat(socket, wipe).then(
          () => true,
          (error: unknown) => {
            deps.log.warn({ err: maskError(error) }, "whatsapp wipe interrupted: it goes on after reconnecting");
            return false;
          },
        );
        if (!done) break;
        wipes.shift();
        if (!wipes.some((w) => w.jid === wipe.jid)) wiping.delete(wipe.jid);
        deps.kick();
      }
    })().finally(() => {
      wipeRun = undefined;
    });
    return wipeRun;
  }

  return {
    add(event) {
      wiping.add(event.recipient);
      wipes.push(toPendingWipe(event));
    },
    flush,
    isHeld: (jid) => wiping.has(jid),
  };
}

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
