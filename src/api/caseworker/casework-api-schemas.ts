import { z } from "zod";
import { Cursor } from "../../http/cursor.ts";
import { PartnerAction } from "../../casework/casework-action-schemas.ts";

/**
 * Bodies of the casework API that are not a casework action's own schema as it is; each schema is also the
 * OpenAPI description of its body (z.toJSONSchema). The actions' schemas (casework/casework-action-schemas.ts)
 * are shared with the console's forms.
 */
/** A partner: the casework action's schema, refusing unknown fields. */
export const PartnerBody = PartnerAction.strict();
export const TranscriptQuery = z.object({ after: Cursor.optional() });
