import { proto, type WAMessage } from "@whiskeysockets/baileys";
import { z } from "zod";
import type { FetchMedia } from "../../conversations/media/create-media-fetcher.ts";
import { closeCodeOf } from "./whatsapp-socket.ts";
import type { WhatsAppSocket } from "./types.ts";

/** What Lentera records to fetch a WhatsApp file later: the message id and its content (protobuf, base64). */
export const WhatsAppMediaSource = z.object({
  id: z.string().min(1).max(200),
  message: z.string().min(1).max(2_000_000),
});

/**
 * Fetches a file a person sent on WhatsApp through the open socket (`downloadMedia`). No open socket, a
 * network error or a 5xx: tried again later. A file WhatsApp and the phone no longer have (404/410 after
 * the re-upload request) is final.
 */
export function createWhatsAppFileFetcher(deps: { openSocket: () => WhatsAppSocket | undefined }): FetchMedia {
  return async (raw, options) => {
    const source = WhatsAppMediaSource.safeParse(raw);
    if (!source.success) return { status: "fail", reason: "gone", error: "bad_source" };
    const sock = deps.openSocket();
    if (!sock?.downloadMedia) return { status: "retry", error: "offline" };
    const message: WAMessage = {
      key: { id: source.data.id, fromMe: false },
      message: proto.Message.decode(Buffer.from(source.data.message, "base64")),
    };
    let bytes: Uint8Array;
    try {
      bytes = await sock.downloadMedia(message);
    } catch (error) {
      const status = closeCodeOf(error) ?? (error as { status?: unknown }).status;
      if (status === 404 || status === 410) return { status: "fail", reason: "gone", error: String(status) };
      return { status: "retry", error: typeof status === "number" ? String(status) : "network" };
    }
    if (bytes.byteLength > options.maxBytes) return { status: "fail", reason: "too_large", error: "body" };
    return { status: "done", bytes };
  };
}
