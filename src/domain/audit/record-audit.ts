import type { Db, Tx } from "../../db/create-prisma-client.ts";

export type Actor =
  | { type: "caseworker"; id: string }
  | { type: "system" }
  | { type: "person"; id?: string }
  | { type: "cli" };

/** Who did what to which record: every ticket read and every change lands here (admins view and export it). */
export async function recordAudit(
  db: Db | Tx,
  entry: {
    actor: Actor;
    action: string;
    subjectType: string;
    subjectId?: string | null;
    meta?: Record<string, unknown>;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorType: entry.actor.type,
      actorId: "id" in entry.actor ? (entry.actor.id ?? null) : null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      meta: (entry.meta ?? {}) as object,
    },
  });
}
