import { z } from "zod";
import { AuditFilter } from "../../casework/list-audit.ts";
import { QueueFilter } from "../../casework/list-queue.ts";
import { PartnerBody } from "./casework-api-schemas.ts";
import {
  AccountAction,
  NoteAction,
  ReassignAction,
  ReferAction,
  ReferralUpdateAction,
  ShareConsentAction,
  ReplyAction,
  StatusAction,
} from "../../casework/casework-action-schemas.ts";
import { STATS_OPENAPI_PATHS } from "../stats-openapi.ts";
import { AssessRequest, AssessResponse } from "../screening-routes.ts";

type Operation = {
  summary: string;
  body?: z.ZodType;
  /** the 200 answer's shape, when documented */
  answer?: z.ZodType;
  query?: z.ZodObject;
  responses?: Record<string, string>;
  role?: "supervisor" | "admin";
  public?: boolean;
};

const REFERENCE = {
  name: "reference",
  in: "path",
  required: true,
  schema: { type: "string" },
  description: "the ticket's reference code",
};
const ID = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });

/** Every route of the API, with its body schema (zod → JSON Schema) and the answers it can give. */
const PATHS: Record<string, Record<string, Operation & { params?: object[] }>> = {
  "/api/me": { get: { summary: "The account the token belongs to" } },
  "/api/queue": {
    get: { summary: "Open tickets you may see, most urgent first then oldest, with counts", query: QueueFilter },
  },
  "/api/screening/assess": {
    post: {
      summary: "Screen a text for trafficking and forced-labour indicators (SCREENING.md); body { text, locale? }",
      body: AssessRequest,
      answer: AssessResponse,
    },
  },
  "/api/tickets": { get: { summary: "Tickets (filters status, priority, type); see the screening issue" } },
  "/api/tickets/{reference}": { get: { summary: "One ticket in full (every read is audited)", params: [REFERENCE] } },
  "/api/tickets/{reference}/claim": {
    post: { summary: "Claim an unassigned ticket", params: [REFERENCE], responses: { "409": "already claimed" } },
  },
  "/api/tickets/{reference}/release": {
    post: { summary: "Give a ticket back to the queue (holder or supervisor); ends a handoff", params: [REFERENCE] },
  },
  "/api/tickets/{reference}/reassign": {
    post: {
      summary: "Give a ticket to another caseworker",
      role: "supervisor",
      body: ReassignAction,
      params: [REFERENCE],
    },
  },
  "/api/tickets/{reference}/status": {
    post: {
      summary: "in_progress, or closed with a required outcome (reopening: supervisor)",
      body: StatusAction,
      params: [REFERENCE],
      responses: { "409": "transition not allowed" },
    },
  },
  "/api/tickets/{reference}/notes": {
    post: {
      summary: "Add an internal note (stored encrypted)",
      body: NoteAction,
      params: [REFERENCE],
      responses: { "201": "created" },
    },
  },
  "/api/tickets/{reference}/messages": {
    get: {
      summary: "The conversation's transcript after a cursor",
      params: [REFERENCE],
      query: z.object({ after: z.string().optional() }),
    },
    post: {
      summary:
        "Write to the person through their channel (the holder only); the first message takes the conversation over",
      body: ReplyAction,
      params: [REFERENCE],
      responses: {
        "201": "stored for delivery",
        "409": "outside the person's safe-contact times (details.reason = outside_safe_times)",
      },
    },
  },
  "/api/tickets/{reference}/hand-back": {
    post: {
      summary: "Hand the conversation back to Lentera; the person is told",
      params: [REFERENCE],
      responses: { "409": "not in a handoff" },
    },
  },
  "/api/tickets/{reference}/referrals": {
    post: {
      summary: "Refer to a partner: needs the person's consent, or a supervisor's overrideReason (≥ 10 characters)",
      body: ReferAction,
      params: [REFERENCE],
      responses: { "201": "created" },
    },
  },
  "/api/tickets/{reference}/share-consent": {
    post: {
      summary:
        "Ask the person, in their channel and language, whether their case may go to this partner (the holder only); their yes or no is recorded as consent share:<partnerId>",
      body: ShareConsentAction,
      params: [REFERENCE],
      responses: {
        "202": "asked (the answer comes later, on the ticket)",
        "409": "outside the person's safe-contact times (details.reason = outside_safe_times), or no conversation",
      },
    },
  },
  "/api/tickets/{reference}/referrals/{referralId}": {
    patch: {
      summary: "Record a referral's outcome",
      body: ReferralUpdateAction,
      params: [REFERENCE, ID("referralId")],
    },
  },
  "/api/partners": {
    get: { summary: "The partner directory" },
    post: { summary: "Add a partner", role: "admin", body: PartnerBody, responses: { "201": "created" } },
  },
  "/api/partners/{id}": { put: { summary: "Change a partner", role: "admin", body: PartnerBody, params: [ID("id")] } },
  "/api/caseworkers": { get: { summary: "Accounts", role: "admin" } },
  "/api/caseworkers/{id}": {
    patch: {
      summary: "Change an account's role or switch it off",
      role: "admin",
      body: AccountAction,
      params: [ID("id")],
    },
  },
  "/api/audit": {
    get: {
      summary: "The audit log, newest first; format=csv to export",
      role: "admin",
      query: AuditFilter.extend({ format: z.enum(["json", "csv"]).optional() }),
    },
  },
  "/api/openapi.json": { get: { summary: "This document", public: true } },
  ...STATS_OPENAPI_PATHS,
};

const ERROR = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
      required: ["code", "message"],
    },
  },
};

/** The OpenAPI 3.1 description of the caseworker API, built from the same zod schemas that validate it. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, operations] of Object.entries(PATHS)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(operations)) {
      const queryParams = op.query
        ? Object.entries(
            (
              z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" }) as {
                properties?: Record<string, object>;
              }
            ).properties ?? {},
          ).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
        : [];
      paths[path]![method] = {
        summary: op.summary + (op.role ? ` (${op.role} role)` : ""),
        ...(op.public ? { security: [] } : {}),
        parameters: [...(op.params ?? []), ...queryParams],
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) },
                },
              },
            }
          : {}),
        responses: {
          "200": {
            description: "OK",
            ...(op.answer
              ? { content: { "application/json": { schema: z.toJSONSchema(op.answer, { unrepresentable: "any" }) } } }
              : {}),
          },
          ...Object.fromEntries(
            Object.entries(op.responses ?? {}).map(([status, description]) => [status, { description }]),
          ),
          ...(op.public
            ? {}
            : {
                "400": { description: "invalid input", content: { "application/json": { schema: ERROR } } },
                "401": { description: "no or bad token", content: { "application/json": { schema: ERROR } } },
                "403": { description: "your role may not do this", content: { "application/json": { schema: ERROR } } },
                "404": {
                  description: "no such ticket that you can see",
                  content: { "application/json": { schema: ERROR } },
                },
              }),
        },
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Lentera caseworker API",
      version: "1",
      description:
        "The console's actions for integrations. Authenticate with a personal API token (npm run cli -- caseworker add …) as 'Authorization: Bearer <token>'. Roles: caseworker (queue, own claims), supervisor (all tickets, reassign, referral override), admin (accounts, partners, audit). Every error is { error: { code, message } }.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths,
  };
}
