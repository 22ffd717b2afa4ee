import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** Safe contact times on the ticket page: the person's clock and the caseworker's, side by side. */
describe("safe contact times in the console", () => {
  let lentera: TestLentera;
  // 12:00 UTC: 15:00 in Riyadh, 19:00 in Jakarta
  const clock = new Date("2026-11-29T12:00:00Z");
  beforeAll(async () => {
    lentera = await createTestLentera({ now: () => clock });
  });
  afterAll(async () => lentera?.close());

  async function page(lang: "id" | "en", request: Parameters<typeof addTicket>[2]) {
    const ticket = await addTicket(lentera, (await addConversation(lentera, lang)).id, request);
    const { email } = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    if (lang === "en") await client.post("/console/language", { lang: "en" });
    return (await client.get(`/console/tickets/${ticket.reference}`)).body;
  }

  it("a person in Riyadh who asked for evenings: both clocks and the window on both, no raw zone id", async () => {
    const body = await page("id", {
      type: "victim_assistance",
      country: "SA",
      safeContact: { method: "this_chat", time: "evening", timeZone: "Asia/Riyadh" },
    });
    expect(body).toContain("Jam di tempatnya sekarang: 15:00 (Riyadh, UTC+3). Jam Anda: 19:00 (Jakarta, UTC+7).");
    expect(body).toContain("18:00–22:00 jam dia = 22:00–02:00 jam Anda");
    expect(body).toContain("Zona waktu");
    expect(body).not.toContain("Asia/Riyadh");
    // where the person is, by the country's name
    expect(body).toContain("· Saudi Arabia");
  });

  it("times stored without a zone are read in the person's country's zone", async () => {
    const body = await page("id", {
      type: "victim_assistance",
      country: "MY",
      safeContact: { method: "this_chat", time: "night" },
    });
    expect(body).toContain("Jam di tempatnya sekarang: 20:00 (Kuala Lumpur, UTC+8). Jam Anda: 19:00 (Jakarta, UTC+7).");
    expect(body).toContain("22:00–00:00 jam dia = 21:00–23:00 jam Anda");
    expect(body).toContain("tengah malam");
  });

  it("a person in Indonesia: one clock, said to be the same", async () => {
    const body = await page("id", {
      type: "victim_assistance",
      country: "ID",
      safeContact: { method: "this_chat", time: "any" },
    });
    expect(body).toContain("Jam di tempatnya sekarang: 19:00 (Jakarta, UTC+7), sama dengan jam Anda.");
  });
});
