import type { Choice } from "./types.ts";

/** Quick replies that work wherever they are shown. */
export const NAV_MENU: Choice = { id: "nav.menu", key: "nav.menu" };
export const NAV_LANGUAGE: Choice = { id: "nav.language", key: "nav.language" };

/** The notice's answers (consent flow), also offered wherever words are held until the person agrees. */
export const CONSENT_CHOICES: Choice[] = [
  { id: "consent.accept", key: "consent.accept" },
  { id: "consent.decline", key: "consent.decline" },
  NAV_LANGUAGE,
];
