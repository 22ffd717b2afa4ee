import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { claimTicket } from "../../../src/casework/claim-ticket.ts";
import { requestShareConsent } from "../../../src/casework/request-share-consent.ts";
import { addCaseworker, addTicket } from "../../console/support.ts";
import { startTelegramHarness, texts, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("a caseworker's share question on Telegram", () => {
  test("arrives through the outbox with two buttons; a press is the answer, once", async () => {
    const p = h.person(5_550_101, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    await p.press("consent.accept");
    p.replies();
    const contact = await h.lentera.db.contact.findUniqueOrThrow({
      where: {
        channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey(String(p.chatId)) },
      },
      include: { conversations: true },
    });
    const ticket = await addTicket(h.lentera, contact.conversations[0]!.id, { type: "victim_assistance" });
    const cw = await addCaseworker(h.lentera, "caseworker", "Dewi");
    await claimTicket(cw.ctx, { reference: ticket.reference });
    const partner = await h.lentera.db.partner.findFirstOrThrow({ where: { services: { has: "shelter" } } });

    expect(await requestShareConsent(cw.ctx, { reference: ticket.reference, partnerId: partner.id })).toEqual({
      status: "asked",
    });
    await h.settle();
    const [question] = p.replies();
    expect(question!.text).toContain("Dewi dari tim Lentera");
    expect(question!.text).toContain(partner.name);
    expect(question!.text).toContain("Tempat tinggal aman");
    expect(question!.buttons.map((b) => b.data)).toEqual(["share_ask.yes", "share_ask.no"]);

    expect(texts(await p.press("share_ask.yes")).join("\n")).toContain(`Kasusmu akan kami teruskan ke ${partner.name}`);
    // the same button pressed again (an old keyboard) answers nothing
    await p.press("share_ask.yes", question!.messageId);
    expect(
      await h.lentera.db.consent.findMany({ where: { contactId: contact.id, scope: { startsWith: "share:" } } }),
    ).toMatchObject([{ scope: `share:${partner.id}`, granted: true }]);
    expect(
      await h.lentera.db.ticketEvent.count({ where: { ticketId: ticket.id, type: "share_consent_answered" } }),
    ).toBe(1);
  });
});
