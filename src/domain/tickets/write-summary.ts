import type { Channel } from "../../db/generated/client.ts";
import type { Locale, Translate } from "../../i18n/create-i18n.ts";
import type { Priority, SafeContact, TicketType } from "./ticket-request.ts";

export type SummaryFacts = {
  type: TicketType;
  priority: Priority;
  channel: Channel;
  indicatorIds: readonly string[];
  emergency: boolean;
  child: boolean;
  needs: readonly string[];
  safeContact: SafeContact | null;
  consentShare: boolean;
  minimal: boolean;
};

/**
 * The ticket's summary in both languages, written only from structured facts (type, indicator names,
 * needs, how to make contact): never from the person's own words, so it can stay on the ticket after
 * they asked for erasure.
 *
 * Example (en): "Help request (victim assistance) via web chat, priority high. Warning signs: passport or
 * documents kept by someone else; wages not paid. Asks for: shelter, legal aid. Safe contact: WhatsApp or
 * SMS, evening."
 */
export function writeSummary(facts: SummaryFacts, t: Translate): { id: string; en: string } {
  return { id: writeIn("id", facts, t), en: writeIn("en", facts, t) };
}

function writeIn(locale: Locale, facts: SummaryFacts, t: Translate): string {
  const tr = (key: string, vars?: Record<string, string>) => t(locale, `tickets:${key}`, vars);
  const list = (items: string[]) => items.join("; ");
  const lines = [
    tr("summary.opening", {
      type: tr(`type.${facts.type}`),
      channel: tr(`channel.${facts.channel}`),
      priority: tr(`priority.${facts.priority}`),
    }),
  ];
  if (facts.emergency) lines.push(tr("summary.emergency"));
  if (facts.child) lines.push(tr("summary.child"));
  if (facts.indicatorIds.length)
    lines.push(
      tr("summary.signs", { list: list(facts.indicatorIds.map((id) => t(locale, `screening:indicator.${id}`))) }),
    );
  if (facts.needs.length)
    lines.push(tr("summary.needs", { list: list(facts.needs.map((need) => tr(`need.${need}`))) }));
  const contact = facts.safeContact;
  if (contact?.method || contact?.time) {
    lines.push(
      tr("summary.contact", {
        method: tr(`method.${contact.method ?? "unknown"}`),
        time: tr(`time.${contact.time ?? "unknown"}`),
      }),
    );
  }
  if (facts.consentShare) lines.push(tr("summary.share"));
  if (facts.minimal) lines.push(tr("summary.minimal"));
  return lines.join(" ");
}
