import type { Prisma } from "../../src/db/generated/client.ts";
import { newReferenceCode } from "../../src/domain/tickets/reference-code.ts";

/**
 * A ticket row with no person behind it, for tests and benchmarks that only count tickets (the statistics,
 * the queue): a normal-priority web ticket in Indonesian with no indicators or needs, plus what `fields` name.
 */
export function ticketRow(fields: Partial<Prisma.TicketCreateManyInput> = {}): Prisma.TicketCreateManyInput {
  return {
    reference: newReferenceCode(),
    type: "victim_assistance",
    priority: "normal",
    locale: "id",
    channel: "web",
    indicatorIds: [],
    needs: [],
    ...fields,
  };
}
