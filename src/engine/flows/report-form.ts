import { assessText } from "../../domain/screening/index.ts";
import { NAV_MENU } from "../choices.ts";
import { toScreeningTranslate } from "../screening-translate.ts";
import type { FormAnswers, FormSpec } from "./form-spec.ts";
import { openCase } from "./open-case.ts";

/** Prevention warning signs a report can show; each has its own plain explanation. */
type ReportWarning = "fee" | "visa" | "informal" | "scam_destination" | "too_good";

/** Places where many "admin"/"customer service" offers end in online-scam compounds (screening-facts.md §4.2). */
const SCAM_PLACES =
  /kamboja|cambodia|myanmar|burma|laos|thailand|thailan|bangkok|filipina|philippines|manila|sihanouk|myawaddy|golden triangle|segitiga emas/i;
/** Fields screened for warning signs, each put into a short sentence (`report:frame.<id>`). */
const FRAMED_FIELDS = ["job", "destination", "recruiter", "fee", "story"] as const;
/** A fee answer that says no money was asked for. */
const NO_FEE = /^(?:0|-|nol|tidak|tdk|gak|ga|nggak|tidak ada|gak ada|belum|gratis|free|no|none|nothing)\b/i;

/**
 * Report a suspicious job offer or recruiter: who, where the offer came from, destination, job, fee and
 * visa. The reporter gets the warning signs that apply to what they described and how to check a licensed
 * agency; the report becomes a recruiter_report ticket, and the recruiter's name is counted across reports
 * under a normalised key — a count the reporter is never told.
 */
export const REPORT_FORM: FormSpec = {
  ns: "report",
  fields: [
    { id: "recruiter", kind: "text" },
    { id: "source", kind: "choice", options: ["whatsapp", "facebook", "tiktok", "calo", "other"] },
    { id: "destination", kind: "text" },
    { id: "job", kind: "text" },
    { id: "fee", kind: "text" },
    { id: "visa", kind: "choice", options: ["work", "tourist", "umrah", "none", "unknown"] },
  ],
  async finish(turn, answers: FormAnswers) {
    // The answers read as the reporter's account of an offer, so the screening sees a pre-departure story.
    const story = FRAMED_FIELDS.filter((id) => answers[id])
      .map((id) => turn.t(`report:frame.${id}`, { value: answers[id] ?? "" }))
      .join(" ");
    const assessment = story
      ? assessText({ text: story, locale: turn.locale }, toScreeningTranslate(turn.deps.t))
      : undefined;
    const ticket = await openCase(turn, {
      type: "recruiter_report",
      ...(assessment ? { assessment } : {}),
      details: answers,
      ...(answers.recruiter ? { recruiterName: answers.recruiter } : {}),
    });
    turn.say("report:done", { reference: ticket.reference });
    const warnings = warningsFor(answers, assessment?.indicators.map((hit) => hit.id) ?? []);
    if (warnings.length) {
      turn.say("report:warnings.intro", {
        list: warnings.map((w) => `• ${turn.t(`report:warnings.${w}`)}`).join("\n"),
      });
    } else {
      turn.say("report:warnings.none");
    }
    turn.say("guidance.topics.recruiter");
    turn.ask("report:after", [NAV_MENU]);
  },
};

/** The warning signs that apply to what the reporter described. */
export function warningsFor(answers: FormAnswers, indicatorIds: readonly string[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  const fee = answers.fee?.trim();
  if ((fee && !NO_FEE.test(fee)) || indicatorIds.includes("DEC-04-fees-and-loans")) warnings.push("fee");
  if (answers.visa === "tourist" || answers.visa === "umrah" || answers.visa === "none") warnings.push("visa");
  if (answers.source && answers.source !== "other") warnings.push("informal");
  if (
    SCAM_PLACES.test(`${answers.destination ?? ""} ${answers.job ?? ""}`) ||
    indicatorIds.includes("PUR-01-forced-criminality")
  )
    warnings.push("scam_destination");
  if (/juta|million|\$|dolar|dollar|ringgit|riyal|gaji (?:besar|tinggi)|high (?:pay|salary)/i.test(answers.job ?? ""))
    warnings.push("too_good");
  return warnings;
}
