import type { Db } from "../db/create-prisma-client.ts";

/** How each referral form of a ticket went out (emailed, failed, not sent without consent), for its card. */
export async function listReferralDispatches(db: Db, ticketId: string) {
  return db.referral.findMany({
    where: { ticketId },
    select: { id: true, dispatch: true, dispatchedAt: true, dispatchError: true, consent: true },
  });
}
