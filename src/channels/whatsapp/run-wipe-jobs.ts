import type { WAMessageKey } from "@whiskeysockets/baileys";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import {
  claimWipeJobs,
  DELETABLE_FOR_MS,
  finishWipeJob,
  saveWipeProgress,
  wipeRetryDelayMs,
  type WipeWork,
} from "../../domain/privacy/wipe-jobs.ts";
import type { ChannelMessageRef } from "../../events/event-bus.ts";
import type { Logger } from "../../log/create-logger.ts";
import { createPoller, type Poller } from "../../retry/create-poller.ts";
import type { WhatsAppSender } from "./create-whatsapp-sender.ts";
import { maskError } from "./mask-error.ts";
import type { WhatsAppSocket } from "./types.ts";

/** How long a chat keeps messages after the panic wipe turns disappearing messages on: 24 hours, the shortest. */
export const WIPE_DISAPPEARING_S = 24 * 3600;

const POLL_MS = 5_000;
/** progress is written back every this many deletions, so a crash repeats few of them */
const SAVE_EVERY = 10;

export type WhatsAppWipeRunner = Poller & {
  /** whether a wipe of this chat is under way (the sender holds the chat's replies meanwhile) */
  isHeld(jid: string): boolean;
};

/**
 * Runs WhatsApp's phone-side wipes from their jobs in the database (domain/privacy/wipe-jobs.ts), only while
 * the socket is open. A wipe the person asked for first turns disappearing messages on (once: the job
 * remembers it), so the last message disappears too, and clears the chat on the organisation's own devices up
 * to the latest message, the person's own included; then every message Lentera sent there is deleted for
 * everyone, at the channel's pace, and the wipe's last message is sent. Nobody can delete the person's own
 * messages from their phone: the last message says how. A late deletion (a reply still on its way at wipe
 * time) only deletes. What is left when the socket drops, a call fails or the process stops is kept in the
 * job and done after the reconnect or the restart.
 */
export function createWhatsAppWipeRunner(deps: {
  db: Db;
  cipher: Cipher;
  log: Logger;
  now: () => Date;
  /** the socket while it is open, else undefined */
  openSocket: () => WhatsAppSocket | undefined;
  sender: () => WhatsAppSender;
  /** the chat now has this disappearing-messages timer (replies carry it) */
  onDisappearing: (jid: string, seconds: number) => void;
  onDeleted: () => void;
  /** after each finished job: the scrubber may run, the outbox may send what was held */
  onDone: () => void;
}): WhatsAppWipeRunner {
  const stopping = new AbortController();
  const held = new Set<string>();

  async function work(sock: WhatsAppSocket, job: WipeWork): Promise<void> {
    const jid = job.recipient;
    const pace = deps.sender();
    let sinceSave = 0;
    const save = (retryAt: Date, error: string) => saveWipeProgress(deps.db, deps.cipher, job, retryAt, error);
    try {
      if (job.panic) {
        held.add(jid);
        if (!job.disappearingOn) {
          await sock.sendMessage(jid, { disappearingMessagesInChat: WIPE_DISAPPEARING_S });
          job.disappearingOn = true;
          await save(deps.now(), "");
        }
        deps.onDisappearing(jid, WIPE_DISAPPEARING_S);
        const latest = latestMessage(jid, job.deletes);
        // Clearing the organisation's own copy is best effort: the deletions for everyone matter more.
        if (latest)
          await sock
            .chatModify({ delete: true, lastMessages: [latest] }, jid)
            .catch((error: unknown) => deps.log.warn({ err: maskError(error) }, "whatsapp: the chat was not cleared"));
        job.deletes = job.deletes.filter((m) => m.direction === "outbound");
      }
      const oldest = deps.now().getTime() - DELETABLE_FOR_MS.whatsapp;
      while (job.deletes.length) {
        const key = ownKey(jid, job.deletes[0]!);
        const at = job.deletes[0]!.sentAt ? Date.parse(job.deletes[0]!.sentAt) : Infinity;
        if (key && at >= oldest) {
          if (!(await pace.takeSlot(jid, stopping.signal))) break;
          await sock.sendMessage(key.remoteJid!, { delete: key });
          deps.onDeleted();
        }
        job.deletes.shift();
        if (++sinceSave >= SAVE_EVERY && job.deletes.length) {
          sinceSave = 0;
          await save(deps.now(), "");
        }
      }
      held.delete(jid);
      while (!job.deletes.length && job.sends.length && !stopping.signal.aborted) {
        const reply = job.sends[0]!;
        const result = await pace.deliver({
          messageId: `wipe:${job.id}:${job.sends.length}`,
          conversationId: "",
          channel: "whatsapp",
          recipient: jid,
          text: reply.text,
          ...(reply.choices?.length ? { choices: reply.choices } : {}),
          author: "bot",
          attempt: job.attempts,
        });
        if (result.status === "retry") throw new Error(result.error);
        job.sends.shift();
      }
    } catch (error) {
      held.delete(jid);
      // The connection dropped: the job is taken again as soon as it is back (jobs wait while it is down).
      const dropped = deps.openSocket() !== sock;
      const wait = dropped ? 0 : wipeRetryDelayMs(job.attempts);
      deps.log.warn(
        { attempts: job.attempts, err: maskError(error) },
        "whatsapp: a wipe is not finished; will try again",
      );
      await save(new Date(deps.now().getTime() + wait), maskError(error));
      return;
    }
    held.delete(jid);
    if ((!job.deletes.length && !job.sends.length) || deps.now() >= job.expiresAt) {
      await finishWipeJob(deps.db, deps.cipher, job.id);
      deps.onDone();
      return;
    }
    // stopped half-way: the next process goes on at once
    await save(deps.now(), "stopped");
  }

  const poller = createPoller(
    async () => {
      const sock = deps.openSocket();
      if (!sock || stopping.signal.aborted) return;
      const jobs = await claimWipeJobs(deps.db, deps.cipher, "whatsapp", deps.now());
      for (const job of jobs) await work(sock, job);
    },
    { pollMs: POLL_MS, onError: (error) => deps.log.warn({ err: maskError(error) }, "whatsapp: wipe jobs failed") },
  );

  return {
    ...poller,
    isHeld: (jid) => held.has(jid),
    async stop() {
      stopping.abort();
      await poller.stop();
    },
  };
}

/** The WhatsApp id and chat of a stored message, from its channel ref (or the stored channel id). */
function storedKey(message: ChannelMessageRef): { id?: string; remoteJid?: string } {
  const key = (message.channelRef as { key?: { id?: unknown; remoteJid?: unknown } } | null | undefined)?.key;
  const id = key?.id ?? message.channelMessageId;
  return {
    ...(typeof id === "string" && id ? { id } : {}),
    ...(typeof key?.remoteJid === "string" && key.remoteJid ? { remoteJid: key.remoteJid } : {}),
  };
}

/**
 * The key of a message Lentera sent, the only kind that can be deleted for everyone, in the chat it was sent
 * to (a person seen at two addresses has messages in both).
 */
function ownKey(jid: string, message: ChannelMessageRef): WAMessageKey | undefined {
  if (message.direction !== "outbound") return undefined;
  const { id, remoteJid = jid } = storedKey(message);
  return id ? { remoteJid, fromMe: true, id } : undefined;
}

/** The chat's latest message, either side's: WhatsApp clears a chat up to a message it names. */
function latestMessage(
  jid: string,
  messages: ChannelMessageRef[],
): { key: WAMessageKey; messageTimestamp: number } | undefined {
  let latest: { key: WAMessageKey; messageTimestamp: number } | undefined;
  for (const message of messages) {
    const { id } = storedKey(message);
    if (!id || !message.sentAt) continue;
    const at = Math.floor(Date.parse(message.sentAt) / 1000);
    if (latest && latest.messageTimestamp > at) continue;
    latest = { key: { remoteJid: jid, fromMe: message.direction === "outbound", id }, messageTimestamp: at };
  }
  return latest;
}
