import { z } from "zod";
import type { CannedReply } from "../db/generated/client.ts";
import type { Db } from "../db/create-prisma-client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { RESEARCHED_DIRECTORY, type HelpLineDirectory } from "../domain/contacts/help-line-directory.ts";
import { isLocale, type Locale } from "../i18n/create-i18n.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { can } from "./permissions.ts";

const Text = z.string().trim().min(1).max(4000);

/** A canned reply as an admin edits it: a title for the picker and the text in both languages. */
export const CannedReplyInput = z.object({
  title: z.string().trim().min(2).max(120),
  textId: Text,
  textEn: Text,
  active: z.boolean().default(true),
});
export type CannedReplyInput = z.infer<typeof CannedReplyInput>;

/** The placeholders a canned reply may hold; a reply with anything else in double braces is not saved. */
export const CANNED_PLACEHOLDERS = ["reference", "contacts", "caseworker"] as const;

/** The canned replies, active ones first (the picker shows only active ones). */
export async function listCannedReplies(db: Db, options: { activeOnly?: boolean } = {}): Promise<CannedReply[]> {
  return db.cannedReply.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ active: "desc" }, { title: "asc" }],
  });
}

/** Adds a canned reply, or changes one when `id` is given (admins only). */
export async function saveCannedReply(
  ctx: CaseworkContext,
  input: CannedReplyInput & { id?: string },
): Promise<CannedReply> {
  if (!can(ctx.actor, "canned.manage"))
    throw new CaseworkError("forbidden", "Only an admin can manage canned replies.", "errors.denied.canned.manage");
  const data = CannedReplyInput.parse(input);
  // "{{kontak}}" would reach the person as written: only the placeholders the console fills in are kept.
  const unknown = [data.textId, data.textEn]
    .flatMap((text) => [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!))
    .filter((name) => !(CANNED_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length)
    throw new CaseworkError(
      "invalid",
      `Unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(", ")}: use {{reference}}, {{contacts}} or {{caseworker}}.`,
      "errors.canned_placeholder",
    );
  return ctx.db.$transaction(async (tx) => {
    if (input.id && !(await tx.cannedReply.findUnique({ where: { id: input.id } })))
      throw new CaseworkError("not_found", "No such canned reply.", "errors.not_found");
    const saved = input.id
      ? await tx.cannedReply.update({ where: { id: input.id }, data })
      : await tx.cannedReply.create({ data });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: input.id ? "canned_reply.updated" : "canned_reply.created",
      subjectType: "canned_reply",
      subjectId: saved.id,
    });
    return saved;
  });
}

/**
 * A canned reply filled in for one ticket, in the person's language: `{{reference}}` becomes the ticket's
 * reference, `{{contacts}}` the help numbers the bot gives, `{{caseworker}}` the sender's name. Only for a
 * ticket the actor may answer; the caseworker still reads and sends it themselves.
 *
 * Example: "Nomor rujukanmu {{reference}}." → "Nomor rujukanmu LNT-7J4M5P."
 */
export async function renderCannedReply(
  ctx: CaseworkContext,
  input: { id: string; reference: string },
): Promise<string> {
  const [reply, ticket] = await Promise.all([
    ctx.db.cannedReply.findUnique({ where: { id: input.id } }),
    ctx.db.ticket.findUnique({ where: { reference: input.reference } }),
  ]);
  if (!ticket || !can(ctx.actor, "ticket.read", ticket))
    throw new CaseworkError("not_found", `No ticket ${input.reference} that you can see.`, "errors.ticket_not_found");
  if (!reply || !reply.active) throw new CaseworkError("not_found", "No such canned reply.", "errors.not_found");
  const locale: Locale = isLocale(ticket.locale) ? ticket.locale : "id";
  const values: Record<(typeof CANNED_PLACEHOLDERS)[number], string> = {
    reference: ticket.reference,
    contacts: renderContacts(ctx.contacts ?? RESEARCHED_DIRECTORY, locale, ticket.country ?? undefined),
    caseworker: ctx.actor.name,
  };
  const text = locale === "en" ? reply.textEn : reply.textId;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    (CANNED_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as keyof typeof values] : whole,
  );
}

/** The emergency lines for where the person is (their country's, abroad), one line each. */
function renderContacts(contacts: HelpLineDirectory, locale: Locale, country: string | undefined): string {
  return contacts
    .forCountry(country)
    .map((c) => {
      // abroad an Indonesian line has only its international number
      const numbers = [c.phone ?? c.phoneFromAbroad, c.whatsapp ? `WhatsApp ${c.whatsapp}` : null].filter(Boolean);
      return numbers.length ? `${c.name[locale]}: ${numbers.join(" · ")}` : c.name[locale];
    })
    .join("\n");
}
