import type { Tx } from "../db/create-prisma-client.ts";
import type { Caseworker, Ticket } from "../db/generated/client.ts";
import { CaseworkError } from "./casework-error.ts";
import { can, type Permission } from "./permissions.ts";

/**
 * The ticket `actor` wants to act on, read for update inside the transaction. A ticket the actor may not
 * even read is "not found" (no one learns which references exist); one they may read but not change is
 * "forbidden".
 */
export async function loadTicketFor(
  tx: Tx,
  actor: Caseworker,
  reference: string,
  permission: Permission,
): Promise<Ticket> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Ticket" WHERE reference = ${reference} FOR UPDATE`;
  const ticket = rows[0] ? await tx.ticket.findUnique({ where: { id: rows[0].id } }) : null;
  if (!ticket || !can(actor, "ticket.read", ticket))
    throw new CaseworkError("not_found", `No ticket ${reference} that you can see.`, "errors.ticket_not_found");
  if (!can(actor, permission, ticket))
    throw new CaseworkError(
      "forbidden",
      `Your role cannot do this on ticket ${reference}.`,
      `errors.denied.${permission}`,
    );
  return ticket;
}
