/**
 * An error's message fit for the log: anything that looks like a JID or a phone number is masked, because
 * Baileys' errors sometimes name the chat they failed on.
 */
export function maskError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error))
    .replace(/[\w.:-]*@(s\.whatsapp\.net|c\.us|lid|g\.us|broadcast|newsletter)\b/g, "[jid]")
    .replace(/\+?\d[\d\s-]{6,}\d/g, "[number]");
}
