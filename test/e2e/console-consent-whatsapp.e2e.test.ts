import { afterAll, beforeAll, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { saveCaseworker } from "../../src/casework/save-caseworker.ts";
import { describeBrowser, readLocale, startBrowserHarness, type BrowserHarness } from "../support/browser.ts";
import { openSite, screenshotConsole, signInToConsole } from "../support/console-browser.ts";
import { decodeMail, startSmtpServer } from "../support/start-smtp-server.ts";
import { addTicket } from "../console/support.ts";
import { createFakeWhatsApp, text } from "../channels/whatsapp/fake-whatsapp.ts";
import { FAST_WHATSAPP, until } from "../channels/whatsapp/support.ts";

/**
 * In the Indonesian console, in a real Chromium: a caseworker finds a person's ticket by their WhatsApp
 * number (through the keyed hash), asks them from the ticket whether their case may go to a named partner,
 * the person says "iya boleh" on WhatsApp, the ticket page shows the answer without a reload, and the
 * referral with consent is emailed to the partner — caught by a local SMTP server.
 */

const TRANSCRIPT_POLL_MS = 4_000;
const PASSWORD = "kata sandi yang panjang";
const JID = "6281234567890@s.whatsapp.net";
const ui = readLocale<{
  nav: { search: string };
  ticket: { share_ask_submit: string; refer: string; with_consent: string };
}>("id", "console");
const wd = readLocale<{ search: { q: string; submit: string; match: { phone: string } } }>("id", "workday");
const flash = readLocale<{ flash: { share_asked: string; referred: string } }>("id", "console").flash;

describeBrowser(
  "asking for consent and referring by email, found by phone number (browser, Indonesian)",
  { timeout: 120_000 },
  () => {
    let h: BrowserHarness & { close(): Promise<void> };
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    const wa = createFakeWhatsApp();
    beforeAll(async () => {
      smtp = await startSmtpServer();
      h = await startBrowserHarness({
        env: { SMTP_URL: smtp.url, SMTP_FROM: "Lentera <lentera@example.org>", WHATSAPP_ENABLED: "true" },
        whatsappSocketFactory: wa.factory,
        // WhatsApp's real pace is a second between messages to a chat: the person's six replies would wait it out
        whatsappTimings: FAST_WHATSAPP,
      });
      await until(() => wa.sockets.length === 1, "the WhatsApp socket");
      wa.current().open();
      await until(() => h.server.lentera.getWhatsAppStatus().state === "open", "WhatsApp open");
    }, 90_000);
    afterAll(async () => {
      await h?.close();
      await smtp?.close();
    });

    it("search by WhatsApp number → ask for consent → 'iya boleh' on WhatsApp → refer with consent → the email arrives", async () => {
      const lentera = h.server.lentera;
      const { caseworker } = await saveCaseworker(
        lentera.db,
        { email: "rina@example.org", name: "Rina Wati", role: "caseworker", password: PASSWORD },
        { type: "cli" },
      );
      const legal = await lentera.db.partner.findFirstOrThrow({ where: { services: { has: "legal" } } });
      await lentera.db.partner.update({ where: { id: legal.id }, data: { referralEmail: "rujukan@lbh.example.org" } });

      // The person writes on WhatsApp, chooses Indonesian and agrees to the notice.
      for (const [body, total] of [
        ["halo", 1],
        ["1", 3],
        ["setuju", 5],
      ] as const) {
        wa.current().upsert([text(JID, body)]);
        await until(() => wa.textsTo(JID).length >= total, `${total} messages on WhatsApp`);
      }
      const contact = await lentera.db.contact.findUniqueOrThrow({
        where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(JID) } },
        include: { conversations: true },
      });
      const ticket = await addTicket(lentera, contact.conversations[0]!.id, {
        type: "victim_assistance",
        needs: ["legal"],
      });
      await claimTicket(
        { db: lentera.db, cipher: lentera.cipher, t: lentera.t, now: () => new Date(), actor: caseworker },
        { reference: ticket.reference },
      );

      const rina = await openSite(h.browser, h.server.url, { lang: "id" });
      const page = rina.page;
      await signInToConsole(page, h.server.url, "id", "rina@example.org", PASSWORD);

      // The person phones in: Rina types their number as they say it.
      await page.getByRole("link", { name: ui.nav.search }).click();
      await page.getByLabel(wd.search.q).fill("0812-3456-7890");
      await page.getByRole("button", { name: wd.search.submit, exact: true }).click();
      await page.getByRole("cell", { name: wd.search.match.phone }).waitFor();
      await page.getByRole("link", { name: ticket.reference }).click();
      await page.waitForURL(`**/console/tickets/${ticket.reference}`);

      // Ask for consent for the legal-aid partner: the question reaches the person's WhatsApp.
      await page.locator("#share-partner").selectOption(legal.id);
      await page.getByRole("button", { name: ui.ticket.share_ask_submit }).click();
      await page.getByRole("status").filter({ hasText: flash.share_asked }).waitFor();
      await expect.poll(() => page.locator('[data-share-ask="pending"]').count()).toBe(1);
      await until(() => wa.textsTo(JID).some((t) => t.includes(legal.name)), "the question on WhatsApp", 15_000);
      const question = wa.textsTo(JID).find((t) => t.includes(legal.name))!;
      expect(question).toContain("Rina dari tim Lentera");
      expect(question).toMatch(/\n1\. Ya, boleh\n2\. Jangan dulu/);
      await screenshotConsole(page, "id-share-asked");

      // The person answers; the ticket page shows it at its next transcript poll, without a reload.
      wa.current().upsert([text(JID, "iya boleh")]);
      await until(
        async () =>
          (await lentera.db.consent.count({ where: { contactId: contact.id, scope: `share:${legal.id}` } })) === 1,
        "the consent",
      );
      await page.clock.runFor(TRANSCRIPT_POLL_MS);
      await page.locator('[data-share-ask="granted"]').waitFor();
      await page.locator("#transcript").getByText("iya boleh").waitFor();

      // Refer with consent: the referral form is emailed to the partner.
      await page.locator("#partner-consented").selectOption(legal.id);
      await page.getByRole("button", { name: `${ui.ticket.refer} · ${ui.ticket.with_consent}` }).click();
      await page.getByRole("status").filter({ hasText: flash.referred }).waitFor();
      await until(
        () => smtp.mails.some((m) => decodeMail(m.raw).includes(ticket.reference)),
        "the referral email",
        15_000,
      );
      const mail = smtp.mails.find((m) => decodeMail(m.raw).includes(ticket.reference))!;
      expect(mail.to).toEqual(["rujukan@lbh.example.org"]);
      expect(decodeMail(mail.raw)).toContain(`Rujukan ${ticket.reference}`);
      expect(decodeMail(mail.raw)).not.toMatch(/3456.?7890/);
      await page.reload();
      await page.locator('[data-dispatch="sent"]').waitFor();
      await screenshotConsole(page, "id-referred-by-email");

      expect(rina.foreignRequests()).toEqual([]);
      await rina.context.close();
    });
  },
);
