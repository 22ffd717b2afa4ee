import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../src/config/env.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { decodeMail, startSmtpServer } from "../support/start-smtp-server.ts";
import { startChat } from "../support/webchat-client.ts";

/** Email notifications: a new urgent ticket is told to the duty inbox through SMTP_URL (a local SMTP server). */
describe("urgent tickets by email", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let lentera: TestLentera;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    lentera = await createTestLentera({
      env: {
        SMTP_URL: smtp.url,
        SMTP_ALERT_TO: "piket@helpline.example.org, supervisor@helpline.example.org",
        PUBLIC_URL: "https://lentera.example.org",
      },
    });
  });
  afterAll(async () => {
    await lentera?.close();
    await smtp?.close();
  });

  it("emails the reference and a console link in both languages, never the person's words", async () => {
    const chat = await startChat(lentera.app, "id");
    await chat.tap("consent.accept");
    await chat.say("tolong saya dikurung majikan sekarang, paspor saya ditahan");
    const ticket = await lentera.db.ticket.findFirstOrThrow({
      where: { conversationId: chat.conversationId, priority: "urgent" },
    });
    for (let i = 0; i < 100 && !smtp.mails.some((m) => decodeMail(m.raw).includes(ticket.reference)); i++)
      await new Promise((r) => setTimeout(r, 50));
    const mail = smtp.mails.find((m) => decodeMail(m.raw).includes(ticket.reference));
    expect(mail?.to).toEqual(["piket@helpline.example.org", "supervisor@helpline.example.org"]);
    const text = decodeMail(mail!.raw);
    expect(text).toContain(`Tiket mendesak ${ticket.reference}`);
    expect(text).toContain(`Urgent ticket ${ticket.reference}`);
    expect(text).toContain(`https://lentera.example.org/console/tickets/${ticket.reference}`);
    expect(text).not.toMatch(/dikurung|paspor|majikan/);
  });

  it("refuses a duty inbox that is not an email address, saying so", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://127.0.0.1:25", SMTP_ALERT_TO: "piket, @" })).toThrow(/SMTP_ALERT_TO/);
  });
});
