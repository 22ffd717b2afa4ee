import { z } from "zod";
import type { Db } from "../db/create-prisma-client.ts";

export const AuditFilter = z.object({
  action: z.string().trim().max(80).optional(),
  actorId: z.string().uuid().optional(),
  subjectId: z.string().uuid().optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export type AuditRow = {
  id: string;
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** the ticket reference, when the subject is a ticket */
  subjectReference: string | null;
  meta: unknown;
};

/** The audit log, newest first, with the actor's email and ticket references resolved (admins only). */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
      ...(filter.since || filter.until
        ? {
            createdAt: {
              ...(filter.since ? { gte: filter.since } : {}),
              ...(filter.until ? { lte: filter.until } : {}),
            },
          }
        : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.limit,
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorType === "caseworker" && r.actorId ? [r.actorId] : [])))];
  const ticketIds = [...new Set(rows.flatMap((r) => (r.subjectType === "ticket" && r.subjectId ? [r.subjectId] : [])))];
  const [actors, tickets] = await Promise.all([
    actorIds.length
      ? db.caseworker.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })
      : [],
    ticketIds.length
      ? db.ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, reference: true } })
      : [],
  ]);
  const emails = new Map(actors.map((a) => [a.id, a.email]));
  const references = new Map(tickets.map((t) => [t.id, t.reference]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    actorType: r.actorType,
    actorId: r.actorId,
    actorEmail: r.actorId ? (emails.get(r.actorId) ?? null) : null,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectReference: r.subjectId ? (references.get(r.subjectId) ?? null) : null,
    meta: r.meta,
  }));
}

const COLUMNS = [
  "time",
  "actor_type",
  "actor_id",
  "actor_email",
  "action",
  "subject_type",
  "subject_id",
  "ticket_reference",
  "meta",
] as const;

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function toAuditCsv(rows: AuditRow[]): string {
  const lines = [COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.createdAt.toISOString(),
        r.actorType,
        r.actorId ?? "",
        r.actorEmail ?? "",
        r.action,
        r.subjectType,
        r.subjectId ?? "",
        r.subjectReference ?? "",
        JSON.stringify(r.meta ?? {}),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
