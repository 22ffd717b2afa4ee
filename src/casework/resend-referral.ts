import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";

/** A referral email that failed is tried again (its attempts start over); only one made with consent. */
export async function resendReferral(
  ctx: CaseworkContext,
  input: { reference: string; referralId: string },
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.refer");
    const again = await tx.referral.updateMany({
      where: { id: input.referralId, ticketId: ticket.id, consent: true, dispatch: "failed" },
      data: { dispatch: "pending", dispatchAttempts: 0, nextDispatchAt: null, dispatchError: null },
    });
    if (again.count !== 1)
      throw new CaseworkError("conflict", "Only a failed referral email can be sent again.", "errors.conflict");
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "referral.resent",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { referralId: input.referralId },
    });
  });
}
