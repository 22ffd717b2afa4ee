import { Prisma, type Caseworker, type Role, type Ticket } from "../db/generated/client.ts";

/**
 * Who may do what (Aselo-style helpline rules):
 * - caseworker: the queue (unassigned tickets) and their own claims;
 * - supervisor: every ticket, reassign, referral override;
 * - admin: accounts, partners, help lines, settings and the audit log — and everything a supervisor may do.
 */
export type Permission =
  | "ticket.read"
  | "ticket.claim"
  | "ticket.release"
  | "ticket.reassign"
  | "ticket.change_status"
  | "ticket.note"
  | "ticket.reply"
  | "ticket.refer"
  | "ticket.refer_override"
  | "partners.manage"
  | "accounts.manage"
  | "canned.manage"
  | "help_lines.manage"
  | "audit.read";

const RANK: Record<Role, number> = { caseworker: 1, supervisor: 2, admin: 3 };

type Actor = Pick<Caseworker, "id" | "role" | "active">;
type TicketScope = Pick<Ticket, "assigneeId" | "status"> & { erasureRequestedAt?: Date | null };

export function atLeast(actor: Pick<Caseworker, "role">, role: Role): boolean {
  return RANK[actor.role] >= RANK[role];
}

/** Whether `actor` may do `permission`, on `ticket` when the permission is about one. */
export function can(actor: Actor, permission: Permission, ticket?: TicketScope): boolean {
  if (!actor.active) return false;
  const supervisor = atLeast(actor, "supervisor");
  const mine = ticket?.assigneeId === actor.id;
  const unassigned = ticket !== undefined && ticket.assigneeId === null;
  switch (permission) {
    case "ticket.read":
      return supervisor || mine || (unassigned && ticket.status !== "closed");
    case "ticket.claim":
      // an erased person's ticket is a record: there is no one to help through it
      return unassigned && ticket.status !== "closed" && !ticket.erasureRequestedAt;
    case "ticket.release":
      return ticket !== undefined && ticket.assigneeId !== null && ticket.status !== "closed" && (mine || supervisor);
    case "ticket.reassign":
      return supervisor && ticket !== undefined && ticket.status !== "closed";
    case "ticket.change_status":
    case "ticket.note":
    case "ticket.refer":
      return mine || (supervisor && ticket !== undefined);
    case "ticket.reply":
      // Only the caseworker holding the ticket writes to the person: one human voice at a time.
      return mine && ticket.status !== "closed" && !ticket.erasureRequestedAt;
    case "ticket.refer_override":
      return supervisor;
    case "partners.manage":
    case "accounts.manage":
    case "canned.manage":
    case "help_lines.manage":
    case "audit.read":
      return atLeast(actor, "admin");
  }
}

/**
 * The tickets `actor` may read, as a database filter: the same rule as `can(actor, "ticket.read", ticket)`,
 * so every list (console queue, /api/queue, /api/tickets) shows exactly the tickets a direct read would.
 */
export function readableTickets(actor: Actor): Prisma.TicketWhereInput {
  if (!actor.active) return { id: { in: [] } };
  if (atLeast(actor, "supervisor")) return {};
  return { OR: [{ assigneeId: actor.id }, { assigneeId: null, status: { not: "closed" } }] };
}

/**
 * `readableTickets` as a condition on "Ticket" for the queue's raw reads (list-queue.ts says why they are raw);
 * test/casework/readable-tickets-sql.test.ts proves both select the same tickets for every kind of actor.
 */
export function readableTicketsSql(actor: Actor): Prisma.Sql {
  if (!actor.active) return Prisma.sql`FALSE`;
  if (atLeast(actor, "supervisor")) return Prisma.sql`TRUE`;
  return Prisma.sql`("assigneeId" = ${actor.id} OR ("assigneeId" IS NULL AND status <> 'closed'))`;
}
