import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { consentedChat } from "../flows/flow-support.ts";
import { addCaseworker, consoleClient } from "./support.ts";

/** The ticket page in words a caseworker reads: labels, not the internal ids and keys behind them. */
describe("console wording on the ticket page", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(async () => lentera?.close());

  it("a tracing request sent from the web chat: details, options and consents by their labels; times with their zone", async () => {
    const chat = await consentedChat(lentera.app, "id");
    await chat.tap("menu.tracing");
    await chat.say("Siti Aminah");
    await chat.tap("form.skip");
    await chat.tap("form.sex.female");
    await chat.say("24");
    await chat.tap("form.skip");
    await chat.tap("form.skip");
    await chat.say("3 bulan lalu");
    await chat.tap("form.last_channel.whatsapp");
    for (let i = 0; i < 3; i++) await chat.tap("form.skip");
    await chat.tap("form.relationship.sibling");
    await chat.say("0812 1111 2222");
    await chat.tap("form.share.yes");
    await chat.tap("tracing.confirm");
    const ticket = await lentera.db.ticket.findFirstOrThrow({ where: { conversationId: chat.conversationId } });

    const { email } = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    const { body } = await client.get(`/console/tickets/${ticket.reference}`);
    const details = body.slice(body.indexOf('id="h-needs"'), body.indexOf('id="h-events"'));
    for (const label of [
      "<dt>Nama</dt>",
      "<dt>Umur</dt>",
      "<dt>Kabar terakhir</dt>",
      "<dt>Penanya adalah</dt>",
      "<dt>Cara menghubungi penanya</dt>",
    ])
      expect(details).toContain(label);
    expect(details).toContain("<dd>Kakak/adik</dd>");
    expect(details).toContain("<dd>Perempuan</dd>");
    expect(details).toContain("<dd>Ya, boleh</dd>");
    expect(details).toContain("Menyimpan cerita dan jawabannya: ya");
    expect(details).toContain("Meneruskan kasusnya ke mitra: ya");
    for (const raw of ["last_date", "relationship", "sibling", "share:any", "store:", "<dt>name</dt>"])
      expect(details).not.toContain(raw);
    expect(body).toMatch(/\d{2}\.\d{2} WIB/);
  });
});
