import { Hono, type Context } from "hono";
import { z } from "zod";
import type { ConversationDeps } from "../../conversations/handle-inbound.ts";
import type { Ticket } from "../../db/generated/client.ts";
import { caseworkContextFor, type CaseworkContext } from "../../casework/casework-context.ts";
import { AuditFilter, listAudit, toAuditCsv } from "../../casework/list-audit.ts";
import { listCaseworkers } from "../../casework/list-caseworkers.ts";
import { listPartners } from "../../casework/list-partners.ts";
import { listQueue, QueueFilter } from "../../casework/list-queue.ts";
import { recordAuditExport } from "../../casework/record-audit-export.ts";
import { manageAccount } from "../../casework/manage-account.ts";
import { can } from "../../casework/permissions.ts";
import { readTranscriptAfter } from "../../casework/read-ticket.ts";
import { handBack } from "../../casework/hand-back.ts";
import { sendCaseworkerMessage } from "../../casework/send-caseworker-message.ts";
import { savePartner } from "../../casework/save-partner.ts";
import { addNote } from "../../casework/add-note.ts";
import { changeTicketStatus } from "../../casework/change-status.ts";
import { claimTicket } from "../../casework/claim-ticket.ts";
import { reassignTicket } from "../../casework/reassign-ticket.ts";
import { referTicket, updateReferral } from "../../casework/refer-ticket.ts";
import { releaseTicket } from "../../casework/release-ticket.ts";
import { requestShareConsent } from "../../casework/request-share-consent.ts";
import { AppError } from "../../http/errors.ts";
import { requireApiCaseworker, type CaseworkerEnv } from "../require-caseworker.ts";
import { validate } from "../../http/validate.ts";
import type { Logger } from "../../log/create-logger.ts";
import { createCaseworkErrorHandler } from "./casework-api-errors.ts";
import { PartnerBody, TranscriptQuery } from "./casework-api-schemas.ts";
import {
  AccountAction,
  NoteAction,
  ReassignAction,
  ReferAction,
  ReferralUpdateAction,
  ReplyAction,
  ShareConsentAction,
  StatusAction,
} from "../../casework/casework-action-schemas.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";

export type CaseworkApiDeps = Pick<ConversationDeps, "db" | "cipher" | "t" | "now" | "onOutbound" | "events"> & {
  log: Logger;
  /** the referral mailer when SMTP_URL is set: a referral with consent is emailed, as from the console */
  referrals?: { kick(): unknown };
};

const REFERENCE = /^[A-Za-z0-9-]{3,32}$/;

/**
 * The console's actions for integrations, under /api, with a personal API token (`Authorization: Bearer`).
 * Same domain verbs, same permissions and audit as the console; described at GET /api/openapi.json.
 * (GET /api/tickets and GET /api/tickets/:reference are the tickets API of src/api/ticket-routes.ts.)
 */
export function createCaseworkApiRoutes(deps: CaseworkApiDeps) {
  const app = new Hono<CaseworkerEnv>();
  app.onError(createCaseworkErrorHandler(deps.log));
  // Token scopes: reads need "read", actions on tickets "casework", accounts/partners/audit "admin".
  const auth = requireApiCaseworker(deps.db, "read");
  const act = requireApiCaseworker(deps.db, "casework");
  const admin = requireApiCaseworker(deps.db, "admin");
  const ctxOf = (c: Context<CaseworkerEnv>): CaseworkContext => caseworkContextFor(deps, c.get("caseworker"));
  const ref = (c: Context<CaseworkerEnv>) => {
    const value = c.req.param("reference") ?? "";
    if (!REFERENCE.test(value)) throw new AppError("not_found", "No such ticket.");
    return value;
  };
  const requirePermission = (
    c: Context<CaseworkerEnv>,
    permission: "partners.manage" | "accounts.manage" | "audit.read",
  ) => {
    if (!can(c.get("caseworker"), permission)) throw new AppError("forbidden", "This needs the admin role.");
  };

  app.get("/openapi.json", (c) => c.json(buildOpenApiDocument()));

  app.get("/me", auth, (c) => {
    const me = c.get("caseworker");
    return c.json({ id: me.id, email: me.email, name: me.name, role: me.role });
  });

  app.get("/queue", auth, validate("query", QueueFilter), async (c) => {
    const queue = await listQueue(ctxOf(c), c.req.valid("query"));
    return c.json({
      counts: queue.counts,
      page: queue.page,
      hasMore: queue.hasMore,
      tickets: queue.tickets.map((t) => ({
        ...t,
        createdAt: t.createdAt.toISOString(),
        lastInboundAt: t.lastInboundAt?.toISOString() ?? null,
      })),
    });
  });

  app.post("/tickets/:reference/claim", act, async (c) =>
    c.json({ ticket: toJson(await claimTicket(ctxOf(c), { reference: ref(c) })) }),
  );
  app.post("/tickets/:reference/release", act, async (c) =>
    c.json({ ticket: toJson(await releaseTicket(ctxOf(c), { reference: ref(c) })) }),
  );
  app.post("/tickets/:reference/reassign", act, validate("json", ReassignAction), async (c) =>
    c.json({
      ticket: toJson(await reassignTicket(ctxOf(c), { reference: ref(c), assigneeId: c.req.valid("json").assigneeId })),
    }),
  );
  app.post("/tickets/:reference/status", act, validate("json", StatusAction), async (c) => {
    const body = c.req.valid("json");
    const ticket = await changeTicketStatus(ctxOf(c), {
      reference: ref(c),
      status: body.status,
      ...(body.outcome ? { outcome: body.outcome } : {}),
      ...(body.outcomeNote ? { outcomeNote: body.outcomeNote } : {}),
    });
    return c.json({ ticket: toJson(ticket) });
  });
  app.post("/tickets/:reference/notes", act, validate("json", NoteAction), async (c) => {
    const note = await addNote(ctxOf(c), { reference: ref(c), text: c.req.valid("json").text });
    return c.json({ note: { id: note.id, createdAt: note.createdAt.toISOString() } }, 201);
  });
  app.get("/tickets/:reference/messages", auth, validate("query", TranscriptQuery), async (c) => {
    const { after } = c.req.valid("query");
    const messages = (await readTranscriptAfter(ctxOf(c), ref(c), after ? BigInt(after) : 0n)) ?? [];
    return c.json({ messages, cursor: messages.at(-1)?.cursor ?? after ?? "0" });
  });
  app.post("/tickets/:reference/messages", act, validate("json", ReplyAction), async (c) => {
    const body = c.req.valid("json");
    const sent = await sendCaseworkerMessage(ctxOf(c), {
      reference: ref(c),
      text: body.text,
      outsideSafeTimesConfirmed: body.outsideSafeTimesConfirmed === true,
    });
    if (sent.status === "outside_safe_times") {
      throw new AppError(
        "conflict",
        "It is outside the person's safe-contact times. Send again with outsideSafeTimesConfirmed: true to write anyway.",
        { reason: "outside_safe_times" },
      );
    }
    return c.json({ messageId: sent.messageId, handoffStarted: sent.handoffStarted }, 201);
  });
  app.post("/tickets/:reference/hand-back", act, async (c) => {
    await handBack(ctxOf(c), { reference: ref(c) });
    return c.json({ mode: "bot" });
  });
  app.post("/tickets/:reference/referrals", act, validate("json", ReferAction), async (c) => {
    const body = c.req.valid("json");
    const referral = await referTicket(ctxOf(c), {
      reference: ref(c),
      partnerId: body.partnerId,
      email: Boolean(deps.referrals),
      ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
    });
    void deps.referrals?.kick();
    return c.json(
      {
        referral: {
          id: referral.id,
          partnerId: referral.partnerId,
          status: referral.status,
          consent: referral.consent,
          overrideReason: referral.overrideReason,
          createdAt: referral.createdAt.toISOString(),
        },
      },
      201,
    );
  });
  app.post("/tickets/:reference/share-consent", act, validate("json", ShareConsentAction), async (c) => {
    const body = c.req.valid("json");
    const asked = await requestShareConsent(ctxOf(c), {
      reference: ref(c),
      partnerId: body.partnerId,
      outsideSafeTimesConfirmed: body.outsideSafeTimesConfirmed === true,
    });
    if (asked.status === "outside_safe_times") {
      throw new AppError(
        "conflict",
        "It is outside the person's safe-contact times. Send again with outsideSafeTimesConfirmed: true to ask anyway.",
        { reason: "outside_safe_times" },
      );
    }
    return c.json({ status: "asked", partnerId: body.partnerId }, 202);
  });
  app.patch("/tickets/:reference/referrals/:referralId", act, validate("json", ReferralUpdateAction), async (c) => {
    const body = c.req.valid("json");
    const referral = await updateReferral(ctxOf(c), {
      reference: ref(c),
      referralId: c.req.param("referralId"),
      status: body.status,
      ...(body.note ? { note: body.note } : {}),
    });
    return c.json({ referral: { id: referral.id, status: referral.status } });
  });

  app.get("/partners", auth, async (c) => {
    const partners = await listPartners(deps.db, { activeOnly: !can(c.get("caseworker"), "partners.manage") });
    return c.json({
      partners: partners.map(({ createdAt, updatedAt, ...p }) => ({
        ...p,
        createdAt: createdAt.toISOString(),
        updatedAt: updatedAt.toISOString(),
      })),
    });
  });
  app.post("/partners", admin, validate("json", PartnerBody), async (c) => {
    requirePermission(c, "partners.manage");
    const partner = await savePartner(ctxOf(c), c.req.valid("json"));
    return c.json({ partner: { id: partner.id, name: partner.name } }, 201);
  });
  app.put("/partners/:id", admin, validate("json", PartnerBody), async (c) => {
    requirePermission(c, "partners.manage");
    const partner = await savePartner(ctxOf(c), { ...c.req.valid("json"), id: c.req.param("id") });
    return c.json({ partner: { id: partner.id, name: partner.name, active: partner.active } });
  });

  app.get("/caseworkers", admin, async (c) => {
    requirePermission(c, "accounts.manage");
    const rows = await listCaseworkers(deps.db);
    return c.json({
      caseworkers: rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        active: r.active,
        lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
      })),
    });
  });
  app.patch("/caseworkers/:id", admin, validate("json", AccountAction), async (c) => {
    requirePermission(c, "accounts.manage");
    const updated = await manageAccount(ctxOf(c), { caseworkerId: c.req.param("id"), ...c.req.valid("json") });
    return c.json({ caseworker: { id: updated.id, role: updated.role, active: updated.active } });
  });

  app.get(
    "/audit",
    admin,
    validate("query", AuditFilter.extend({ format: z.enum(["json", "csv"]).optional() })),
    async (c) => {
      requirePermission(c, "audit.read");
      const { format, ...filter } = c.req.valid("query");
      const rows = await listAudit(deps.db, filter);
      await recordAuditExport(deps.db, c.get("caseworker").id, { rows: rows.length, format: format ?? "json" });
      if (format === "csv") return c.body(toAuditCsv(rows), 200, { "content-type": "text/csv; charset=utf-8" });
      return c.json({ events: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) });
    },
  );

  return app;
}

function toJson(ticket: Ticket) {
  return {
    reference: ticket.reference,
    type: ticket.type,
    priority: ticket.priority,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    outcome: ticket.outcome,
    closedAt: ticket.closedAt?.toISOString() ?? null,
  };
}
