import { z } from "zod";
import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { can } from "./permissions.ts";

/** The programme's direct-assistance services (IOM's list), recorded per case. */
export const SERVICES = [
  "health",
  "shelter",
  "escort",
  "family_counselling",
  "counselling",
  "education",
  "livelihood",
  "legal",
  "return",
] as const;
export const SERVICE_STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a date")
  .transform((value) => new Date(`${value}T00:00:00Z`));

/** A service as a caseworker records it on the ticket page or through the API. */
export const ServiceInput = z
  .object({
    service: z.enum(SERVICES),
    status: z.enum(SERVICE_STATUSES).default("planned"),
    partnerId: z.uuid().optional(),
    startedOn: Day.optional(),
    endedOn: Day.optional(),
    outcome: z.string().trim().max(2000).optional(),
  })
  .refine((input) => !input.startedOn || !input.endedOn || input.endedOn >= input.startedOn, {
    message: "The end date is before the start date.",
    path: ["endedOn"],
  });
export type ServiceInput = z.input<typeof ServiceInput>;

/**
 * Records a service delivered in a case (or changes one, with `serviceId`): what, which partner, from when
 * to when, and the outcome in the caseworker's words (encrypted). Whoever may write notes on the ticket may
 * record services; it is on the ticket's history and in the audit log.
 */
export async function recordService(
  ctx: CaseworkContext,
  input: { reference: string; serviceId?: string } & ServiceInput,
): Promise<{ id: string }> {
  const parsed = ServiceInput.safeParse(input);
  if (!parsed.success) throw new CaseworkError("invalid", parsed.error.issues[0]!.message, "errors.invalid");
  const data = parsed.data;
  return ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.note");
    if (data.partnerId && !(await tx.partner.findUnique({ where: { id: data.partnerId } })))
      throw new CaseworkError("not_found", "No such partner.", "errors.no_such_partner");
    const values = {
      service: data.service,
      status: data.status,
      partnerId: data.partnerId ?? null,
      startedOn: data.startedOn ?? null,
      endedOn: data.endedOn ?? null,
      outcomeEnc: data.outcome ? ctx.cipher.encrypt(data.outcome) : null,
    };
    let id: string;
    if (input.serviceId) {
      const existing = await tx.ticketService.findFirst({ where: { id: input.serviceId, ticketId: ticket.id } });
      if (!existing) throw new CaseworkError("not_found", "No such service on this ticket.", "errors.not_found");
      id = (await tx.ticketService.update({ where: { id: existing.id }, data: values })).id;
    } else {
      id = (await tx.ticketService.create({ data: { ...values, ticketId: ticket.id, createdById: ctx.actor.id } })).id;
    }
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: input.serviceId ? "service_updated" : "service_recorded",
      actor,
      data: { service: data.service, status: data.status },
    });
    await recordAudit(tx, {
      actor,
      action: input.serviceId ? "ticket.service_updated" : "ticket.service_recorded",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { service: data.service, status: data.status },
    });
    return { id };
  }, TX_OPTIONS);
}

/** A follow-up reminder as a caseworker sets it: the day, and what to do (encrypted). */
export const FollowUpInput = z.object({ due: Day, note: z.string().trim().max(500).optional() });

/** Sets a reminder to come back to the case on a day; it shows on the ticket and in the queue when due. */
export async function addFollowUp(
  ctx: CaseworkContext,
  input: { reference: string; due: string; note?: string },
): Promise<{ id: string }> {
  const parsed = FollowUpInput.safeParse(input);
  if (!parsed.success) throw new CaseworkError("invalid", "The follow-up needs a valid day.", "errors.invalid");
  return ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.note");
    const followUp = await tx.followUp.create({
      data: {
        ticketId: ticket.id,
        dueAt: parsed.data.due,
        noteEnc: parsed.data.note ? ctx.cipher.encrypt(parsed.data.note) : null,
        createdById: ctx.actor.id,
      },
    });
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, { ticketId: ticket.id, type: "follow_up_set", actor, data: { due: input.due } });
    await recordAudit(tx, { actor, action: "ticket.follow_up_set", subjectType: "ticket", subjectId: ticket.id });
    return { id: followUp.id };
  }, TX_OPTIONS);
}

/** Marks a follow-up done. */
export async function completeFollowUp(
  ctx: CaseworkContext,
  input: { reference: string; followUpId: string },
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.note");
    const done = await tx.followUp.updateMany({
      where: { id: input.followUpId, ticketId: ticket.id, doneAt: null },
      data: { doneAt: ctx.now(), doneById: ctx.actor.id },
    });
    if (done.count !== 1) throw new CaseworkError("not_found", "No open follow-up like this.", "errors.not_found");
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, { ticketId: ticket.id, type: "follow_up_done", actor, data: {} });
    await recordAudit(tx, { actor, action: "ticket.follow_up_done", subjectType: "ticket", subjectId: ticket.id });
  }, TX_OPTIONS);
}

const TAG = /^[\p{Ll}\p{N}][\p{Ll}\p{N}-]{0,39}$/u;
export const MAX_TAGS = 12;

/** Normalises a typed tag list ("Fishing, KBRI Riyadh") into tags ("fishing", "kbri-riyadh"). */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;\n]/)
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, "-").replace(/^#/, ""))
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Replaces the ticket's tags. */
export async function setTags(ctx: CaseworkContext, input: { reference: string; tags: string[] }): Promise<string[]> {
  if (input.tags.length > MAX_TAGS || !input.tags.every((tag) => TAG.test(tag)))
    throw new CaseworkError(
      "invalid",
      `Up to ${MAX_TAGS} tags of letters, digits and dashes (40 at most).`,
      "errors.invalid_tags",
    );
  return ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.note");
    await tx.ticket.update({ where: { id: ticket.id }, data: { tags: input.tags } });
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, { ticketId: ticket.id, type: "tags_set", actor, data: { tags: input.tags } });
    await recordAudit(tx, { actor, action: "ticket.tags_set", subjectType: "ticket", subjectId: ticket.id });
    return input.tags;
  }, TX_OPTIONS);
}

/**
 * Links two tickets (one person's, or one family's): whoever opens either sees the other. The actor must be
 * able to read both and write notes on the first; a ticket they cannot read is "not found".
 */
export async function linkTickets(ctx: CaseworkContext, input: { reference: string; other: string }): Promise<void> {
  const other = input.other.trim().toUpperCase();
  if (other === input.reference)
    throw new CaseworkError("invalid", "A ticket cannot be linked to itself.", "errors.link_self");
  await ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.note");
    const target = await loadTicketFor(tx, ctx.actor, other, "ticket.read");
    const [fromId, toId] = ticket.id < target.id ? [ticket.id, target.id] : [target.id, ticket.id];
    await tx.ticketLink.upsert({
      where: { fromId_toId: { fromId, toId } },
      create: { fromId, toId, createdById: ctx.actor.id },
      update: {},
    });
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    for (const [id, ref] of [
      [ticket.id, target.reference],
      [target.id, ticket.reference],
    ] as const) {
      await recordTicketEvent(tx, { ticketId: id, type: "ticket_linked", actor, data: { reference: ref } });
    }
    await recordAudit(tx, {
      actor,
      action: "ticket.linked",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { other: target.id },
    });
  }, TX_OPTIONS);
}

export type CaseWork = {
  services: {
    id: string;
    service: string;
    status: string;
    partner: string | null;
    startedOn: Date | null;
    endedOn: Date | null;
    outcome: string | null;
  }[];
  followUps: { id: string; dueAt: Date; note: string | null; done: boolean }[];
  links: { reference: string; type: string; status: string }[];
  tags: string[];
};

/** What the ticket page shows of the case work: services, follow-ups, linked tickets the actor may read, tags. */
export async function readCaseWork(ctx: CaseworkContext, ticket: { id: string; tags: string[] }): Promise<CaseWork> {
  const [services, followUps, links] = await Promise.all([
    ctx.db.ticketService.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
      include: { partner: { select: { name: true } } },
    }),
    ctx.db.followUp.findMany({ where: { ticketId: ticket.id }, orderBy: [{ doneAt: "desc" }, { dueAt: "asc" }] }),
    ctx.db.ticketLink.findMany({
      where: { OR: [{ fromId: ticket.id }, { toId: ticket.id }] },
      include: {
        from: { select: { id: true, reference: true, type: true, status: true, assigneeId: true } },
        to: { select: { id: true, reference: true, type: true, status: true, assigneeId: true } },
      },
    }),
  ]);
  const open = (sealed: string | null) => {
    if (!sealed) return null;
    try {
      return ctx.cipher.decrypt(sealed);
    } catch {
      return null;
    }
  };
  return {
    services: services.map((s) => ({
      id: s.id,
      service: s.service,
      status: s.status,
      partner: s.partner?.name ?? null,
      startedOn: s.startedOn,
      endedOn: s.endedOn,
      outcome: open(s.outcomeEnc),
    })),
    followUps: followUps.map((f) => ({ id: f.id, dueAt: f.dueAt, note: open(f.noteEnc), done: f.doneAt !== null })),
    links: links
      .map((link) => (link.fromId === ticket.id ? link.to : link.from))
      .filter((other) => can(ctx.actor, "ticket.read", other))
      .map((other) => ({ reference: other.reference, type: other.type, status: other.status })),
    tags: ticket.tags,
  };
}

/** Open follow-ups due by the end of today on tickets the actor holds (the queue's reminder). */
export async function countDueFollowUps(ctx: Pick<CaseworkContext, "db" | "now" | "actor">): Promise<number> {
  const endOfDay = new Date(ctx.now());
  endOfDay.setUTCHours(23, 59, 59, 999);
  return ctx.db.followUp.count({
    where: { doneAt: null, dueAt: { lte: endOfDay }, ticket: { assigneeId: ctx.actor.id, status: { not: "closed" } } },
  });
}
