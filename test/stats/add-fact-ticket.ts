import type { Channel } from "../../src/db/generated/client.ts";
import type { TestLentera } from "../support/create-test-lentera.ts";
import { ticketRow } from "../support/ticket-row.ts";

/**
 * One person the statistics count at a destination: a high-priority ticket from Maluku with a fishing-vessel
 * indicator and its case profile (a sector, optionally an age band). The attack tests plant these at the
 * edges of the privacy rule.
 */
export async function addFactTicket(
  lentera: TestLentera,
  fact: { country: string; createdAt: Date; channel?: Channel; sector?: string; ageBand?: string },
) {
  const ticket = await lentera.db.ticket.create({
    data: ticketRow({
      priority: "high",
      channel: fact.channel ?? "web",
      indicatorIds: ["FL-14-fishing-vessel"],
      country: fact.country,
      province: "Maluku",
      createdAt: fact.createdAt,
    }),
  });
  await lentera.db.caseProfile.create({
    data: { ticketId: ticket.id, sector: fact.sector ?? "fishing", ...(fact.ageBand ? { ageBand: fact.ageBand } : {}) },
  });
  return ticket;
}
