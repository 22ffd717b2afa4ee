import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sendCaseworkerMessage } from "../../../src/domain/handoff/send-caseworker-message.ts";
import { claimTicket } from "../../../src/domain/tickets/claim-ticket.ts";
import { addCaseworker, addTicket } from "../../console/support.ts";
import { lastButtons, startTelegramHarness, texts, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("handoff on Telegram", () => {
  test("a caseworker's reply from the console reaches the person, and the person's answers reach the caseworker", async () => {
    const t = h.lentera.t;
    const p = h.person(9301, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    await p.press("consent.accept");
    p.replies();
    const contact = await h.lentera.db.contact.findUniqueOrThrow({ where: { channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey("9301") } }, include: { conversations: true } });
    const conversationId = contact.conversations[0]!.id;
    const ticket = await addTicket(h.lentera, conversationId);
    const { ctx } = await addCaseworker(h.lentera, "caseworker", "Maya Lestari");
    await claimTicket(ctx, { reference: ticket.reference });
    expect(await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Halo, saya Maya. Apakah kamu aman sekarang?" })).toMatchObject({ status: "sent" });
    await h.settle();
    const received = p.replies();
    expect(texts(received)).toEqual([t("id", "handoff:joined", { name: "Maya" }), `${t("id", "telegram:caseworker_label")}\nHalo, saya Maya. Apakah kamu aman sekarang?`]);

    // the person's answer goes to the caseworker, not to the bot
    expect(await p.say("Iya, saya aman. Bos ambil paspor saya")).toEqual([]);
    const last = await h.lentera.db.message.findFirstOrThrow({ where: { conversationId, direction: "inbound" }, orderBy: { seq: "desc" } });
    expect(h.lentera.cipher.decryptJson(last.bodyEnc)).toMatchObject({ text: "Iya, saya aman. Bos ambil paspor saya" });

    // "menu" asks before leaving the caseworker; the buttons work like everywhere else
    const asked = await p.say("/menu");
    expect(lastButtons(asked)).toEqual(["handoff.stay", "handoff.leave"]);
    expect(texts(await p.press("handoff.stay"))).toEqual([t("id", "handoff:staying")]);
  });
});
