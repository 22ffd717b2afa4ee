import { OUTCOMES } from "../../casework/change-status.ts";
import type { Tr } from "../layout.tsx";

export const SAFE_VALUES = [
  "this_chat",
  "call",
  "message",
  "wait_for_me",
  "morning",
  "afternoon",
  "evening",
  "night",
  "any",
];
const NEEDS = [
  "shelter",
  "health",
  "legal",
  "going_home",
  "counselling",
  "livelihood",
  "education",
  "family_counselling",
  "escort",
];

/** A need or service in the console's language; one the console does not know is shown as written. */
export function needLabel(tr: Tr, need: string): string {
  return NEEDS.includes(need) ? tr(`needs.${need}`) : need;
}

export const SAFE_KEYS = { method: 1, time: 1, number: 1, timeZone: 1 } as const;
export const EVENT_KEYS = {
  service_recorded: 1,
  service_updated: 1,
  follow_up_set: 1,
  follow_up_done: 1,
  tags_set: 1,
  ticket_linked: 1,
  created: 1,
  updated: 1,
  claimed: 1,
  released: 1,
  reassigned: 1,
  status_changed: 1,
  note_added: 1,
  referred: 1,
  referral_updated: 1,
  message_sent: 1,
  handed_back: 1,
  erased: 1,
} as const;

export function outcomeLabel(tr: Tr, outcome: string): string {
  const [code, ...rest] = outcome.split(": ");
  const known = (OUTCOMES as readonly string[]).includes(code ?? "");
  return known ? [tr(`outcomes.${code}`), rest.join(": ")].filter(Boolean).join(": ") : outcome;
}
