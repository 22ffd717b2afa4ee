import { assessText } from "../../domain/screening/index.ts";
import { maxPriority } from "../../domain/tickets/ticket-request.ts";
import { NAV_MENU } from "../choices.ts";
import { toScreeningTranslate } from "../screening-translate.ts";
import type { FormAnswers, FormSpec } from "./form-spec.ts";
import { openCase } from "./open-case.ts";

/**
 * In a tracing request, these mean the relative is in danger now, however briefly put ("adik saya dijual",
 * "she was sold", a ransom): the emergency path, and an urgent request.
 */
const TRACING_DANGER =
  /(?<!(?:tidak|tdk|gak|ga|nggak|bukan|not|never) )(?:\bdi ?jual\b|\bterjual\b|\bdiperjualbelikan\b|\b(?:was|been|being|get|got) sold\b|\bsold (?:her|him|them)\b|\btebusan\b|\bransom\b)/i;

/** Fields whose answers are the enquirer's own words about what happened: screened for danger. */
const STORY_FIELDS = ["last_place", "employer", "circumstances"] as const;

/**
 * Find a missing relative (PMI/ICRC Restoring Family Links items and the IOM HTCDS fields; see
 * screening-facts.md §6): who is missing, the last contact, what happened, who is asking and whether the
 * request may go to named services. Lentera never says whether the person is known to it or where they
 * are — traffickers pose as family — so the reply is the same whatever is on file. The name, age, date
 * and contact are checked for what they ask (asked again kindly when they do not fit), and the request is
 * shown back for a last look before it is sent. Danger in the story
 * (ransom, "dijual") has already taken the emergency path when it was typed; it also makes this request
 * urgent.
 */
export const TRACING_FORM: FormSpec = {
  ns: "tracing",
  fields: [
    { id: "name", kind: "text", check: "name" },
    { id: "other_names", kind: "text" },
    { id: "sex", kind: "choice", options: ["female", "male"] },
    { id: "age", kind: "text", check: "age" },
    { id: "hometown", kind: "text" },
    { id: "parents", kind: "text" },
    { id: "last_date", kind: "text", check: "date" },
    { id: "last_channel", kind: "choice", options: ["whatsapp", "facebook", "tiktok", "phone", "other"] },
    { id: "last_place", kind: "text" },
    { id: "employer", kind: "text" },
    { id: "circumstances", kind: "text" },
    { id: "relationship", kind: "choice", options: ["parent", "child", "sibling", "spouse", "relative", "friend"] },
    { id: "safe_contact", kind: "text", check: "contact" },
    { id: "share", kind: "choice", options: ["yes", "no"] },
  ],
  danger: TRACING_DANGER,
  review: true,
  async finish(turn, answers: FormAnswers) {
    const story = STORY_FIELDS.map((id) => answers[id])
      .filter(Boolean)
      .join("\n");
    const assessment = story
      ? assessText({ text: story, locale: turn.locale }, toScreeningTranslate(turn.deps.t))
      : undefined;
    const share = answers.share === "yes";
    if (answers.share === "yes" || answers.share === "no") await turn.deps.actions.recordConsent("share:any", share);
    const ticket = await openCase(turn, {
      type: "family_tracing",
      priority:
        assessment?.emergency || Object.values(answers).some((answer) => TRACING_DANGER.test(answer))
          ? "urgent"
          : maxPriority("normal", assessment?.risk === "high" ? "high" : undefined),
      ...(assessment ? { assessment } : {}),
      details: answers,
      consentShare: share,
    });
    turn.say("tracing:done", { reference: ticket.reference });
    turn.say("tracing:never_reveal");
    turn.ask("tracing:after", [NAV_MENU]);
  },
};
