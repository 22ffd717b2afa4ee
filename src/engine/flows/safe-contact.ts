import { CONTACT_METHODS, CONTACT_TIMES } from "../../domain/tickets/ticket-request.ts";
import { NAV_MENU } from "../choices.ts";
import type { Flow, Turn } from "../turn.ts";
import type { Choice } from "../types.ts";
import { timeZoneOf } from "../../domain/places/time-zone-of.ts";
import { zoneCity } from "../../domain/tickets/describe-safe-times.ts";
import { assessDraft, openDraft, sealDraft, type CaseDraft } from "./case-draft.ts";
import { noteCountry } from "./note-country.ts";
import { openCase } from "./open-case.ts";
import { tellCountryLines } from "./place.ts";

type SafeContactStep = { name: "safe_contact"; phase: "method" | "number" | "time" | "share"; draft: string };

const SKIP: Choice = { id: "ans.skip", key: "intake:answer.skip" };
const METHOD_CHOICES: Choice[] = [
  ...CONTACT_METHODS.map((m) => ({ id: `contact.${m}`, key: `tickets:method.${m}` })),
  SKIP,
];
const TIME_CHOICES: Choice[] = [
  ...CONTACT_TIMES.map((time) => ({ id: `time.${time}`, key: `tickets:time.${time}` })),
  SKIP,
];
const SHARE_CHOICES: Choice[] = [
  { id: "share.yes", key: "intake:share.yes" },
  { id: "share.no", key: "intake:share.no" },
];
/** A phone number inside what was typed: digits, spaces, +, -, brackets, at least 6 digits. */
const PHONE = /\+?\d[\d\s\-().]{5,23}\d/;

function findPhone(text: string): string | null {
  const match = PHONE.exec(text);
  if (!match) return null;
  return match[0].replace(/\D/g, "").length >= 6 ? match[0].trim() : null;
}

const PROMPTS = {
  method: ["intake:contact.method", METHOD_CHOICES],
  number: ["intake:contact.number", [SKIP]],
  time: ["intake:contact.time", TIME_CHOICES],
  share: ["intake:share.ask", SHARE_CHOICES],
} as const satisfies Record<SafeContactStep["phase"], readonly [string, Choice[]]>;

/**
 * The times are the person's own: where the country is known and its zone is not Jakarta's, they are told
 * whose time it is; where it is not known, they are asked where they are (the answer can come with the
 * time, "malam, di Riyadh").
 */
function sayWhoseTime(turn: Turn): void {
  if (!turn.state.country) return turn.say("conversation:contact.time_where");
  const zone = timeZoneOf(turn.state.country);
  if (zone && zone !== "Asia/Jakarta") turn.say("conversation:contact.time_zone", { zone: zoneCity(zone) });
}

/** When and how it is safe to reach the person, whether their case may go to a partner, then the ticket. */
export async function startSafeContact(turn: Turn, draft: CaseDraft): Promise<void> {
  await moveTo(turn, "method", draft);
}

async function moveTo(turn: Turn, phase: SafeContactStep["phase"], draft: CaseDraft): Promise<void> {
  // Consent to share names the partners who could help with what the person asked for.
  if (phase === "share") draft.sharePartners = await turn.deps.actions.listPartners(draft.needs);
  turn.setStep({ name: "safe_contact", phase, draft: sealDraft(turn, draft) });
  ask(turn, phase, draft);
}

function ask(turn: Turn, phase: SafeContactStep["phase"], draft: CaseDraft): void {
  const [key, choices] = PROMPTS[phase];
  const partners = phase === "share" ? (draft.sharePartners ?? []) : [];
  if (phase === "time") sayWhoseTime(turn);
  if (partners.length)
    turn.ask("intake:share.ask_named", [...choices], { partners: partners.map((p) => `• ${p.name}`).join("\n") });
  else turn.ask(key, [...choices]);
}

export const safeContactFlow: Flow<SafeContactStep> = {
  enter(turn, step) {
    ask(turn, step.phase, openDraft(turn, step.draft));
  },
  async handle(turn, step, input) {
    const draft = openDraft(turn, step.draft);
    const tapped = input.type === "choice" ? input.id : null;
    const skipped = tapped === SKIP.id;
    switch (step.phase) {
      case "method": {
        const method = CONTACT_METHODS.find((m) => tapped === `contact.${m}`);
        const number = input.type === "text" ? findPhone(input.text) : null;
        if (number) {
          // "ok u can call me at 0812…": the way and the number in one message.
          draft.safeContact.method = /\b(?:wa|whatsapp|sms|text|pesan|chat)\b/i.test(
            input.type === "text" ? input.text : "",
          )
            ? "message"
            : "call";
          draft.safeContact.number = number;
          turn.say("conversation:contact.number_from_text", { number });
          return moveTo(turn, "time", draft);
        }
        if (!method && !skipped && input.type === "text") {
          draft.story.push(input.text.slice(0, 1000));
          turn.say("conversation:contact.noted");
          return moveTo(turn, "time", draft);
        }
        if (!method && !skipped) break;
        if (method) draft.safeContact.method = method;
        return moveTo(turn, method === "call" || method === "message" ? "number" : "time", draft);
      }
      case "number": {
        const number = input.type === "text" ? findPhone(input.text) : null;
        if (number) draft.safeContact.number = number;
        else if (!skipped) {
          turn.say("intake:contact.number_invalid");
          return safeContactFlow.enter(turn, step);
        }
        return moveTo(turn, "time", draft);
      }
      case "time": {
        const time = CONTACT_TIMES.find((t) => tapped === `time.${t}`);
        if (!time && input.type === "text" && noteCountry(turn, input.text)) {
          // "saya di riyadh": the place, not the time. Its lines, then the times again, read in its zone.
          await tellCountryLines(turn);
          sayWhoseTime(turn);
          return turn.ask("conversation:contact.time_local", TIME_CHOICES);
        }
        if (!time && !skipped && input.type === "text") {
          draft.story.push(input.text.slice(0, 1000));
          turn.say("conversation:contact.noted");
          return moveTo(turn, "share", draft);
        }
        if (!time && !skipped) break;
        if (time) draft.safeContact.time = time;
        const zone = timeZoneOf(turn.state.country);
        if (zone) draft.safeContact.timeZone = zone;
        return moveTo(turn, "share", draft);
      }
      case "share": {
        if (input.type === "text") return turn.ask("conversation:share_again", SHARE_CHOICES);
        if (tapped !== "share.yes" && tapped !== "share.no") break;
        draft.share = tapped === "share.yes";
        // "Yes" to a question that named partners is consent for those partners only; otherwise for any.
        const named = draft.share ? (draft.sharePartners ?? []) : [];
        if (named.length)
          for (const partner of named) await turn.deps.actions.recordConsent(`share:${partner.id}`, true);
        else await turn.deps.actions.recordConsent("share:any", draft.share);
        return finishCase(turn, draft);
      }
    }
    turn.say("common.not_understood");
    return safeContactFlow.enter(turn, step);
  },
};

/** Opens (or adds to) the victim-assistance ticket and tells the reference and what happens next. */
async function finishCase(turn: Turn, draft: CaseDraft): Promise<void> {
  const assessment = assessDraft(turn, draft);
  const ticket = await openCase(turn, {
    type: "victim_assistance",
    assessment,
    needs: draft.needs,
    safeContact: draft.safeContact,
    ...(draft.story.length ? { details: { story: draft.story.join("\n\n") } } : {}),
    ...(draft.share === undefined ? {} : { consentShare: draft.share }),
  });
  const how = draft.safeContact.method === "wait_for_me" ? "intake:done.wait" : "intake:done.contact";
  turn.say("intake:done.reference", { reference: ticket.reference });
  turn.say(how);
  turn.ask("intake:done.after", [NAV_MENU]);
  turn.setStep({ name: "menu" });
}
