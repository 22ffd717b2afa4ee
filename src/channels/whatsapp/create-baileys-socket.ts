import { Browsers, downloadMediaMessage, makeCacheableSignalKeyStore, makeWASocket } from "@whiskeysockets/baileys";
import type { WhatsAppSocketFactory } from "./types.ts";

/**
 * The production socket: Baileys' `makeWASocket` over the database auth state. Baileys gets a silent
 * logger, because its own logs carry phone numbers and JIDs; Lentera logs states and close codes itself.
 * No history is synced (Lentera only answers new messages) and the account is not marked online, so
 * the organisation's phone keeps getting notifications.
 */
export const createBaileysSocket: WhatsAppSocketFactory = ({ auth, log, getMessageText }) => {
  const quiet = log.child({ module: "baileys" }, { level: "silent" });
  const sock = makeWASocket({
    auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.keys, quiet) },
    logger: quiet,
    browser: Browsers.ubuntu("Lentera"),
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
    generateHighQualityLinkPreview: false,
    getMessage: async (key) => {
      const text = key.id ? await getMessageText(key.id) : undefined;
      return text === undefined ? undefined : { conversation: text };
    },
  });
  // Files come from WhatsApp's media servers (encrypted; decrypted here with the message's key); one they
  // no longer hold is asked again from the person's phone.
  const downloadMedia = (message: Parameters<typeof downloadMediaMessage>[0]) =>
    downloadMediaMessage(message, "buffer", {}, { logger: quiet, reuploadRequest: sock.updateMediaMessage });
  return Object.assign(sock, { downloadMedia });
};
