import { expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { saveCaseworker } from "../../src/casework/save-caseworker.ts";
import { describeBrowser, fixedPart, readLocale, useBrowserHarness } from "../support/browser.ts";
import { openSite, screenshotConsole, signInToConsole } from "../support/console-browser.ts";
import { addTicket } from "../console/support.ts";

/**
 * In a real Chromium, in Indonesian: a person in the web chat (phone) and a caseworker in the console
 * (laptop). The caseworker finds the ticket by its reference, asks for consent for a named partner, the
 * person taps "Ya, boleh" in the chat, the ticket page shows the answer without a reload; the caseworker
 * records a service; an admin sees the searches and the ticket reads in the audit log.
 */

// The web chat polls every 3 s: its clock is run forward, not waited out. The console's live stream looks
// again every 100 ms here (5 s in production) when nothing woke it.
const CHAT_POLL_MS = 3_000;
const PASSWORD = "kata sandi yang panjang";
const ui = readLocale<{
  nav: { search: string };
  ticket: { share_ask_submit: string };
  flash: { share_asked: string; case_saved: string };
}>("id", "console");
const wd = readLocale<{
  search: { q: string; submit: string };
  case: { add_service: string; save_service: string; service: Record<string, string>; status: Record<string, string> };
}>("id", "workday");
const chat = readLocale<{ consent: { accept: string }; menu: { ask: string } }>("id", "chat");
const handoff = readLocale<{ share_ask: { yes: string; thanks_yes: string } }>("id", "handoff");
const web = readLocale<{ start: { button: string } }>("id", "web");

describeBrowser(
  "asking for consent in the web chat, recording a service, the audit log (browser, Indonesian)",
  { timeout: 120_000 },
  () => {
    const h = useBrowserHarness(90_000, { liveCheckMs: 100 });

    it("search by reference → ask for consent → the person taps 'Ya, boleh' → a service recorded → every read audited", async () => {
      const lentera = h.server.lentera;
      const { caseworker } = await saveCaseworker(
        lentera.db,
        { email: "dewi@example.org", name: "Dewi Lestari", role: "caseworker", password: PASSWORD },
        { type: "cli" },
      );
      await saveCaseworker(
        lentera.db,
        { email: "admin@example.org", name: "Admin", role: "admin", password: PASSWORD },
        { type: "cli" },
      );
      const shelter = await lentera.db.partner.findFirstOrThrow({ where: { services: { has: "shelter" } } });

      // The person opens the web chat and agrees to the notice.
      const person = await openSite(h.browser, h.server.url, { lang: "id", device: "phone" });
      await person.page.goto(h.server.url);
      await person.page.getByRole("button", { name: web.start.button }).click();
      await person.page.locator("#choices").getByRole("button", { name: chat.consent.accept, exact: true }).click();
      await person.page.locator("#log .message--bot", { hasText: fixedPart(chat.menu.ask) }).waitFor();
      const conversationId = await person.page.evaluate(
        () =>
          Object.keys(sessionStorage)
            .map((key) => JSON.parse(sessionStorage.getItem(key) ?? "{}") as { conversationId?: string })
            .find((value) => value.conversationId)?.conversationId ?? "",
      );
      const ticket = await addTicket(lentera, conversationId, { type: "victim_assistance", needs: ["shelter"] });
      await claimTicket(
        { db: lentera.db, cipher: lentera.cipher, t: lentera.t, now: () => new Date(), actor: caseworker },
        { reference: ticket.reference },
      );

      // Dewi finds the ticket by its reference (typed in lower case) and asks about the shelter.
      const dewi = await openSite(h.browser, h.server.url, { lang: "id" });
      const page = dewi.page;
      await signInToConsole(page, h.server.url, "id", "dewi@example.org", PASSWORD);
      await page.getByRole("link", { name: ui.nav.search }).click();
      await page.getByLabel(wd.search.q).fill(ticket.reference.toLowerCase());
      await page.getByRole("button", { name: wd.search.submit, exact: true }).click();
      await page.getByRole("link", { name: ticket.reference }).click();
      await page.waitForURL(`**/console/tickets/${ticket.reference}`);
      await page.locator("#share-partner").selectOption(shelter.id);
      await page.getByRole("button", { name: ui.ticket.share_ask_submit }).click();
      await page.getByRole("status").filter({ hasText: ui.flash.share_asked }).waitFor();
      // The ticket page's own clock stops here: its transcript poll never comes round again, so what follows
      // reaches the page through the live stream alone.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);

      // The question reaches the web chat at its next poll; the person taps yes and is thanked.
      await person.page.clock.runFor(CHAT_POLL_MS);
      await person.page.locator("#log .message--bot", { hasText: "Dewi dari tim Lentera" }).waitFor();
      await person.page.locator("#log .message--bot", { hasText: shelter.name }).waitFor();
      await person.page.locator("#choices").getByRole("button", { name: handoff.share_ask.yes, exact: true }).click();
      await person.page.locator("#log .message--bot", { hasText: fixedPart(handoff.share_ask.thanks_yes) }).waitFor();

      // The ticket page shows the answer at once: the live stream tells it the person wrote, it reads the
      // transcript and swaps in the referrals card.
      await page.locator('[data-share-ask="granted"]').waitFor();
      await page.clock.resume();
      expect(await page.locator("#partner-consented option").allTextContents()).toEqual([shelter.name]);

      // Record a service: the shelter, ongoing, with the partner.
      await page.getByText(wd.case.add_service).click();
      const service = page.locator('form[action$="/services"]');
      await service.locator('select[name="service"]').selectOption("shelter");
      await service.locator('select[name="status"]').selectOption("ongoing");
      await service.locator('select[name="partnerId"]').selectOption(shelter.id);
      await service.getByRole("button", { name: wd.case.save_service }).click();
      await page.getByRole("status").filter({ hasText: ui.flash.case_saved }).waitFor();
      await page
        .locator("#h-casework ~ ul li", { hasText: `${wd.case.service.shelter} · ${wd.case.status.ongoing}` })
        .waitFor();
      await screenshotConsole(page, "id-consent-and-service");

      // The admin's audit log lists Dewi's search and her reads of the ticket.
      const admin = await openSite(h.browser, h.server.url, { lang: "id" });
      await signInToConsole(admin.page, h.server.url, "id", "admin@example.org", PASSWORD);
      for (const action of ["tickets.search", "ticket.read", "ticket.share_consent_requested", "consent.granted"]) {
        await admin.page.goto(`${h.server.url}/console/admin/audit?action=${action}`);
        const rows = admin.page.locator("tbody tr", { hasText: action });
        await rows.first().waitFor();
        // who (the account's email) and, for a ticket, which one; a consent is the person's own
        if (action === "consent.granted") continue;
        expect(await rows.filter({ hasText: "dewi@example.org" }).count()).toBeGreaterThan(0);
        if (action !== "tickets.search")
          expect(await rows.filter({ hasText: ticket.reference }).count()).toBeGreaterThan(0);
      }
      await screenshotConsole(admin.page, "id-audit-reads");

      for (const site of [person, dewi, admin]) {
        expect(site.foreignRequests()).toEqual([]);
        await site.context.close();
      }
    });
  },
);
