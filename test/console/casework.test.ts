import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseworkError } from "../../src/casework/casework-error.ts";
import { readTicket } from "../../src/casework/read-ticket.ts";
import { manageAccount } from "../../src/casework/manage-account.ts";
import { savePartner } from "../../src/casework/save-partner.ts";
import { EXAMPLE_PARTNERS } from "../../src/domain/partners/seed-partners.ts";
import { addNote } from "../../src/casework/add-note.ts";
import { changeTicketStatus } from "../../src/casework/change-status.ts";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { reassignTicket } from "../../src/casework/reassign-ticket.ts";
import { referTicket, updateReferral } from "../../src/casework/refer-ticket.ts";
import { readReferralForm } from "../../src/casework/referral-form.ts";
import { releaseTicket } from "../../src/casework/release-ticket.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket } from "./support.ts";

const refused = (code: CaseworkError["code"]) => expect.objectContaining({ name: "CaseworkError", code });

/** Casework verbs on a real database: transitions, who may do what, consent to refer, and the audit trail. */
describe("casework", () => {
  let lentera: TestLentera;
  let cw: Awaited<ReturnType<typeof addCaseworker>>;
  let other: Awaited<ReturnType<typeof addCaseworker>>;
  let sup: Awaited<ReturnType<typeof addCaseworker>>;
  let admin: Awaited<ReturnType<typeof addCaseworker>>;
  let partnerId: string;

  beforeAll(async () => {
    lentera = await createTestLentera();
    [cw, other, sup, admin] = [
      await addCaseworker(lentera, "caseworker"),
      await addCaseworker(lentera, "caseworker"),
      await addCaseworker(lentera, "supervisor"),
      await addCaseworker(lentera, "admin"),
    ];
    partnerId = (await lentera.db.partner.findFirstOrThrow()).id;
  });
  afterAll(async () => lentera?.close());

  const newTicket = async (request = {}) => addTicket(lentera, (await addConversation(lentera)).id, request);

  it("seeds the example partners once, on first start", async () => {
    expect(await lentera.db.partner.count()).toBe(EXAMPLE_PARTNERS.length);
  });

  it("moves a ticket new → claimed → in progress → closed with an outcome, and records events and audit", async () => {
    const ticket = await newTicket();
    expect((await claimTicket(cw.ctx, { reference: ticket.reference })).status).toBe("claimed");
    await expect(claimTicket(other.ctx, { reference: ticket.reference })).rejects.toEqual(refused("not_found"));
    expect((await changeTicketStatus(cw.ctx, { reference: ticket.reference, status: "in_progress" })).status).toBe(
      "in_progress",
    );
    await expect(changeTicketStatus(cw.ctx, { reference: ticket.reference, status: "closed" })).rejects.toEqual(
      refused("invalid"),
    );
    const closed = await changeTicketStatus(cw.ctx, {
      reference: ticket.reference,
      status: "closed",
      outcome: "supported",
      outcomeNote: "back home",
    });
    expect(closed).toMatchObject({ status: "closed", outcome: "supported: back home" });
    expect(closed.closedAt).toBeInstanceOf(Date);
    await expect(changeTicketStatus(cw.ctx, { reference: ticket.reference, status: "in_progress" })).rejects.toEqual(
      refused("forbidden"),
    );
    expect((await changeTicketStatus(sup.ctx, { reference: ticket.reference, status: "in_progress" })).status).toBe(
      "in_progress",
    );

    const events = await lentera.db.ticketEvent.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "created",
      "claimed",
      "status_changed",
      "status_changed",
      "status_changed",
    ]);
    const audit = await lentera.db.auditEvent.findMany({
      where: { subjectId: ticket.id, actorType: "caseworker" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "ticket.claimed",
      "ticket.status_changed",
      "ticket.status_changed",
      "ticket.status_changed",
    ]);
  });

  it("refuses each role what it may not do", async () => {
    const ticket = await newTicket();
    await claimTicket(cw.ctx, { reference: ticket.reference });
    // Another caseworker cannot even see it ("not found"), let alone change it.
    for (const attempt of [
      () => releaseTicket(other.ctx, { reference: ticket.reference }),
      () => addNote(other.ctx, { reference: ticket.reference, text: "x" }),
      () => changeTicketStatus(other.ctx, { reference: ticket.reference, status: "in_progress" }),
      () => referTicket(other.ctx, { reference: ticket.reference, partnerId }),
      () => readTicket(other.ctx, ticket.reference),
    ]) {
      await expect(attempt()).rejects.toEqual(refused("not_found"));
    }
    // The holder cannot reassign; a supervisor can.
    await expect(
      reassignTicket(cw.ctx, { reference: ticket.reference, assigneeId: other.caseworker.id }),
    ).rejects.toEqual(refused("forbidden"));
    expect(
      (await reassignTicket(sup.ctx, { reference: ticket.reference, assigneeId: other.caseworker.id })).assigneeId,
    ).toBe(other.caseworker.id);
    await expect(
      reassignTicket(sup.ctx, { reference: ticket.reference, assigneeId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toEqual(refused("invalid"));
    // Partners and accounts are for admins only.
    const partner = {
      name: "New partner",
      services: ["legal"],
      provinces: ["Bali"],
      contact: "x@example.org",
      active: true,
    };
    await expect(savePartner(sup.ctx, partner)).rejects.toEqual(refused("forbidden"));
    await expect(savePartner(cw.ctx, partner)).rejects.toEqual(refused("forbidden"));
    expect((await savePartner(admin.ctx, partner)).name).toBe("New partner");
    await expect(manageAccount(sup.ctx, { caseworkerId: cw.caseworker.id, role: "admin" })).rejects.toEqual(
      refused("forbidden"),
    );
    await expect(manageAccount(admin.ctx, { caseworkerId: admin.caseworker.id, active: false })).rejects.toEqual(
      refused("conflict"),
    );
  });

  it("release puts a ticket back in the queue; a caseworker cannot release another's", async () => {
    const ticket = await newTicket();
    await claimTicket(other.ctx, { reference: ticket.reference });
    await expect(releaseTicket(cw.ctx, { reference: ticket.reference })).rejects.toEqual(refused("not_found"));
    expect(await releaseTicket(sup.ctx, { reference: ticket.reference })).toMatchObject({
      status: "new",
      assigneeId: null,
    });
    expect((await claimTicket(cw.ctx, { reference: ticket.reference })).assigneeId).toBe(cw.caseworker.id);
  });

  it("the referral form shows every safe time the person can choose, late night included", async () => {
    const ticket = await newTicket({ safeContact: { method: "this_chat", time: "night" } });
    const referral = await referTicket(sup.ctx, {
      reference: ticket.reference,
      partnerId,
      overrideReason: "Held by the employer, needs shelter tonight",
    });
    const form = await readReferralForm(sup.ctx, { reference: ticket.reference, referralId: referral.id });
    expect(form.contact).toEqual({ method: "this_chat", time: "night" });
  });

  it("refers only with the person's consent, unless a supervisor overrides with a reason that is logged", async () => {
    const ticket = await newTicket({ consentShare: false });
    await claimTicket(cw.ctx, { reference: ticket.reference });
    await expect(referTicket(cw.ctx, { reference: ticket.reference, partnerId })).rejects.toEqual(refused("forbidden"));
    await expect(
      referTicket(cw.ctx, { reference: ticket.reference, partnerId, overrideReason: "she is in danger tonight" }),
    ).rejects.toEqual(refused("forbidden"));
    await expect(referTicket(sup.ctx, { reference: ticket.reference, partnerId })).rejects.toEqual(refused("invalid"));
    await expect(
      referTicket(sup.ctx, { reference: ticket.reference, partnerId, overrideReason: "short" }),
    ).rejects.toEqual(refused("invalid"));
    const referral = await referTicket(sup.ctx, {
      reference: ticket.reference,
      partnerId,
      overrideReason: "Held by the employer, needs shelter tonight",
    });
    expect(referral).toMatchObject({
      consent: false,
      overrideReason: "Held by the employer, needs shelter tonight",
      status: "pending",
    });
    const audit = await lentera.db.auditEvent.findFirstOrThrow({
      where: { action: "ticket.referred_override", subjectId: ticket.id },
    });
    expect(audit).toMatchObject({
      actorId: sup.caseworker.id,
      meta: { partnerId, referralId: referral.id, override: true },
    });
    // the audit keeps the fact, not the words; the stored reason is sealed under the person's key
    expect(JSON.stringify(audit.meta)).not.toContain("Held by");
    const stored = await lentera.db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(stored.overrideReason).toMatch(/^v2:/);
    expect(stored.overrideReason).not.toContain("Held by");
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("referred");
    expect(
      await updateReferral(cw.ctx, {
        reference: ticket.reference,
        referralId: referral.id,
        status: "accepted",
        note: "bed found",
      }),
    ).toMatchObject({ status: "accepted" });
  });

  it("a share consent the person gave (and did not withdraw) lets the holder refer", async () => {
    const withConsent = await newTicket({ consentShare: true });
    await claimTicket(cw.ctx, { reference: withConsent.reference });
    expect(await referTicket(cw.ctx, { reference: withConsent.reference, partnerId })).toMatchObject({
      consent: true,
      overrideReason: null,
    });

    const withdrawn = await newTicket({ consentShare: true });
    await lentera.db.consent.create({
      data: { contactId: withdrawn.contactId!, scope: "share:any", granted: false, notice: "test" },
    });
    await claimTicket(cw.ctx, { reference: withdrawn.reference });
    await expect(referTicket(cw.ctx, { reference: withdrawn.reference, partnerId })).rejects.toEqual(
      refused("forbidden"),
    );
  });

  it("keeps notes encrypted and audits every read of a ticket", async () => {
    const ticket = await newTicket();
    await claimTicket(cw.ctx, { reference: ticket.reference });
    const note = await addNote(cw.ctx, { reference: ticket.reference, text: "Called her sister, she is safe" });
    expect(note.textEnc).not.toContain("sister");
    const view = await readTicket(cw.ctx, ticket.reference);
    expect(view.notes.map((n) => n.text)).toEqual(["Called her sister, she is safe"]);
    expect(view.allowed).toMatchObject({
      "ticket.reply": true,
      "ticket.reassign": false,
      "ticket.refer_override": false,
    });
    const reads = await lentera.db.auditEvent.count({
      where: { action: "ticket.read", subjectId: ticket.id, actorId: cw.caseworker.id },
    });
    expect(reads).toBe(1);
  });
});
