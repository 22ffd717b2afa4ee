import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newApiToken } from "../../src/casework/api-tokens.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices } from "../support/webchat-client.ts";
import { consentedChat, REFERENCE, ticketsOf } from "./flow-support.ts";

let lentera: TestLentera;
let token: string;
beforeAll(async () => {
  lentera = await createTestLentera();
  const api = newApiToken();
  token = api.token;
  await lentera.db.caseworker.create({
    data: {
      email: "report@example.org",
      name: "Rina",
      role: "caseworker",
      apiTokenHash: api.hash,
      apiTokenScopes: ["read", "casework"],
      apiTokenExpiresAt: new Date(Date.now() + 24 * 3600_000),
    },
  });
});
afterAll(() => lentera?.close());

type Chat = Awaited<ReturnType<typeof consentedChat>>;

async function report(chat: Chat, answers: string[]): Promise<string> {
  await chat.tap("menu.report");
  let text = "";
  for (const answer of answers)
    text = allText(answer.startsWith("form.") ? await chat.tap(answer) : await chat.say(answer));
  return text;
}

describe("report a suspicious job offer or recruiter", () => {
  test("the warning signs that apply, how to check an agency, and a recruiter_report ticket", async () => {
    const chat = await consentedChat(lentera.app, "id");
    const intro = await chat.tap("menu.report");
    expect(allText(intro)).toContain("membantu melindungi orang lain");
    expect(lastChoices(intro)).toEqual(["form.skip"]);
    await chat.say("PT. Maju Jaya Abadi");
    expect(lastChoices(await chat.tap("form.source.tiktok"))).toEqual(["form.skip", "form.send"]);
    await chat.say("Kamboja");
    await chat.say("admin online, gaji 20 juta");
    await chat.say("bayar 15 juta untuk proses");
    const done = allText(await chat.tap("form.visa.tourist"));
    expect(done).toMatch(REFERENCE);
    expect(done).toContain("Diminta bayar di muka");
    expect(done).toContain("visa turis");
    expect(done).toContain("media sosial atau calo");
    expect(done).toContain("Kamboja, Myanmar");
    expect(done).toContain("SIP3MI");
    const [ticket] = await ticketsOf(lentera, chat.conversationId);
    expect(ticket).toMatchObject({
      type: "recruiter_report",
      details: { recruiter: "PT. Maju Jaya Abadi", source: "tiktok", destination: "Kamboja", visa: "tourist" },
    });
    expect(["low", "normal"]).toContain(ticket!.priority);
    expect(ticket!.indicatorIds).toContain("DEC-04-fees-and-loans");
  });

  test("nothing alarming: says so, still shows how to check an agency", async () => {
    const chat = await consentedChat(lentera.app, "en");
    const done = await report(chat, [
      "Jaya Sentosa Recruitment",
      "form.source.other",
      "Taiwan",
      "factory worker",
      "no",
      "form.visa.work",
    ]);
    expect(done).toContain("didn't see a clear warning sign");
    expect(done).toContain("SIP3MI");
  });

  test("repeated names are counted across reports, and the reporter is never told", async () => {
    const first = await consentedChat(lentera.app, "id");
    const a = await report(first, ["Pak Darto (calo)", "form.send"]);
    const second = await consentedChat(lentera.app, "en");
    const b = await report(second, ["darto", "form.send"]);
    const third = await consentedChat(lentera.app, "en");
    const c = await report(third, ["Bu Sri", "form.send"]);
    for (const text of [a, b, c])
      expect(text).not.toMatch(/\b[23]\b.*(report|laporan)|sudah dilaporkan|already reported/i);
    expect(
      await lentera.db.recruiterMention.count({ where: { nameKey: lentera.cipher.lookupKey("recruiter:darto") } }),
    ).toBe(2);
    const [ticket] = await ticketsOf(lentera, second.conversationId);
    const res = await lentera.app.request(`/api/tickets/${ticket!.reference}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await res.json()) as { ticket: { recruiterReports: number } }).ticket.recruiterReports).toBe(2);
    const [other] = await ticketsOf(lentera, third.conversationId);
    const res2 = await lentera.app.request(`/api/tickets/${other!.reference}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await res2.json()) as { ticket: { recruiterReports: number } }).ticket.recruiterReports).toBe(1);
  });
});
