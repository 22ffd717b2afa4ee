import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { HelpLineDirectory } from "../domain/contacts/help-line-directory.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { Translate } from "../i18n/create-i18n.ts";
import type { Channel } from "../db/generated/client.ts";
import type { Input, Locale } from "../engine/types.ts";
import type { InboundMedia } from "../domain/media/media-files.ts";
import type { MediaLimits } from "../domain/media/media-limits.ts";

export type { Channel, InboundMedia };

/** What the conversation layer needs from the composition root (boot/start-lentera.ts builds it once). */
export type ConversationDeps = {
  db: Db;
  cipher: Cipher;
  t: Translate;
  now: () => Date;
  /** the help lines people are given (the HelpLine table, kept by admins) */
  contacts: HelpLineDirectory;
  /** told after a commit that stored outbound messages for a channel, so its sender can deliver them */
  onOutbound?: (channel: Channel) => void;
  /** where events of a committed turn are published */
  events?: EventBus;
  /** SAFE_WORD: typed alone on any channel, it wipes the person's chat and data (even during a handoff) */
  safeWord?: string;
  /** MEDIA_* and RETENTION_MEDIA_DAYS: files per person and day, their size, how long they are kept */
  mediaLimits?: MediaLimits;
};

/** A message as channels show it: rendered text in the person's language and labelled quick replies. */
export type RenderedChoice = { id: string; label: string };
export type Rendered = {
  text: string;
  choices?: RenderedChoice[];
  /** the channel's topic the message goes to (Telegram private-chat topics), when the person wrote in one */
  thread?: number;
};

/** What a message row's encrypted body holds. */
export type MessageBody = Rendered & { withheld?: boolean; media?: { kind: string; ref: string } };

/** A message from a person, decoded by its channel adapter. */
export type Inbound = {
  channel: Channel;
  /** the person's address on the channel (Telegram chat id, WhatsApp JID, web conversation id) */
  channelUserId: string;
  input: Input;
  /** the channel's id for this message or update: a second arrival is ignored */
  externalId?: string;
  /** the channel's language hint, used when a conversation starts */
  localeHint?: Locale;
  /** whether the hint is a choice the person made (web chat picker) rather than a guess */
  localeChosen?: boolean;
  /** what the channel needs to act on this message later (Telegram: its message id, to delete it on a wipe); stored encrypted */
  channelRef?: unknown;
  /**
   * More inputs of the same channel message, handled after `input` in the same transaction (a photo's
   * caption): all of it is stored, or none of it is and the channel's retry brings it again.
   */
  followUps?: { input: Input; externalId: string }[];
  /** a media input's file: where the channel's downloader fetches it, or the uploaded bytes (web chat) */
  media?: InboundMedia;
  /** the topic of the chat the message was written in (Telegram private-chat topics): the replies go there */
  threadId?: number;
  /** writing proves the person has not blocked the channel (Telegram): a "blocked" mark is cleared */
  provesReachable?: true;
};

export type StoredOutbound = { id: string; seq: bigint; body: Rendered };

export type InboundResult =
  | { status: "duplicate" }
  /** `erased`: this message erased the person's data (the web chat then forgets the conversation) */
  | {
      status: "handled";
      conversationId: string;
      contactId: string;
      replies: StoredOutbound[];
      /** the person's own message as stored (none for a start, which carries no words) */
      inbound?: { id: string; seq: bigint };
      erased?: true;
      country?: string;
    };
