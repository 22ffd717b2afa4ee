import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { HelpLine } from "../db/generated/client.ts";
import { HELP_LINE_KINDS } from "../domain/contacts/help-line.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { can } from "./permissions.ts";

/** A number as people dial it: digits, spaces, +, -, dots, brackets, "/" and "ext" (e.g. "119 ext 8"). */
const Number_ = z
  .string()
  .trim()
  .max(60)
  .regex(/^\+?[0-9][0-9 ()./-]*(?:\s*(?:ext\.?|ekst\.?)\s*[0-9]{1,6})?$/i, "a phone number (digits, spaces, + - ( ) /)")
  .nullable();
const Text = (max: number) => z.string().trim().min(2).max(max);
const Optional = (max: number) => z.string().trim().max(max).nullable();

/** What an admin may change on a line (the research's rating stays; the review says what the admin found). */
export const HelpLineEdit = z
  .object({
    nameId: Text(200),
    nameEn: Text(200),
    kind: z.enum(HELP_LINE_KINDS),
    phone: Number_,
    phoneFromAbroad: Number_,
    whatsapp: Number_,
    hours: Optional(80),
    source: Optional(500),
    position: z.coerce.number().int().min(0).max(999),
  })
  .refine((line) => line.phone || line.phoneFromAbroad || line.whatsapp, {
    message: "a line needs a number or WhatsApp",
    path: ["phone"],
  });
export type HelpLineEdit = z.infer<typeof HelpLineEdit>;

/** What an admin does with a line: keep the edit only, confirm it (shown from now on), hide it, or show it again. */
export const HelpLineAction = z.enum(["save", "verify", "hide", "unhide"]);
export type HelpLineAction = z.infer<typeof HelpLineAction>;

export const NewHelpLine = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "an ISO 3166 country code (SA, MY, …)"),
  audience: z.enum(["in_indonesia", "from_abroad", "local"]),
});

const AUDIT_ACTIONS: Record<HelpLineAction, string> = {
  save: "help_line.updated",
  verify: "help_line.verified",
  hide: "help_line.hidden",
  unhide: "help_line.shown",
};

function requireAdmin(ctx: CaseworkContext) {
  if (!can(ctx.actor, "help_lines.manage"))
    throw new CaseworkError("forbidden", "Only an admin can manage help lines.", "errors.denied.admin");
}

/**
 * Changes a help line and records what the admin did (numbers are not in the audit log's meta: only which
 * fields changed). Confirming a line stamps today and the admin; hiding keeps the line for the record.
 */
export async function saveHelpLine(
  ctx: CaseworkContext,
  input: { id: string; action: HelpLineAction; edit?: HelpLineEdit },
): Promise<HelpLine> {
  requireAdmin(ctx);
  const action = HelpLineAction.parse(input.action);
  const edit = input.edit ? HelpLineEdit.parse(input.edit) : undefined;
  return ctx.db.$transaction(async (tx) => {
    const line = await tx.helpLine.findUnique({ where: { id: input.id } });
    if (!line) throw new CaseworkError("not_found", "No such help line.", "errors.not_found");
    const changed = edit ? (Object.keys(edit) as (keyof HelpLineEdit)[]).filter((key) => edit[key] !== line[key]) : [];
    const review =
      action === "verify"
        ? { review: "verified" as const, verifiedOn: ctx.now(), verifiedById: ctx.actor.id }
        : action === "hide"
          ? { review: "hidden" as const }
          : action === "unhide"
            ? { review: line.verifiedOn ? ("verified" as const) : ("public_sources" as const) }
            : {};
    const saved = await tx.helpLine.update({ where: { id: line.id }, data: { ...(edit ?? {}), ...review } });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: AUDIT_ACTIONS[action],
      subjectType: "help_line",
      subjectId: line.id,
      meta: { country: line.country, ...(changed.length ? { changed } : {}) },
    });
    return saved;
  });
}

/** A line an admin adds (a local shelter's hotline, a mission's new number): confirmed by them at once. */
export async function addHelpLine(
  ctx: CaseworkContext,
  input: z.infer<typeof NewHelpLine> & { edit: HelpLineEdit },
): Promise<HelpLine> {
  requireAdmin(ctx);
  const where = NewHelpLine.parse(input);
  const edit = HelpLineEdit.parse(input.edit);
  return ctx.db.$transaction(async (tx) => {
    const line = await tx.helpLine.create({
      data: {
        id: `local-${randomUUID()}`,
        country: where.audience === "local" ? where.country : "ID",
        audience: where.audience,
        ...edit,
        confidence: "admin",
        freshness: "current",
        review: "verified",
        verifiedOn: ctx.now(),
        verifiedById: ctx.actor.id,
      },
    });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "help_line.added",
      subjectType: "help_line",
      subjectId: line.id,
      meta: { country: line.country },
    });
    return line;
  });
}
