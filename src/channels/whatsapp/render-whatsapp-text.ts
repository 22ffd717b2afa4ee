import type { Rendered } from "../../conversations/types.ts";

/**
 * A rendered message as WhatsApp text: quick replies become a numbered menu under the text ("1. Label"),
 * because interactive buttons are unreliable for unofficial clients. The engine takes the number or the
 * label back as the choice.
 *
 * @example renderWhatsAppText({ text: "Pilih bahasa", choices: [{ id: "lang.id", label: "Bahasa Indonesia" }] })
 * // "Pilih bahasa\n\n1. Bahasa Indonesia"
 */
export function renderWhatsAppText(message: Rendered): string {
  if (!message.choices?.length) return message.text;
  const menu = message.choices.map((choice, index) => `${index + 1}. ${choice.label}`).join("\n");
  return message.text ? `${message.text}\n\n${menu}` : menu;
}
