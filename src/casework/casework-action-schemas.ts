import { z } from "zod";
import { ReferralStatus, Role } from "../db/generated/enums.ts";
import { MANUAL_STATUSES, OUTCOMES } from "./change-status.ts";

/**
 * The limits of what a caseworker writes, one number each. A reply goes to the person through their
 * channel, so it stays under the smallest message a channel takes (Telegram's 4,096 characters); notes stay
 * in Lentera and may be longer.
 */
export const CASEWORK_LIMITS = {
  replyText: 4000,
  noteText: 8000,
  outcomeNote: 500,
  overrideReason: 1000,
  referralNote: 500,
  partnerName: 160,
} as const;

/** Words a caseworker typed: trimmed, and never blank when required. */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * One schema per casework action, in the shape its casework verb takes. The JSON API validates its bodies
 * with them as they are (and the OpenAPI document describes them from them); the console reads its form
 * fields into the same shape first (console/casework-action-forms.ts), so both accept exactly the same input.
 * Claim, release and hand back carry nothing but the ticket's reference.
 */
export const ReplyAction = z
  .object({ text: text(CASEWORK_LIMITS.replyText), outsideSafeTimesConfirmed: z.boolean().optional() })
  .strict();
export const NoteAction = z.object({ text: text(CASEWORK_LIMITS.noteText) }).strict();
/** Closing needs an outcome: changeTicketStatus says so (errors.outcome_required), for the console and the API alike. */
export const StatusAction = z
  .object({
    status: z.enum(MANUAL_STATUSES),
    outcome: z.enum(OUTCOMES).optional(),
    outcomeNote: optionalText(CASEWORK_LIMITS.outcomeNote),
  })
  .strict();
export const ReassignAction = z.object({ assigneeId: z.string().uuid() }).strict();
export const ReferAction = z
  .object({ partnerId: z.string().uuid(), overrideReason: optionalText(CASEWORK_LIMITS.overrideReason) })
  .strict();
/** Ask the person, in their channel, whether their case may go to this partner (their answer is a consent). */
export const ShareConsentAction = z
  .object({ partnerId: z.string().uuid(), outsideSafeTimesConfirmed: z.boolean().optional() })
  .strict();
export const ReferralUpdateAction = z
  .object({ status: z.enum(ReferralStatus), note: optionalText(CASEWORK_LIMITS.referralNote) })
  .strict();

const list = z.array(z.string().trim().min(1).max(80)).max(40);
/** A partner organisation as an admin saves it (the API's body is this, strict: no unknown fields). */
export const PartnerAction = z.object({
  name: z.string().trim().min(2).max(CASEWORK_LIMITS.partnerName),
  services: list,
  provinces: list,
  contact: z.string().trim().min(3).max(500),
  /** where referral forms are emailed; null clears it, absent leaves it as it is */
  referralEmail: z.email().max(320).nullable().optional(),
  active: z.boolean().default(true),
});

/** An admin changes an account's role or switches it off. */
export const AccountAction = z.object({ role: z.enum(Role).optional(), active: z.boolean().optional() }).strict();
