import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from "./hash-password.ts";
import { can } from "./permissions.ts";
import { endAllSessions } from "./sessions.ts";

/** An invitation is good for a week, a password reset for a day; either works once. */
export const INVITE_VALID_MS = 7 * 24 * 3600_000;
export const RESET_VALID_MS = 24 * 3600_000;

export type AccountLinkPurpose = "invite" | "reset";

export const Password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

/** Who an admin invites: the account is created without a password; the person sets their own. */
export const InviteInput = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(120),
  role: z.enum(["caseworker", "supervisor", "admin"]),
});
export type InviteInput = z.infer<typeof InviteInput>;

/**
 * An admin invites a new caseworker: the account exists at once (without a password) and a one-time link
 * lets the person choose their own password. The link's token is returned once; only its hash is kept.
 */
export async function inviteCaseworker(
  ctx: CaseworkContext,
  input: InviteInput,
): Promise<{ caseworker: Caseworker; token: string }> {
  requireAdmin(ctx);
  const data = InviteInput.parse(input);
  const email = data.email.trim().toLowerCase();
  return ctx.db.$transaction(async (tx) => {
    if (await tx.caseworker.findUnique({ where: { email } }))
      throw new CaseworkError("conflict", "An account with this email exists already.", "errors.email_taken");
    const caseworker = await tx.caseworker.create({
      data: { email, name: data.name, role: data.role, passwordHash: null },
    });
    const token = await createLink(tx, caseworker.id, "invite", ctx);
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "caseworker.invited",
      subjectType: "caseworker",
      subjectId: caseworker.id,
      meta: { role: caseworker.role },
    });
    return { caseworker, token };
  });
}

/**
 * An admin resets someone's password: the old password stops working, every session of the account ends,
 * and a one-time link (valid a day) lets the person set a new one.
 */
export async function resetPassword(ctx: CaseworkContext, input: { caseworkerId: string }): Promise<string> {
  requireAdmin(ctx);
  return ctx.db.$transaction(async (tx) => {
    const target = await tx.caseworker.findUnique({ where: { id: input.caseworkerId } });
    if (!target) throw new CaseworkError("not_found", "No such account.", "errors.no_such_caseworker");
    await tx.caseworker.update({ where: { id: target.id }, data: { passwordHash: null } });
    await endAllSessions(tx, target.id);
    const token = await createLink(tx, target.id, "reset", ctx);
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "caseworker.password_reset",
      subjectType: "caseworker",
      subjectId: target.id,
    });
    return token;
  });
}

/** An admin signs an account out of every browser (a lost phone, a shared computer). */
export async function signOutEverywhere(ctx: CaseworkContext, input: { caseworkerId: string }): Promise<void> {
  requireAdmin(ctx);
  await ctx.db.$transaction(async (tx) => {
    const target = await tx.caseworker.findUnique({ where: { id: input.caseworkerId } });
    if (!target) throw new CaseworkError("not_found", "No such account.", "errors.no_such_caseworker");
    await endAllSessions(tx, target.id);
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "caseworker.signed_out",
      subjectType: "caseworker",
      subjectId: target.id,
    });
  });
}

/** What a one-time link is for, while it is valid; null for an unknown, used or expired link. */
export async function readAccountLink(
  db: Db,
  token: string,
  now: Date,
): Promise<{ purpose: AccountLinkPurpose; name: string; email: string } | null> {
  const link = await db.accountLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { caseworker: { select: { name: true, email: true, active: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || !link.caseworker.active) return null;
  return {
    purpose: link.purpose === "reset" ? "reset" : "invite",
    name: link.caseworker.name,
    email: link.caseworker.email,
  };
}

/**
 * The person behind a one-time link sets their password. The link is used up in the same transaction
 * (a second use, even at the same moment, fails), and any session of the account ends.
 */
export async function useAccountLink(
  db: Db,
  input: { token: string; password: string },
  now: Date,
): Promise<{ status: "done"; email: string } | { status: "invalid_link" } | { status: "weak_password" }> {
  if (!Password.safeParse(input.password).success) return { status: "weak_password" };
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({
      where: { tokenHash: hashLinkToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { status: "invalid_link" as const };
    const link = await tx.accountLink.findUniqueOrThrow({
      where: { tokenHash: hashLinkToken(input.token) },
      include: { caseworker: true },
    });
    if (!link.caseworker.active)
      throw new CaseworkError("forbidden", "This account is switched off.", "errors.forbidden");
    await tx.caseworker.update({ where: { id: link.caseworkerId }, data: { passwordHash } });
    await tx.accountLink.updateMany({
      where: { caseworkerId: link.caseworkerId, usedAt: null },
      data: { usedAt: now },
    });
    await endAllSessions(tx, link.caseworkerId);
    await recordAudit(tx, {
      actor: { type: "caseworker", id: link.caseworkerId },
      action: link.purpose === "reset" ? "caseworker.password_set_after_reset" : "caseworker.invitation_accepted",
      subjectType: "caseworker",
      subjectId: link.caseworkerId,
    });
    return { status: "done" as const, email: link.caseworker.email };
  });
}

/** A caseworker changes their own password; the current one is asked again. Other sessions end. */
export async function changeOwnPassword(
  ctx: CaseworkContext,
  input: { current: string; next: string; keepSessionId: string },
): Promise<{ status: "changed" } | { status: "wrong_password" } | { status: "weak_password" }> {
  if (!Password.safeParse(input.next).success) return { status: "weak_password" };
  const me = await ctx.db.caseworker.findUnique({ where: { id: ctx.actor.id } });
  if (!me || !(await verifyPassword(input.current, me.passwordHash))) return { status: "wrong_password" };
  const passwordHash = await hashPassword(input.next);
  await ctx.db.$transaction(async (tx) => {
    await tx.caseworker.update({ where: { id: me.id }, data: { passwordHash } });
    await tx.caseworkerSession.deleteMany({ where: { caseworkerId: me.id, id: { not: input.keepSessionId } } });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: me.id },
      action: "caseworker.password_changed",
      subjectType: "caseworker",
      subjectId: me.id,
    });
  });
  return { status: "changed" };
}

function requireAdmin(ctx: CaseworkContext): void {
  if (!can(ctx.actor, "accounts.manage"))
    throw new CaseworkError("forbidden", "Only an admin can manage accounts.", "errors.denied.accounts.manage");
}

async function createLink(
  tx: Pick<Db, "accountLink">,
  caseworkerId: string,
  purpose: AccountLinkPurpose,
  ctx: CaseworkContext,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // A new link replaces any unused one of the same account.
  await tx.accountLink.updateMany({ where: { caseworkerId, usedAt: null }, data: { usedAt: ctx.now() } });
  await tx.accountLink.create({
    data: {
      tokenHash: hashLinkToken(token),
      caseworkerId,
      purpose,
      createdById: ctx.actor.id,
      expiresAt: new Date(ctx.now().getTime() + (purpose === "invite" ? INVITE_VALID_MS : RESET_VALID_MS)),
    },
  });
  return token;
}

function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
