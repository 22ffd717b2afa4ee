import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSCRIPT_PAGE } from "../../src/casework/read-ticket.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** A long conversation: the ticket page shows its newest messages and pages back with "load earlier". */
describe("ticket transcript paging", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(async () => lentera?.close());

  it("shows the newest page, links to the earlier one, and the earlier page holds the oldest messages", async () => {
    const conversation = await addConversation(lentera);
    const total = TRANSCRIPT_PAGE + 37;
    await lentera.db.message.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        conversationId: conversation.id,
        channel: "web" as const,
        direction: "inbound" as const,
        author: "person" as const,
        bodyEnc: lentera.cipher.encryptJson({ text: `pesan nomor ${i + 1}.` }),
        status: "received" as const,
      })),
    });
    const ticket = await addTicket(lentera, conversation.id);
    const { email } = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(email);

    const newest = await client.get(`/console/tickets/${ticket.reference}`);
    expect(newest.res.status).toBe(200);
    expect(newest.body).toContain(`pesan nomor ${total}.`);
    expect(newest.body).toContain(`pesan nomor 38.`);
    expect(newest.body).not.toContain(`pesan nomor 37.`);
    expect(newest.body).toContain("data-poll=");
    const link = /href="(\/console\/tickets\/[^"]+\?before=\d+)"/.exec(newest.body)?.[1];
    expect(link).toBeDefined();

    const earlier = await client.get(link!);
    expect(earlier.res.status).toBe(200);
    expect(earlier.body).toContain("pesan nomor 1.");
    expect(earlier.body).toContain("pesan nomor 37.");
    expect(earlier.body).not.toContain("pesan nomor 38.");
    // the first page has nothing before it, and no live view that would append the newest messages
    expect(earlier.body).not.toMatch(/\?before=\d+/);
    expect(earlier.body).not.toContain("data-poll=");
    expect(earlier.body).toContain(`href="/console/tickets/${ticket.reference}"`);

    const junk = await client.get(`/console/tickets/${ticket.reference}?before=abc`);
    expect(junk.res.status).toBe(200);
    expect(junk.body).toContain(`pesan nomor ${total}.`);
  });
});
