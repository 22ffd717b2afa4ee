import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../src/config/env.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { decodeMail, startSmtpServer } from "../support/start-smtp-server.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** Waits (briefly) for a mail that mentions `text`. */
async function mailAbout(smtp: Awaited<ReturnType<typeof startSmtpServer>>, text: string) {
  for (let i = 0; i < 100 && !smtp.mails.some((m) => decodeMail(m.raw).includes(text)); i++)
    await new Promise((r) => setTimeout(r, 50));
  return smtp.mails.filter((m) => decodeMail(m.raw).includes(text));
}

/** Email notifications through SMTP_URL (a local SMTP server): urgent tickets to the duty inbox, assignments to the assignee. */
describe("staff notifications by email", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let lentera: TestLentera;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    lentera = await createTestLentera({
      env: {
        SMTP_URL: smtp.url,
        SMTP_ALERT_TO: "piket@helpline.example.org, supervisor@helpline.example.org",
        PUBLIC_URL: "https://lentera.example.org",
        SMTP_NOTIFY_ASSIGNED: "true",
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

  it("tells a caseworker by email when a supervisor gives them a ticket (not when they claim one themselves)", async () => {
    const sup = await addCaseworker(lentera, "supervisor");
    const cw = await addCaseworker(lentera, "caseworker");
    const given = await addTicket(lentera, (await addConversation(lentera)).id, { type: "talk_to_person" });
    const client = consoleClient(lentera.app);
    await client.signIn(sup.email);
    await client.get(`/console/tickets/${given.reference}`);
    const moved = await client.post(`/console/tickets/${given.reference}/reassign`, { assigneeId: cw.caseworker.id });
    expect(moved.res.status).toBe(303);
    const [mail, ...more] = await mailAbout(smtp, given.reference);
    expect(more).toEqual([]);
    expect(mail?.to).toEqual([cw.email]);
    const text = decodeMail(mail!.raw);
    expect(text).toContain(`Tiket ${given.reference} sekarang Anda tangani`);
    expect(text).toContain(`A supervisor gave you ticket ${given.reference}`);
    expect(text).toContain(`https://lentera.example.org/console/tickets/${given.reference}`);

    const claimed = await addTicket(lentera, (await addConversation(lentera)).id, { type: "talk_to_person" });
    const mine = consoleClient(lentera.app);
    await mine.signIn(cw.email);
    await mine.get(`/console/tickets/${claimed.reference}`);
    expect((await mine.post(`/console/tickets/${claimed.reference}/claim`)).res.status).toBe(303);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => decodeMail(m.raw).includes(claimed.reference))).toEqual([]);
  });

  it("refuses a duty inbox that is not an email address, saying so", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://127.0.0.1:25", SMTP_ALERT_TO: "piket, @" })).toThrow(/SMTP_ALERT_TO/);
  });
});
