import { normalizeReply } from "./keywords.ts";
import type { Input } from "./types.ts";

/**
 * Whether an input asks to wipe everything at once: a channel's panic command, or the configured
 * SAFE_WORD typed on its own (case, spaces and punctuation aside), on any channel.
 */
export function isWipeRequest(input: Input, safeWord: string | undefined): boolean {
  if (input.type === "wipe") return true;
  return input.type === "text" && safeWord !== undefined && normalizeReply(input.text) === normalizeReply(safeWord);
}
