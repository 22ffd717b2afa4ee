import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessText } from "../../src/domain/screening/index.ts";
import { toScreeningTranslate } from "../../src/engine/screening-translate.ts";
import consoleEn from "../../locales/en/console.json" with { type: "json" };
import consoleId from "../../locales/id/console.json" with { type: "json" };
import screeningEn from "../../locales/en/screening.json" with { type: "json" };
import screeningId from "../../locales/id/screening.json" with { type: "json" };
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** The text a caseworker reads on the page: tags and their attributes left out, entities decoded. */
const visibleText = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** The ticket page's assessment card: indicators by name in the caseworker's language, evidence, little understood. */
describe("the ticket page's assessment card", () => {
  let lentera: TestLentera;
  let client: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    lentera = await createTestLentera();
    const { email } = await addCaseworker(lentera, "supervisor");
    client = consoleClient(lentera.app);
    await client.signIn(email);
  });
  afterAll(async () => lentera?.close());

  const ticketFor = async (text: string) => {
    const assessment = assessText({ text }, toScreeningTranslate(lentera.t));
    const conversation = await addConversation(lentera);
    return { assessment, ticket: await addTicket(lentera, conversation.id, { type: "victim_assistance", assessment }) };
  };
  const card = async (reference: string, lang: "id" | "en") => {
    await client.post("/console/language", { lang });
    const page = await client.get(`/console/tickets/${reference}`);
    expect(page.res.status).toBe(200);
    const html = page.body.slice(page.body.indexOf('id="h-assessment"'));
    return html.slice(0, html.indexOf("</section>"));
  };

  it("names each indicator in the caseworker's language, never by its id, with the words that say it", async () => {
    const { assessment, ticket } = await ticketFor("majikan mau mukul sy skrg, tolong. paspor sy juga ditahan");
    const ids = assessment.indicators.map((hit) => hit.id);
    expect(ids).toEqual(expect.arrayContaining(["FL-06-violence", "FL-01-documents"]));

    const id = visibleText(await card(ticket.reference, "id"));
    expect(id).toContain(screeningId.indicator["FL-06-violence"]);
    expect(id).toContain(screeningId.indicator["FL-01-documents"]);
    expect(id).toContain(consoleId.ticket.strength.strong);
    expect(id).toContain("mukul");
    expect(id).toContain("paspor");
    for (const hit of ids) expect(id).not.toContain(hit);
    expect(id).not.toContain(consoleId.ticket.little_understood_language);

    const en = visibleText(await card(ticket.reference, "en"));
    expect(en).toContain(screeningEn.indicator["FL-06-violence"]);
    expect(en).toContain(screeningEn.indicator["FL-01-documents"]);
    for (const hit of ids) expect(en).not.toContain(hit);
  });

  it("warns when screening does not read the message's language", async () => {
    const { assessment, ticket } = await ticketFor(
      "Tulungan mo ako, hindi ako makaalis sa bahay ng amo ko, kinuha niya ang pasaporte ko",
    );
    expect(assessment.littleUnderstood).toBe(true);
    const html = await card(ticket.reference, "id");
    expect(html).toContain("data-little-understood");
    expect(visibleText(html)).toContain(consoleId.ticket.little_understood_language);
  });

  it("warns with the count of known words when a long message was mostly unknown words", async () => {
    const { assessment, ticket } = await ticketFor(
      "punten, abdi bapana Siti ti Cianjur. Siti angkat ka Saudi genep taun kaliwat, ti harita teu aya beja, teu tiasa dihubungi deui",
    );
    expect(assessment.understanding.languageRead).toBe(true);
    const { words, knownWords } = assessment.understanding;
    const en = visibleText(await card(ticket.reference, "en"));
    expect(en).toContain(
      consoleEn.ticket.little_understood_words
        .replace("{{known}}", String(knownWords))
        .replace("{{words}}", String(words)),
    );
  });
});
