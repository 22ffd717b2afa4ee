import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "./telegram-harness.ts";

const GROUP = -1001234567890;
let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ env: { TELEGRAM_CASEWORKER_CHAT_ID: String(GROUP), PUBLIC_URL: "https://lentera.example.org" } });
});
afterAll(async () => {
  await h?.close();
});

describe("alerts in the caseworker group", () => {
  test("an emergency in a chat posts a redacted urgent alert with a button to the console", async () => {
    const p = h.person(9001, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    await p.press("consent.accept");
    await p.say("Nama saya Siti, nomor saya 081234567890. Tolong, saya dikurung majikan di kamar belakang");
    const [alert] = await h.api.waitFor(() => {
      const sent = h.botMessages(GROUP);
      return sent.length ? sent : undefined;
    });
    const ticket = await h.lentera.db.ticket.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const t = h.lentera.t;
    expect(alert!.text).toContain(t("id", "telegram:alert.title_urgent"));
    expect(alert!.text).toContain(ticket.reference);
    expect(alert!.text).toContain(t("id", "telegram:alert.languages.id"));
    expect(alert!.text).toContain(t("id", "screening:indicator.EM-01-held-now"));
    expect(alert!.text).not.toMatch(/Siti|0812|majikan|kamar belakang/);
    expect(alert!.buttons).toEqual([{ text: t("id", "telegram:alert.open"), url: `https://lentera.example.org/console/tickets/${ticket.reference}` }]);
  });

  test("normal and low tickets are not posted; a failed post is retried", async () => {
    const before = h.botMessages(GROUP).length;
    h.lentera.events.publish({ type: "ticket.opened", ticketId: "t1", reference: "LTR-TEST-1", ticketType: "family_tracing", priority: "normal", locale: "en", channel: "web", indicatorIds: [] });
    h.api.failNext("sendMessage", { status: 500 });
    h.lentera.events.publish({ type: "ticket.opened", ticketId: "t2", reference: "LTR-TEST-2", ticketType: "victim_assistance", priority: "high", locale: "en", channel: "web", indicatorIds: ["FL-01-documents"] });
    const sent = await h.api.waitFor(() => {
      const all = h.botMessages(GROUP);
      return all.length > before ? all.slice(before) : undefined;
    }, 15_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("LTR-TEST-2");
    expect(sent[0]!.text).toContain(h.lentera.t("id", "telegram:alert.title_high"));
    expect(sent[0]!.text).toContain(h.lentera.t("id", "screening:indicator.FL-01-documents"));
    expect(h.api.callsOf("sendMessage", GROUP).filter((c) => c.status === 500)).toHaveLength(1);
  });

  test("messages from the caseworker group are not treated as a person's chat", async () => {
    const before = await h.lentera.db.contact.count();
    const res = await h.post({ update_id: 991001, message: { message_id: 77, date: 1, chat: { id: GROUP, type: "supergroup", title: "Caseworkers" }, from: { id: 42, is_bot: false, first_name: "Maya" }, text: "/start" } });
    expect(res.status).toBe(200);
    await h.settle();
    expect(await h.lentera.db.contact.count()).toBe(before);
  });
});
