import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { createReferralMailer, MAX_DISPATCH_ATTEMPTS } from "../../src/casework/send-referrals.ts";
import { referTicket } from "../../src/casework/refer-ticket.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { decodeMail, startSmtpServer } from "../support/start-smtp-server.ts";
import referralEn from "../../locales/en/referral.json" with { type: "json" };
import referralId from "../../locales/id/referral.json" with { type: "json" };
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** A port nothing listens on: an SMTP server that is down. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const decode = decodeMail;

/** Referrals that reach the partner: the minimal bilingual form by email (local SMTP), and printed. */
describe("referral forms by email and on paper", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let lentera: TestLentera;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    lentera = await createTestLentera({ env: { SMTP_URL: smtp.url, SMTP_FROM: "Lentera <lentera@example.org>" } });
  });
  afterAll(async () => {
    await lentera?.close();
    await smtp?.close();
  });

  const partnerWithEmail = async () => {
    const partner = await lentera.db.partner.findFirstOrThrow({ where: { active: true } });
    return lentera.db.partner.update({
      where: { id: partner.id },
      data: { referralEmail: "rujukan@mitra.example.org" },
    });
  };

  it("with consent: the partner gets the minimal form in both languages, never the person's number or words", async () => {
    const partner = await partnerWithEmail();
    const cw = await addCaseworker(lentera, "caseworker", "Rina");
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, {
      type: "victim_assistance",
      consentShare: true,
      needs: ["shelter", "legal"],
      safeContact: { method: "call", time: "evening", number: "+62 812-3456-7890" },
    });
    await claimTicket(cw.ctx, { reference: ticket.reference });
    const client = consoleClient(lentera.app);
    await client.signIn(cw.email);
    await client.get(`/console/tickets/${ticket.reference}`);
    const referred = await client.post(`/console/tickets/${ticket.reference}/referrals`, { partnerId: partner.id });
    expect(referred.res.status).toBe(303);

    for (let i = 0; i < 300 && !smtp.mails.some((m) => decode(m.raw).includes(ticket.reference)); i++)
      await new Promise((r) => setTimeout(r, 100));
    const mail = smtp.mails.find((m) => decode(m.raw).includes(ticket.reference));
    expect(mail?.to).toEqual(["rujukan@mitra.example.org"]);
    const text = decode(mail!.raw);
    expect(text).toContain(`Rujukan ${ticket.reference}`);
    expect(text).toContain(`Referral ${ticket.reference}`);
    expect(text).toContain(partner.name);
    expect(text).toContain("Rina");
    expect(text).toMatch(/rumah aman|shelter/i);
    expect(text).not.toMatch(/3456|7890/);
    const stored = await lentera.db.referral.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(stored).toMatchObject({ dispatch: "sent", dispatchAttempts: 0 });

    // The ticket page says so, and links the printable form (both languages, audited).
    const page = await client.get(`/console/tickets/${ticket.reference}`);
    expect(page.body).toContain('data-dispatch="sent"');
    const printable = await client.get(`/console/tickets/${ticket.reference}/referrals/${stored.id}/form`);
    expect(printable.res.status).toBe(200);
    expect(printable.body).toContain(referralId.privacy);
    expect(printable.body).toContain(referralEn.privacy);
    expect(printable.body).not.toContain("7890");
    expect(await lentera.db.auditEvent.count({ where: { action: "referral.form_viewed", subjectId: ticket.id } })).toBe(
      1,
    );
  });

  it("a referral with consent made through the API is emailed too", async () => {
    const partner = await partnerWithEmail();
    const cw = await addCaseworker(lentera, "caseworker");
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { consentShare: true });
    await claimTicket(cw.ctx, { reference: ticket.reference });
    const res = await lentera.app.request(`/api/tickets/${ticket.reference}/referrals`, {
      method: "POST",
      headers: { authorization: `Bearer ${cw.token}`, "content-type": "application/json" },
      body: JSON.stringify({ partnerId: partner.id }),
    });
    expect(res.status).toBe(201);
    for (let i = 0; i < 300 && !smtp.mails.some((m) => decode(m.raw).includes(ticket.reference)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.filter((m) => decode(m.raw).includes(ticket.reference))).toHaveLength(1);
    expect(await lentera.db.referral.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({
      dispatch: "sent",
    });
  });

  it("without consent (a supervisor's override) nothing is emailed: the referral goes by hand", async () => {
    const partner = await partnerWithEmail();
    const sup = await addCaseworker(lentera, "supervisor");
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { type: "victim_assistance" });
    await claimTicket(sup.ctx, { reference: ticket.reference });
    const before = smtp.mails.length;
    await referTicket(sup.ctx, {
      reference: ticket.reference,
      partnerId: partner.id,
      overrideReason: "Nyawanya terancam, perlu rumah aman malam ini",
      email: true,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.length).toBe(before);
    expect(await lentera.db.referral.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({
      dispatch: "by_hand",
    });
  });

  it("while the mail server is down the email waits and is retried with backoff, then sent once", async () => {
    const partner = await partnerWithEmail();
    const cw = await addCaseworker(lentera, "caseworker");
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { consentShare: true });
    await claimTicket(cw.ctx, { reference: ticket.reference });
    let clock = new Date("2026-12-02T08:00:00Z");
    const common = {
      db: lentera.db,
      cipher: lentera.cipher,
      t: lentera.t,
      now: () => clock,
      log: createLogger({ level: "silent" }),
      from: "x@example.org",
    };
    const down = createReferralMailer({ ...common, smtpUrl: `smtp://127.0.0.1:${await deadPort()}` });
    const referral = await referTicket(cw.ctx, { reference: ticket.reference, partnerId: partner.id, email: true });
    await lentera.db.referral.update({ where: { id: referral.id }, data: { createdAt: clock } });
    await down.kick();
    const failed = await lentera.db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(failed).toMatchObject({ dispatch: "pending", dispatchAttempts: 1 });
    expect(failed.dispatchError).toMatch(/^SMTP /);
    expect(failed.nextDispatchAt!.getTime()).toBe(clock.getTime() + 30_000);
    await down.kick(); // not due yet: nothing is tried
    expect((await lentera.db.referral.findUniqueOrThrow({ where: { id: referral.id } })).dispatchAttempts).toBe(1);
    await down.stop();

    clock = new Date(clock.getTime() + 31_000);
    const up = createReferralMailer({ ...common, smtpUrl: smtp.url });
    const before = smtp.mails.length;
    await up.kick();
    await up.kick();
    await up.stop();
    expect(smtp.mails.length).toBe(before + 1);
    expect(await lentera.db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({
      dispatch: "sent",
    });
    expect(MAX_DISPATCH_ATTEMPTS).toBeGreaterThan(1);
  });
});
