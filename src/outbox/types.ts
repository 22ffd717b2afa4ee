import type { Channel, RenderedChoice } from "../conversations/types.ts";

/** One stored outbound message, ready for a channel to deliver. */
export type Delivery = {
  messageId: string;
  conversationId: string;
  channel: Channel;
  /** the person's address on the channel (decrypted only here, for the send) */
  recipient: string;
  text: string;
  choices?: RenderedChoice[];
  /** the channel's topic it goes to (Telegram private-chat topics) */
  threadId?: number;
  author: "bot" | "caseworker" | "system";
  attempt: number;
};

/** What a channel says happened; the outbox decides what to do next. */
export type DeliveryResult =
  | { status: "sent"; channelMessageId?: string; channelRef?: unknown; unconfirmed?: boolean }
  | { status: "retry"; error: string; retryAfterMs?: number }
  | { status: "blocked"; error: string }
  | { status: "failed"; error: string };

/** A channel's sending side. */
export type ChannelSender = {
  channel: Channel;
  deliver(delivery: Delivery): Promise<DeliveryResult>;
  /** false while the channel cannot send (e.g. WhatsApp disconnected): messages wait, in order */
  isReady?(): boolean;
};
