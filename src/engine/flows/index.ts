import type { FlowRegistry } from "../turn.ts";
import { consentFlow } from "./consent.ts";
import { contactsFlow } from "./contacts.ts";
import { guidanceFlow } from "./guidance.ts";
import { languageFlow } from "./language.ts";
import { menuFlow } from "./menu.ts";

export const FLOWS: FlowRegistry = {
  language: languageFlow,
  consent: consentFlow,
  menu: menuFlow,
  guidance: guidanceFlow,
  contacts: contactsFlow,
};
