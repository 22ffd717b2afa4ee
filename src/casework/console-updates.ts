import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker } from "../db/generated/client.ts";
import { atLeast } from "./permissions.ts";

/** What the console tells one caseworker live: urgent tickets they can see, and the tickets they hold. */
export type ConsoleSnapshot = {
  /** open urgent tickets the actor may see (newest 50) */
  urgent: string[];
  /** open tickets the actor holds, with the person's messages since the actor last opened each */
  mine: { reference: string; unread: number }[];
};

/** What changed between two snapshots, as the events the console's browser shows. */
export type ConsoleUpdate =
  | { type: "urgent"; reference: string }
  | { type: "assigned"; reference: string }
  | { type: "message"; reference: string; unread: number };

const URGENT_LIMIT = 50;

/**
 * The actor's live view, in two queries: a query of open urgent tickets (as the queue shows them) and one
 * of the tickets they hold with unread counts. The unread count is written as SQL because it joins three
 * tables on a condition (messages after the actor's last read) that Prisma's query API cannot express.
 */
export async function readConsoleSnapshot(db: Db, actor: Caseworker): Promise<ConsoleSnapshot> {
  const [urgent, mine] = await Promise.all([
    db.ticket.findMany({
      where: {
        priority: "urgent",
        status: { not: "closed" },
        ...(atLeast(actor, "supervisor") ? {} : { OR: [{ assigneeId: null }, { assigneeId: actor.id }] }),
      },
      orderBy: { createdAt: "desc" },
      take: URGENT_LIMIT,
      select: { reference: true },
    }),
    db.$queryRaw<{ reference: string; unread: bigint }[]>`
      SELECT t.reference, COUNT(m.seq) AS unread
      FROM "Ticket" t
      LEFT JOIN "TicketRead" r ON r."ticketId" = t.id AND r."caseworkerId" = ${actor.id}
      LEFT JOIN "Message" m ON m."conversationId" = t."conversationId" AND m.direction = 'inbound'
        AND m."createdAt" > COALESCE(r."readAt", t."createdAt")
      WHERE t."assigneeId" = ${actor.id} AND t.status <> 'closed'
      GROUP BY t.reference
      ORDER BY t.reference`,
  ]);
  return {
    urgent: urgent.map((t) => t.reference),
    mine: mine.map((row) => ({ reference: row.reference, unread: Number(row.unread) })),
  };
}

/** The events that take the console from `before` to `after` (nothing for the first snapshot). */
export function diffSnapshots(before: ConsoleSnapshot, after: ConsoleSnapshot): ConsoleUpdate[] {
  const updates: ConsoleUpdate[] = [];
  for (const reference of after.urgent)
    if (!before.urgent.includes(reference)) updates.push({ type: "urgent", reference });
  const held = new Map(before.mine.map((t) => [t.reference, t.unread]));
  for (const ticket of after.mine) {
    const previous = held.get(ticket.reference);
    if (previous === undefined) updates.push({ type: "assigned", reference: ticket.reference });
    else if (ticket.unread > previous)
      updates.push({ type: "message", reference: ticket.reference, unread: ticket.unread });
  }
  return updates;
}

/** The actor has opened the ticket: its messages up to now are read. */
export async function markTicketRead(
  db: Db,
  input: { ticketId: string; caseworkerId: string; now: Date },
): Promise<void> {
  await db.ticketRead.upsert({
    where: { ticketId_caseworkerId: { ticketId: input.ticketId, caseworkerId: input.caseworkerId } },
    create: { ticketId: input.ticketId, caseworkerId: input.caseworkerId, readAt: input.now },
    update: { readAt: input.now },
  });
}
