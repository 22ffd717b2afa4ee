import { z } from "zod";
import { Cursor } from "../../http/cursor.ts";
import { Role } from "../../db/generated/enums.ts";

/**
 * Bodies of the casework API; each schema is also the OpenAPI description of its body (z.toJSONSchema). The
 * ticket actions' bodies are the casework actions' own schemas (casework/casework-action-schemas.ts), shared
 * with the console's forms.
 */
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
