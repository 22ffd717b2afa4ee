import { z } from "zod";
import { Cursor } from "../../http/cursor.ts";
import { Role } from "../../db/generated/enums.ts";
import { PartnerAction } from "../../casework/casework-action-schemas.ts";

/**
 * Bodies of the casework API; each schema is also the OpenAPI description of its body (z.toJSONSchema). The
 * ticket actions' bodies are the casework actions' own schemas (casework/casework-action-schemas.ts), shared
 * with the console's forms.
 */
/** A partner: the casework action's schema, refusing unknown fields. */
export const PartnerBody = PartnerAction.strict();
export const AccountBody = z.object({ role: z.enum(Role).optional(), active: z.boolean().optional() }).strict();
export const TranscriptQuery = z.object({ after: Cursor.optional() });
