import { z } from "zod";
import { Cursor } from "../../http/cursor.ts";
import { MANUAL_STATUSES, OUTCOMES } from "../../casework/change-status.ts";
import { Role } from "../../db/generated/enums.ts";

/** Bodies of the casework API; each schema is also the OpenAPI description of its body (z.toJSONSchema). */
export const ReassignBody = z.object({ assigneeId: z.string().uuid() }).strict();
export const StatusBody = z
  .object({
    status: z.enum(MANUAL_STATUSES),
    outcome: z.enum(OUTCOMES).optional(),
    outcomeNote: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => b.status !== "closed" || b.outcome !== undefined, {
    message: "is required to close a ticket",
    path: ["outcome"],
  });
export const NoteBody = z.object({ text: z.string().trim().min(1).max(8000) }).strict();
export const MessageBody = z
  .object({ text: z.string().trim().min(1).max(4000), outsideSafeTimesConfirmed: z.boolean().optional() })
  .strict();
export const ReferBody = z
  .object({ partnerId: z.string().uuid(), overrideReason: z.string().trim().max(1000).optional() })
  .strict();
export const ReferralBody = z
  .object({
    status: z.enum(["pending", "accepted", "declined", "completed"]),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export const PartnerBody = z
  .object({
    name: z.string().trim().min(2).max(160),
    services: z.array(z.string().trim().min(1).max(80)).max(40),
    provinces: z.array(z.string().trim().min(1).max(80)).max(40),
    contact: z.string().trim().min(3).max(500),
    active: z.boolean().default(true),
  })
  .strict();
export const AccountBody = z.object({ role: z.enum(Role).optional(), active: z.boolean().optional() }).strict();
export const TranscriptQuery = z.object({ after: Cursor.optional() });
