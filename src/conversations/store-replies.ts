import type { Cipher, PersonKey } from "../crypto/create-cipher.ts";
import type { Tx } from "../db/create-prisma-client.ts";
import type { Output } from "../engine/types.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { renderOutputs } from "./render-outputs.ts";
import { insertMessages, outboundRows, toStored, type MessageRow } from "./store-outbound.ts";
import type { Channel, StoredOutbound } from "./types.ts";

/**
 * A turn's replies, rendered in the person's language and stored for delivery in the order said: the
 * assistant's words as "bot" messages, notices about the conversation (a caseworker joined or left) as
 * "system" ones. The person's own message of the turn, when given, goes in the same statement ahead of them,
 * so a turn stores all its messages with one insert.
 */
export async function storeReplies(
  tx: Tx,
  deps: { cipher: Cipher; now: () => Date; t: Translate },
  options: {
    conversationId: string;
    channel: Channel;
    outputs: Output[];
    locale: Locale;
    key: PersonKey;
    /** the channel's topic the replies go to */
    threadId?: number;
    /** the person's message of this turn, stored first */
    inbound?: MessageRow;
  },
): Promise<{ replies: StoredOutbound[]; inbound?: { id: string; seq: bigint } }> {
  const { outputs } = options;
  const rows: ReturnType<typeof outboundRows> = [];
  for (let from = 0; from < outputs.length; ) {
    const system = outputs[from]!.system === true;
    let to = from + 1;
    while (to < outputs.length && (outputs[to]!.system === true) === system) to++;
    rows.push(
      ...outboundRows(deps, {
        conversationId: options.conversationId,
        channel: options.channel,
        author: system ? "system" : "bot",
        messages: renderOutputs(outputs.slice(from, to), options.locale, deps.t).map((message) =>
          options.threadId ? { ...message, thread: options.threadId } : message,
        ),
        key: options.key,
      }),
    );
    from = to;
  }
  const stored = await insertMessages(tx, [...(options.inbound ? [options.inbound] : []), ...rows.map((r) => r.row)]);
  const inbound = options.inbound ? stored.find((s) => s.id === options.inbound!.id) : undefined;
  return { replies: toStored(rows, stored), ...(inbound ? { inbound } : {}) };
}
