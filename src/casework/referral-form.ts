import type { Cipher } from "../crypto/create-cipher.ts";
import { CONTACT_METHODS, CONTACT_TIMES } from "../domain/tickets/ticket-request.ts";
import { loadPersonKeys, openOrNull, sealedAt } from "../domain/privacy/person-keys.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Ticket } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import { CaseworkError } from "./casework-error.ts";
import { can } from "./permissions.ts";

/**
 * What a partner receives about a case: only what the person's consent to share covers ("we only share what
 * is needed") — the reference, what help is needed, where, the language, the signs found (by their names),
 * the bot's neutral summary and how the person prefers to be reached. Never their words, their number or
 * their chat: the partner arranges contact through the caseworker named on the form.
 */
export type ReferralForm = {
  reference: string;
  referralId: string;
  partner: string;
  caseworker: string;
  date: Date;
  type: string;
  priority: string;
  needs: string[];
  country: string | null;
  province: string | null;
  locale: string;
  child: boolean;
  indicators: string[];
  summary: { id?: string; en?: string } | null;
  contact: { method?: string; time?: string } | null;
  consent: boolean;
};

/** The ways and times of a safe contact the form may show (the ticket's own words never reach it). */
const SAFE_CONTACT_VALUES: readonly string[] = [...CONTACT_METHODS, ...CONTACT_TIMES];

/** The referral form of one referral, for whoever may refer the ticket; every read is in the audit log. */
export async function readReferralForm(
  ctx: { db: Db; cipher: Cipher; actor: Caseworker },
  input: { reference: string; referralId: string },
): Promise<ReferralForm> {
  const ticket = await ctx.db.ticket.findUnique({ where: { reference: input.reference } });
  if (!ticket || !can(ctx.actor, "ticket.read", ticket))
    throw new CaseworkError("not_found", `No ticket ${input.reference} that you can see.`, "errors.ticket_not_found");
  if (!can(ctx.actor, "ticket.refer", ticket))
    throw new CaseworkError("forbidden", "Your role cannot refer this ticket.", "errors.denied.ticket.refer");
  const form = await buildReferralForm(ctx, ticket, input.referralId);
  await recordAudit(ctx.db, {
    actor: { type: "caseworker", id: ctx.actor.id },
    action: "referral.form_viewed",
    subjectType: "ticket",
    subjectId: ticket.id,
    meta: { referralId: input.referralId },
  });
  return form;
}

/** The form of a referral on a ticket (no permission check: the mailer and `readReferralForm` call it). */
export async function buildReferralForm(
  ctx: { db: Db; cipher: Cipher },
  ticket: Ticket,
  referralId: string,
): Promise<ReferralForm> {
  const referral = await ctx.db.referral.findFirst({
    where: { id: referralId, ticketId: ticket.id },
    include: { partner: { select: { name: true } } },
  });
  if (!referral) throw new CaseworkError("not_found", "No such referral on this ticket.", "errors.not_found");
  const author = await ctx.db.caseworker.findUnique({ where: { id: referral.createdById }, select: { name: true } });
  await loadPersonKeys(ctx.db, ctx.cipher, [ticket.safeContactEnc]);
  const open = <T>(sealed: string | null, column = "safeContactEnc"): T | null =>
    openOrNull<T>(ctx.cipher, sealed, sealedAt("Ticket", column, ticket.id));
  const safe = open<{ method?: unknown; time?: unknown; times?: unknown }>(ticket.safeContactEnc);
  const word = (value: unknown) =>
    typeof value === "string" && SAFE_CONTACT_VALUES.includes(value) ? value : undefined;
  const method = word(safe?.method);
  const time = word(safe?.time) ?? (Array.isArray(safe?.times) ? word(safe.times[0]) : undefined);
  return {
    reference: ticket.reference,
    referralId: referral.id,
    partner: referral.partner.name,
    caseworker: author?.name ?? "—",
    date: referral.createdAt,
    type: ticket.type,
    priority: ticket.priority,
    needs: ticket.needs,
    country: ticket.country,
    province: ticket.province,
    locale: ticket.locale,
    child: ticket.child,
    indicators: ticket.indicatorIds,
    summary: open<{ id?: string; en?: string }>(ticket.summaryEnc, "summaryEnc"),
    contact: method || time ? { ...(method ? { method } : {}), ...(time ? { time } : {}) } : null,
    consent: referral.consent,
  };
}

/** The form as plain text in both languages (Bahasa Indonesia first), for the referral email. */
export function renderReferralText(form: ReferralForm, t: Translate): string {
  const block = (lang: Locale) => {
    const r = (key: string, vars?: Record<string, string | number>) => t(lang, `referral:${key}`, vars);
    const label = (ns: string, key: string) => t(lang, `${ns}:${key}`);
    const lines = [
      r("title", { reference: form.reference }),
      "",
      `${r("to")}: ${form.partner}`,
      `${r("from")}: ${form.caseworker} (${r("via")})`,
      `${r("date")}: ${form.date.toISOString().slice(0, 10)}`,
      `${r("type")}: ${label("console", `types.${form.type}`)} · ${label("console", `priorities.${form.priority}`)}${form.child ? ` · ${r("child")}` : ""}`,
      `${r("needs")}: ${form.needs.length ? form.needs.map((n) => label("console", `needs.${n}`)).join(", ") : "—"}`,
      `${r("where")}: ${[form.province, form.country].filter(Boolean).join(", ") || "—"}`,
      `${r("language")}: ${form.locale.toUpperCase()}`,
      `${r("signs")}: ${form.indicators.length ? form.indicators.map((id) => label("screening", `indicator.${id}`)).join("; ") : "—"}`,
      `${r("summary")}: ${(lang === "en" ? form.summary?.en : form.summary?.id) ?? "—"}`,
      `${r("contact")}: ${
        form.contact
          ? [form.contact.method, form.contact.time]
              .filter(Boolean)
              .map((v) => label("console", `safe_contact.values.${v}`))
              .join(" · ")
          : "—"
      }`,
      "",
      r("how_to_reply", { reference: form.reference }),
      r("privacy"),
    ];
    return lines.join("\n");
  };
  return `${block("id")}\n\n———\n\n${block("en")}\n`;
}
