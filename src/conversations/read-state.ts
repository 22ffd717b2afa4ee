import { initialState, type State } from "../engine/types.ts";
import { isLocale, type Locale } from "../i18n/create-i18n.ts";
import type { ConversationMode } from "../db/generated/client.ts";

/** The stored JSON state, or a fresh one when it is missing or from an older shape. */
export function readState(value: unknown, fallbackLocale: Locale): State {
  if (value && typeof value === "object" && (value as State).version === 1 && isLocale((value as State).locale)) {
    return value as State;
  }
  return initialState(fallbackLocale);
}

/**
 * The state the engine owns, as a conversation row keeps it: the JSON state, and the engine's `mode` in the
 * row's own column (where the queue and the console read whether a caseworker has the conversation).
 */
export function readConversationState(
  conversation: { state: unknown; mode: ConversationMode },
  fallbackLocale: Locale,
): State {
  return { ...readState(conversation.state, fallbackLocale), mode: conversation.mode };
}
