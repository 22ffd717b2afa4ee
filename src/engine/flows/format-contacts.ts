import type { HelpContact } from "../../domain/contacts/help-contacts.ts";
import type { Turn } from "../turn.ts";

/** One contact as lines of plain text in the person's language (name, numbers, hours, caveat). */
export function formatContact(turn: Turn, contact: HelpContact): string {
  const lines = [`• ${contact.name[turn.locale]}`];
  if (contact.phone) lines.push(turn.t("contacts.phone", { phone: contact.phone }));
  if (contact.phoneFromAbroad) lines.push(turn.t("contacts.phone_abroad", { phone: contact.phoneFromAbroad }));
  if (contact.whatsapp) lines.push(turn.t("contacts.whatsapp", { phone: contact.whatsapp }));
  if (contact.hours === "24h") lines.push(turn.t("contacts.hours_24h"));
  else if (contact.hours) lines.push(turn.t("contacts.hours", { hours: contact.hours }));
  if (contact.caveat) lines.push(`  ${contact.caveat[turn.locale]}`);
  return lines.join("\n");
}

export function formatContacts(turn: Turn, contacts: readonly HelpContact[]): string {
  return contacts.map((c) => formatContact(turn, c)).join("\n\n");
}
