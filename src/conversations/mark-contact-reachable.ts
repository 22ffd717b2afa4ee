import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Channel } from "../db/generated/enums.ts";

/**
 * Whoever writes to the bot has not blocked it (any more): clears the contact's "blocked" mark, so replies go
 * out again. A contact that was never blocked is left as it is (no write).
 */
export async function markContactReachable(
  db: Db,
  cipher: Cipher,
  contact: { channel: Channel; channelUserId: string },
): Promise<void> {
  await db.contact.updateMany({
    where: {
      channel: contact.channel,
      channelUserKey: cipher.lookupKey(contact.channelUserId),
      blockedAt: { not: null },
    },
    data: { blockedAt: null },
  });
}
