import { Hono } from "hono";
import { z } from "zod";
import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import { can, readableTickets } from "../casework/permissions.ts";
import { listTickets } from "../domain/tickets/list-tickets.ts";
import { readTicket } from "../domain/tickets/read-ticket.ts";
import { parseReferenceCode } from "../domain/tickets/reference-code.ts";
import { PRIORITIES, TICKET_TYPES } from "../domain/tickets/ticket-request.ts";
import { TICKET_STATUSES } from "../domain/tickets/ticket-status.ts";
import { AppError } from "../http/errors.ts";
import { requireApiCaseworker, type CaseworkerEnv } from "./require-caseworker.ts";
import { validate } from "../http/validate.ts";

/** `GET /api/tickets` filters; an unknown value is a 400 that names the allowed ones. */
export const TicketQuery = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TicketQuery = z.infer<typeof TicketQuery>;

/**
 * Read-only ticket API for caseworker tools: `GET /api/tickets?status=&priority=&type=` (most pressing
 * first) and `GET /api/tickets/:reference` (in full, with evidence and history). Bearer API token; every
 * read is in the audit log under the caseworker's id. Both go through the casework permissions: a ticket the
 * caseworker may not see (held by someone else, closed) is neither listed nor found (404).
 */
export function createTicketRoutes(deps: { db: Db; cipher: Cipher }) {
  const app = new Hono<CaseworkerEnv>();
  // Per route, not "*": the casework API adds its own routes under /api/tickets/:reference/… with its own check.
  const auth = requireApiCaseworker(deps.db);
  app.get("/", auth, validate("query", TicketQuery), async (c) => {
    const filters = c.req.valid("query");
    const caseworker = c.get("caseworker");
    const tickets = await listTickets(
      deps.db,
      deps.cipher,
      filters,
      { type: "caseworker", id: caseworker.id },
      readableTickets(caseworker),
    );
    return c.json({ tickets });
  });
  app.get("/:reference", auth, async (c) => {
    const reference = parseReferenceCode(c.req.param("reference"));
    const caseworker = c.get("caseworker");
    const result = reference
      ? await readTicket(deps.db, deps.cipher, reference, { type: "caseworker", id: caseworker.id }, (ticket) =>
          can(caseworker, "ticket.read", ticket),
        )
      : { status: "not_found" as const };
    if (result.status === "not_found")
      throw new AppError("not_found", "No ticket has this reference. References look like LNT-7KQ4M9.");
    return c.json({ ticket: result.ticket });
  });
  return app;
}
