import { isLidUser, isPnUser, jidNormalizedUser } from "@whiskeysockets/baileys";
import type { Logger } from "../../log/create-logger.ts";
import { maskError } from "./mask-error.ts";

/** Joins the contact at a person's `@lid` address to the one at their phone number (conversations/merge-addresses.ts). */
export type MergeAddresses = (lid: string, pn: string) => Promise<unknown>;

/**
 * What WhatsApp reveals about a person's two addresses — the `lid-mapping.update` event, a message that
 * carries both (`remoteJidAlt`), Baileys' own mapping store — becomes one contact, once per pair in a
 * process (after that, messages from either address reach the phone-number contact anyway).
 */
export function createAddressLinker(deps: { merge?: MergeAddresses; log: Logger }) {
  const linked = new Set<string>();
  return async function link(lid: string, pn: string): Promise<void> {
    const alias = jidNormalizedUser(lid);
    const primary = jidNormalizedUser(pn);
    if (!deps.merge || !isLidUser(alias) || !isPnUser(primary)) return;
    const pair = `${alias}>${primary}`;
    if (linked.has(pair)) return;
    try {
      await deps.merge(alias, primary);
      linked.add(pair);
    } catch (error) {
      deps.log.warn({ err: maskError(error) }, "whatsapp: two addresses of one person not joined yet");
    }
  };
}
