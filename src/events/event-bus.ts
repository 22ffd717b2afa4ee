import { EventEmitter } from "node:events";

/** What a stored channel message needs for the channel to act on it later (delete it, for instance). */
export type ChannelMessageRef = {
  direction: "inbound" | "outbound";
  channelMessageId: string | null;
  channelRef: unknown;
  sentAt: string | null;
};

/**
 * Things that happened, published after the transaction that made them committed. Subscribers (channel
 * alerts, the console) react; they never change the outcome of the turn that published them.
 */
export type LenteraEvent =
  | {
      type: "ticket.opened";
      ticketId: string;
      reference: string;
      ticketType: string;
      priority: string;
      locale: string;
      channel: string;
      indicatorIds: string[];
    }
  | { type: "message.inbound"; conversationId: string; channel: string; mode: "bot" | "human" }
  /** a supervisor gave a ticket to a caseworker (they may be told by email) */
  | { type: "ticket.assigned"; ticketId: string; reference: string; assigneeId: string }
  /** the person answered a caseworker's share question (the ticket page shows it) */
  | { type: "share.answered"; ticketId: string; reference: string; granted: boolean }
  | { type: "chat.wiped"; channel: string; contactId: string; recipient: string; messages: ChannelMessageRef[] }
  /** a phone-side wipe job finished (its key is gone: the scrubber rewrites the key store) */
  | { type: "wipe.done"; channel: string };

export type EventBus = {
  publish(event: LenteraEvent): void;
  subscribe<T extends LenteraEvent["type"]>(
    type: T,
    listener: (event: Extract<LenteraEvent, { type: T }>) => void | Promise<void>,
  ): () => void;
};

export function createEventBus(onError: (error: unknown, event: LenteraEvent) => void): EventBus {
  const emitter = new EventEmitter();
  return {
    publish(event) {
      emitter.emit(event.type, event);
    },
    subscribe(type, listener) {
      const wrapped = (event: LenteraEvent) => {
        Promise.resolve()
          .then(() => listener(event as never))
          .catch((error) => onError(error, event));
      };
      emitter.on(type, wrapped);
      return () => emitter.off(type, wrapped);
    },
  };
}
