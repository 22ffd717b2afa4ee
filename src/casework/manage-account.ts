import type { Caseworker, Role } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { can } from "./permissions.ts";
import { endAllSessions } from "./sessions.ts";

/**
 * An admin changes an account's role or turns it off (its sessions end at once; its tickets stay assigned
 * until a supervisor reassigns them). Nobody can lock themselves out.
 */
export async function manageAccount(
  ctx: CaseworkContext,
  input: { caseworkerId: string; role?: Role; active?: boolean },
): Promise<Caseworker> {
  if (!can(ctx.actor, "accounts.manage"))
    throw new CaseworkError("forbidden", "Only an admin can manage accounts.", "errors.denied.accounts.manage");
  if (input.caseworkerId === ctx.actor.id)
    throw new CaseworkError(
      "conflict",
      "You cannot change your own role or switch off your own account.",
      "errors.self_change",
    );
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.caseworker.findUnique({ where: { id: input.caseworkerId } });
    if (!existing) throw new CaseworkError("not_found", "No such account.", "errors.no_such_caseworker");
    const updated = await tx.caseworker.update({
      where: { id: existing.id },
      data: {
        ...(input.role ? { role: input.role } : {}),
        ...(input.active === undefined ? {} : { active: input.active }),
      },
    });
    if (input.active === false) await endAllSessions(tx, existing.id);
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "caseworker.updated",
      subjectType: "caseworker",
      subjectId: existing.id,
      meta: { role: updated.role, active: updated.active },
    });
    return updated;
  });
}
