import { normalizeMessageContent, proto, type WAMessage } from "@whiskeysockets/baileys";
import type { InboundMedia } from "../../conversations/types.ts";
import type { Input } from "../../engine/types.ts";
import { toPersonJid } from "./to-person-jid.ts";

/** Longest text handed to the engine (the web chat refuses more; here the rest is cut). */
export const MAX_TEXT_CHARS = 4000;

/**
 * Messages that arrive as `append` and are older than this are history, not someone waiting for an answer.
 * WhatsApp keeps messages for a linked device for about two weeks while it is offline.
 */
export const MAX_OFFLINE_AGE_MS = 14 * 24 * 3600 * 1000;

export type IgnoreReason =
  | "history"
  | "from_me"
  | "not_person"
  | "no_id"
  | "protocol"
  | "reaction"
  | "unsupported"
  | "empty";

/** What one Baileys message means to Lentera: an engine input from a person, or a reason to ignore it. */
export type ParsedMessage =
  | {
      status: "accepted";
      jid: string;
      externalId: string;
      input: Input;
      /** a photo's, video's or document's caption: read as text after its file (screened, the safe word wipes) */
      caption?: Input;
      /** a photo, voice note, audio, video or document WhatsApp lets us download: what the download needs */
      media?: InboundMedia;
    }
  | { status: "ignored"; reason: IgnoreReason };

/**
 * Converts one message of a `messages.upsert` into an engine input. Only one-to-one messages from people
 * count; our own messages, groups, broadcasts, status, newsletters, protocol messages (deletes, edits, key
 * distribution), reactions and poll votes are ignored. Baileys 7 marks messages that waited on WhatsApp's servers
 * while Lentera was offline as `append`, like old history: they are answered (nobody's message is lost to
 * an outage) unless they are older than MAX_OFFLINE_AGE_MS. History sync itself is switched off
 * (`shouldSyncHistoryMessage`) and arrives on another event that Lentera does not read. Text comes from
 * plain, extended-text, button, list and template-button replies; images, documents, audio and video
 * become media inputs whose ref is the message key id (the file is never downloaded or re-sent); stickers,
 * locations, contact cards, polls and events are "other" media, recorded so a wipe covers them; captions are
 * read as text after their file.
 * "hapus" and the safe word stay text: the engine recognises them on every channel.
 */
export function parseWhatsAppMessage(
  message: WAMessage,
  upsertType: "notify" | "append",
  now: number = Date.now(),
): ParsedMessage {
  if (upsertType === "append" && now - toMs(message.messageTimestamp) > MAX_OFFLINE_AGE_MS)
    return { status: "ignored", reason: "history" };
  if (message.key.fromMe) return { status: "ignored", reason: "from_me" };
  const jid = toPersonJid(message.key);
  if (!jid) return { status: "ignored", reason: "not_person" };
  const externalId = message.key.id;
  if (!externalId) return { status: "ignored", reason: "no_id" };
  const content = normalizeMessageContent(message.message);
  if (!content) return { status: "ignored", reason: "protocol" };
  const input = toInput(content, externalId);
  if (input.status === "ignored") return input;
  const caption = captionOf(content)?.trim();
  const media = input.input.type === "media" ? downloadableMedia(content, externalId) : undefined;
  return {
    status: "accepted",
    jid,
    externalId,
    input: input.input,
    ...(caption ? { caption: { type: "text", text: caption.slice(0, MAX_TEXT_CHARS) } } : {}),
    ...(media ? { media } : {}),
  };
}

/**
 * What WhatsApp needs to give a file again, when the message carries one (its encrypted URL, path and key):
 * the message's content as protobuf (base64), decoded for Baileys' `downloadMediaMessage` by the media job.
 * Stickers, locations and contact cards are not fetched.
 */
function downloadableMedia(content: proto.IMessage, id: string): InboundMedia | undefined {
  const part =
    content.imageMessage ??
    content.documentMessage ??
    content.documentWithCaptionMessage?.message?.documentMessage ??
    content.audioMessage ??
    content.videoMessage ??
    content.ptvMessage;
  if (!part || !part.mediaKey || !(part.url || part.directPath)) return undefined;
  const length = part.fileLength;
  const announcedBytes = length === null || length === undefined ? undefined : Number(length);
  return {
    type: "remote",
    source: { id, message: Buffer.from(proto.Message.encode(content).finish()).toString("base64") },
    ...(announcedBytes !== undefined && Number.isFinite(announcedBytes) ? { announcedBytes } : {}),
  };
}

function captionOf(content: proto.IMessage): string | null | undefined {
  return (
    content.imageMessage?.caption ??
    content.videoMessage?.caption ??
    content.ptvMessage?.caption ??
    content.documentMessage?.caption ??
    content.documentWithCaptionMessage?.message?.documentMessage?.caption
  );
}

/**
 * The chat's disappearing-messages timer as this message shows it, in seconds (0: turned off), or undefined
 * when the message does not say: the person turning the setting on or off (a protocol message), or the
 * timer every message of such a chat carries in its context.
 */
export function chatExpiration(message: WAMessage): number | undefined {
  const content = normalizeMessageContent(message.message);
  if (!content) return undefined;
  const protocol = content.protocolMessage;
  if (protocol?.type === proto.Message.ProtocolMessage.Type.EPHEMERAL_SETTING)
    return Number(protocol.ephemeralExpiration ?? 0);
  for (const part of Object.values(content) as { contextInfo?: proto.IContextInfo | null }[]) {
    const expiration = part && typeof part === "object" ? part.contextInfo?.expiration : undefined;
    if (typeof expiration === "number") return expiration;
  }
  return undefined;
}

function toInput(
  content: proto.IMessage,
  ref: string,
): { status: "ok"; input: Input } | { status: "ignored"; reason: IgnoreReason } {
  if (
    content.protocolMessage ||
    (content.senderKeyDistributionMessage && !hasPayload(content)) ||
    content.pollUpdateMessage ||
    content.keepInChatMessage ||
    content.pinInChatMessage
  ) {
    return { status: "ignored", reason: "protocol" };
  }
  if (content.reactionMessage || content.encReactionMessage) return { status: "ignored", reason: "reaction" };
  const text =
    content.conversation ??
    content.extendedTextMessage?.text ??
    content.buttonsResponseMessage?.selectedDisplayText ??
    content.buttonsResponseMessage?.selectedButtonId ??
    content.listResponseMessage?.title ??
    content.listResponseMessage?.singleSelectReply?.selectedRowId ??
    content.templateButtonReplyMessage?.selectedDisplayText ??
    content.templateButtonReplyMessage?.selectedId;
  if (typeof text === "string") {
    const trimmed = text.trim();
    if (!trimmed) return { status: "ignored", reason: "empty" };
    return { status: "ok", input: { type: "text", text: trimmed.slice(0, MAX_TEXT_CHARS) } };
  }
  if (content.imageMessage) return media("photo", ref);
  if (content.documentMessage) return media("document", ref);
  if (content.audioMessage) return media(content.audioMessage.ptt === false ? "other" : "voice", ref);
  if (content.videoMessage || content.ptvMessage) return media("video", ref);
  if (
    content.stickerMessage ||
    content.locationMessage ||
    content.liveLocationMessage ||
    content.contactMessage ||
    content.contactsArrayMessage ||
    content.pollCreationMessage ||
    content.pollCreationMessageV2 ||
    content.pollCreationMessageV3 ||
    content.eventMessage
  ) {
    // recorded like media, so that a wipe knows of them too
    return media("other", ref);
  }
  return { status: "ignored", reason: "unsupported" };
}

function media(kind: "photo" | "document" | "voice" | "video" | "other", ref: string): { status: "ok"; input: Input } {
  return { status: "ok", input: { type: "media", kind, ref } };
}

/** A key-distribution message may ride along with real content in the same message. */
function hasPayload(content: proto.IMessage): boolean {
  return Object.entries(content).some(
    ([field, value]) => value != null && field !== "senderKeyDistributionMessage" && field !== "messageContextInfo",
  );
}

/** A message's timestamp (seconds, as a number or a protobuf Long) in milliseconds; 0 when missing. */
function toMs(timestamp: WAMessage["messageTimestamp"]): number {
  if (timestamp === null || timestamp === undefined) return 0;
  return (typeof timestamp === "number" ? timestamp : timestamp.toNumber()) * 1000;
}
