import { recordAudit } from "../domain/audit/record-audit.ts";
import { openMediaFile } from "../domain/media/media-files.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { can } from "./permissions.ts";

/**
 * A file the person sent, decrypted, for a caseworker who may read the ticket's transcript (the same rule):
 * every read is in the audit log (who, which ticket, which file). A ticket the actor may not see, a file
 * of another conversation, one still arriving, refused or erased: all "not found".
 */
export async function readMediaFile(
  ctx: Pick<CaseworkContext, "db" | "cipher" | "actor">,
  reference: string,
  mediaId: string,
): Promise<{ bytes: Buffer; mimeType: string; kind: string }> {
  const ticket = await ctx.db.ticket.findUnique({ where: { reference } });
  if (!ticket || !can(ctx.actor, "ticket.read", ticket))
    throw new CaseworkError("not_found", `No ticket ${reference} that you can see.`, "errors.ticket_not_found");
  const file = ticket.conversationId
    ? await openMediaFile(ctx.db, ctx.cipher, { id: mediaId, conversationId: ticket.conversationId })
    : null;
  if (!file) throw new CaseworkError("not_found", "No such file on this ticket.", "errors.media_not_found");
  await recordAudit(ctx.db, {
    actor: { type: "caseworker", id: ctx.actor.id },
    action: "media.read",
    subjectType: "ticket",
    subjectId: ticket.id,
    meta: { mediaId, kind: file.kind, mimeType: file.mimeType },
  });
  return file;
}
