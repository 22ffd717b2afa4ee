import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readableTickets, readableTicketsSql } from "../../src/casework/permissions.ts";
import { newReferenceCode } from "../../src/domain/tickets/reference-code.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker } from "../console/support.ts";

/**
 * The queue reads pages and counts with raw SQL (the open-ticket index), so the permission exists twice:
 * as Prisma's where and as SQL. For every kind of actor both must select exactly the same tickets.
 */
describe("readableTicketsSql selects what readableTickets selects", () => {
  let lentera: TestLentera;
  const actors: Record<string, Awaited<ReturnType<typeof addCaseworker>>["caseworker"]> = {};

  beforeAll(async () => {
    lentera = await createTestLentera();
    const a = await addCaseworker(lentera, "caseworker");
    const b = await addCaseworker(lentera, "caseworker");
    const sup = await addCaseworker(lentera, "supervisor");
    const admin = await addCaseworker(lentera, "admin");
    const gone = await addCaseworker(lentera, "supervisor");
    Object.assign(actors, {
      a: a.caseworker,
      b: b.caseworker,
      sup: sup.caseworker,
      admin: admin.caseworker,
      inactive: { ...gone.caseworker, active: false },
    });
    const holders = [null, a.caseworker.id, b.caseworker.id, sup.caseworker.id];
    const statuses = ["new", "claimed", "in_progress", "referred", "closed"] as const;
    await lentera.db.ticket.createMany({
      data: holders.flatMap((assigneeId) =>
        statuses.map((status) => ({
          reference: newReferenceCode(),
          type: "victim_assistance" as const,
          priority: "normal" as const,
          status,
          locale: "id",
          channel: "web" as const,
          indicatorIds: [],
          needs: [],
          assigneeId,
        })),
      ),
    });
  });
  afterAll(() => lentera?.close());

  it.each(["a", "b", "sup", "admin", "inactive"])("for %s", async (who) => {
    const actor = actors[who]!;
    const viaPrisma = await lentera.db.ticket.findMany({ where: readableTickets(actor), select: { id: true } });
    const viaSql = await lentera.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Ticket" WHERE ${readableTicketsSql(actor)}`;
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(viaSql)).toEqual(ids(viaPrisma));
    // not trivially equal: each kind of actor sees a different, non-empty set (but the inactive one)
    if (who === "inactive") expect(viaSql).toEqual([]);
    else expect(viaSql.length).toBeGreaterThan(0);
  });
});
