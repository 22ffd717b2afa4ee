import type { Cipher, PersonKey } from "../crypto/create-cipher.ts";
import type { Tx } from "../db/create-prisma-client.ts";
import type { Output } from "../engine/types.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { renderOutputs } from "./render-outputs.ts";
import { storeOutboundMessages } from "./store-outbound.ts";
import type { Channel, StoredOutbound } from "./types.ts";

/**
 * A turn's replies, rendered in the person's language and stored for delivery in the order said: the
 * assistant's words as "bot" messages, notices about the conversation (a caseworker joined or left) as
 * "system" ones.
 */
export async function storeReplies(
  tx: Tx,
  deps: { cipher: Cipher; now: () => Date; t: Translate },
  options: {
    conversationId: string;
    channel: Channel;
    outputs: Output[];
    locale: Locale;
    key?: PersonKey;
    /** the channel's topic the replies go to */
    threadId?: number;
  },
): Promise<StoredOutbound[]> {
  const { outputs } = options;
  const stored: StoredOutbound[] = [];
  for (let from = 0; from < outputs.length; ) {
    const system = outputs[from]!.system === true;
    let to = from + 1;
    while (to < outputs.length && (outputs[to]!.system === true) === system) to++;
    stored.push(
      ...(await storeOutboundMessages(tx, deps, {
        conversationId: options.conversationId,
        channel: options.channel,
        author: system ? "system" : "bot",
        messages: renderOutputs(outputs.slice(from, to), options.locale, deps.t).map((message) =>
          options.threadId ? { ...message, thread: options.threadId } : message,
        ),
        ...(options.key ? { key: options.key } : {}),
      })),
    );
    from = to;
  }
  return stored;
}
