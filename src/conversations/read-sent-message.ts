import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Channel } from "../db/generated/enums.ts";
import { loadPersonKeys, openOrNull, sealedAt } from "../domain/privacy/person-keys.ts";
import type { MessageBody } from "./types.ts";

/**
 * The stored body of a message Lentera sent, found by the channel's id for it (WhatsApp asks again for a
 * message a phone could not decrypt), or undefined when there is none or its person's key is gone.
 */
export async function readSentMessage(
  deps: { db: Db; cipher: Cipher },
  channel: Channel,
  channelMessageId: string,
): Promise<MessageBody | undefined> {
  const row = await deps.db.message.findFirst({
    where: { channel, direction: "outbound", channelMessageId },
    select: { id: true, bodyEnc: true },
  });
  if (!row) return undefined;
  await loadPersonKeys(deps.db, deps.cipher, [row.bodyEnc]);
  return openOrNull<MessageBody>(deps.cipher, row.bodyEnc, sealedAt("Message", "bodyEnc", row.id)) ?? undefined;
}
