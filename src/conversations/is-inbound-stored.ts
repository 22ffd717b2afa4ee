import type { Db } from "../db/create-prisma-client.ts";
import type { Channel } from "../db/generated/enums.ts";

/**
 * Whether an inbound message (by its channel's id) is already stored: a redelivery (Telegram retries a webhook
 * until it is answered 200) is acknowledged without running anything again.
 */
export async function isInboundStored(db: Db, channel: Channel, externalId: string): Promise<boolean> {
  const known = await db.inboundReceipt.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: { externalId: true },
  });
  return known !== null;
}
