import type { z } from "zod";
import type { Partner } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { PartnerAction } from "./casework-action-schemas.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { can } from "./permissions.ts";

/** A partner as an admin edits it (the console's form and the API's body alike). */
export const PartnerInput = PartnerAction;
export type PartnerInput = z.infer<typeof PartnerAction>;

/** Adds a partner, or changes one when `id` is given (admins only). */
export async function savePartner(ctx: CaseworkContext, input: PartnerInput & { id?: string }): Promise<Partner> {
  if (!can(ctx.actor, "partners.manage"))
    throw new CaseworkError("forbidden", "Only an admin can manage partners.", "errors.denied.partners.manage");
  const data = PartnerInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
    if (input.id && !(await tx.partner.findUnique({ where: { id: input.id } })))
      throw new CaseworkError("not_found", "No such partner.", "errors.no_such_partner");
    const partner = input.id
      ? await tx.partner.update({ where: { id: input.id }, data })
      : await tx.partner.create({ data });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: input.id ? "partner.updated" : "partner.created",
      subjectType: "partner",
      subjectId: partner.id,
    });
    return partner;
  });
}
