import { z } from "zod";
import type { Db } from "../../db/create-prisma-client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { recordTicketEvent } from "../tickets/record-ticket-event.ts";
import { AGE_BANDS, GENDERS, JOB_AD_PATTERNS, PLATFORMS, RECRUITMENT_CHANNELS, SECTORS } from "./stats-dimensions.ts";

const optionalOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? null : v), z.enum(values).nullable().default(null));
const optionalText = (max: number, pattern: RegExp) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().max(max).regex(pattern).nullable().default(null),
  );

/** What a caseworker records about a case for statistics; every field optional (empty = nobody knows). */
export const CaseProfileInput = z.object({
  sector: optionalOf(SECTORS),
  recruitmentChannel: optionalOf(RECRUITMENT_CHANNELS),
  platform: optionalOf(PLATFORMS),
  jobAdPattern: optionalOf(JOB_AD_PATTERNS),
  ageBand: optionalOf(AGE_BANDS),
  gender: optionalOf(GENDERS),
  citizenship: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toUpperCase()) : v),
    z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
  ),
  originProvince: optionalText(60, /^[\p{L} .'-]+$/u),
  destinationCountry: optionalText(60, /^[\p{L} .'-]+$/u),
});
export type CaseProfileInput = z.infer<typeof CaseProfileInput>;
export const CASE_PROFILE_FIELDS = Object.keys(CaseProfileInput.shape) as (keyof CaseProfileInput)[];

/** The ticket a profile belongs to, with what the console's permission check needs. */
export async function findProfileTicket(db: Db, reference: string) {
  return db.ticket.findUnique({
    where: { reference },
    select: { id: true, reference: true, assigneeId: true, status: true },
  });
}

export async function readCaseProfile(db: Db, ticketId: string) {
  return db.caseProfile.findUnique({ where: { ticketId } });
}

/** Saves the profile (the console has checked the caseworker may work on the ticket); in the history and the audit log. */
export async function saveCaseProfile(db: Db, input: { ticketId: string; actorId: string; profile: CaseProfileInput }) {
  await db.$transaction(async (tx) => {
    await tx.caseProfile.upsert({
      where: { ticketId: input.ticketId },
      create: { ticketId: input.ticketId, ...input.profile, updatedById: input.actorId },
      update: { ...input.profile, updatedById: input.actorId },
    });
    const filled = CASE_PROFILE_FIELDS.filter((field) => input.profile[field] !== null);
    await recordTicketEvent(tx, {
      ticketId: input.ticketId,
      type: "profile_set",
      actor: { type: "caseworker", id: input.actorId },
      data: { fields: filled },
    });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: input.actorId },
      action: "ticket.profile_set",
      subjectType: "ticket",
      subjectId: input.ticketId,
      meta: { fields: filled },
    });
  });
}
