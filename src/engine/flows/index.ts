import type { FlowRegistry } from "../turn.ts";
import { consentFlow } from "./consent.ts";
import { contactsFlow } from "./contacts.ts";
import { guidanceFlow } from "./guidance.ts";
import { languageFlow } from "./language.ts";
import { menuFlow } from "./menu.ts";
import { eraseConfirmFlow } from "./erase.ts";
import { formFlow } from "./form.ts";
import { myDataFlow } from "./my-data.ts";
import { needsFlow } from "./needs.ts";
import { placeFlow } from "./place.ts";
import { safeContactFlow } from "./safe-contact.ts";
import { screeningFlow } from "./screening.ts";
import { talkFlow } from "./talk.ts";
import { withdrawConsentFlow } from "./withdraw-consent.ts";

export const FLOWS: FlowRegistry = {
  language: languageFlow,
  consent: consentFlow,
  menu: menuFlow,
  guidance: guidanceFlow,
  contacts: contactsFlow,
  screening: screeningFlow,
  needs: needsFlow,
  safe_contact: safeContactFlow,
  form: formFlow,
  talk: talkFlow,
  my_data: myDataFlow,
  erase_confirm: eraseConfirmFlow,
  withdraw_consent: withdrawConsentFlow,
  place: placeFlow,
};
