import type { Db } from "../db/create-prisma-client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";

/** An export of the audit log is itself audited: who took it, how many rows (and in which format). */
export async function recordAuditExport(
  db: Db,
  caseworkerId: string,
  meta: { rows: number; format?: string },
): Promise<void> {
  await recordAudit(db, {
    actor: { type: "caseworker", id: caseworkerId },
    action: "audit.exported",
    subjectType: "audit",
    meta,
  });
}
