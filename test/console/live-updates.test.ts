import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { reassignTicket } from "../../src/casework/reassign-ticket.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** Reads Server-Sent Events off a streaming Response, one event at a time. */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(timeoutMs = 8000): Promise<{ event: string; data: unknown }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(":")) continue;
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
          const data = block
            .split("\n")
            .filter((line) => line.startsWith("data: "))
            .map((line) => line.slice(6))
            .join("\n");
          return { event, data: JSON.parse(data) };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no event in time");
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event in time")), left)),
        ]);
        if (chunk.done) throw new Error("stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

/** The console's live stream: what a caseworker is told at once, and unread counts in the queue. */
describe("console live updates (Server-Sent Events)", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    // what this instance does not announce (a caseworker's own claim, a message in a bot conversation) the
    // stream sees at its next look: every 5 s in production, 100 ms here
    lentera = await createTestLentera({ liveCheckMs: 100 });
  });
  afterAll(async () => lentera?.close());

  const stream = async (client: ReturnType<typeof consoleClient>, on: TestLentera = lentera) => {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await on.app.request("/console/events", { headers: { cookie, accept: "text/event-stream" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    return sseReader(res);
  };

  it("tells a caseworker at once of a new urgent ticket, a ticket assigned to them, and the person's new message", async () => {
    const cw = await addCaseworker(lentera, "caseworker");
    const sup = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(cw.email);
    const events = await stream(client);
    expect(await events.next()).toMatchObject({ event: "snapshot", data: { mine: [] } });

    // A person in danger writes: the urgent ticket reaches the stream without waiting for a poll.
    const chat = await startChat(lentera.app, "id");
    await chat.say("tolong saya disekap majikan sekarang, paspor diambil");
    const urgent = await lentera.db.ticket.findFirstOrThrow({
      where: { priority: "urgent" },
      orderBy: { createdAt: "desc" },
    });
    expect(await events.next()).toEqual({ event: "urgent", data: { type: "urgent", reference: urgent.reference } });
    expect((await events.next()).event).toBe("counts");

    // A supervisor gives the caseworker a ticket.
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id);
    await claimTicket(sup.ctx, { reference: ticket.reference });
    await reassignTicket(sup.ctx, { reference: ticket.reference, assigneeId: cw.caseworker.id });
    lentera.events.publish({ type: "message.inbound", conversationId: "x", channel: "web", mode: "bot" });
    expect(await events.next()).toEqual({ event: "assigned", data: { type: "assigned", reference: ticket.reference } });
    await events.next(); // counts

    // The person of a ticket the caseworker holds writes: an unread count, in the stream and in the queue.
    await claimTicket(cw.ctx, { reference: urgent.reference });
    await events.next(); // assigned
    await events.next(); // counts
    await chat.say("kak tolong cepat ya");
    expect(await events.next()).toEqual({
      event: "message",
      data: { type: "message", reference: urgent.reference, unread: expect.any(Number) },
    });
    const counts = (await events.next()) as { event: string; data: { unread: number } };
    expect(counts.event).toBe("counts");
    expect(counts.data.unread).toBeGreaterThan(0);
    const queue = await client.get("/console/queue");
    expect(queue.body).toMatch(new RegExp(`data-unread="${urgent.reference}"[^>]*>${counts.data.unread}<`));
    // Opening the ticket reads it.
    await client.get(`/console/tickets/${urgent.reference}`);
    const after = await client.get("/console/queue");
    expect(after.body).toMatch(new RegExp(`data-unread="${urgent.reference}"[^>]*hidden`));
    await events.close();
  }, 60_000);

  it("shows another caseworker's ticket to no one else, and needs a session", async () => {
    // the production interval: the ticket is claimed long before the stream's first look of its own (at
    // 100 ms it could see the urgent ticket in the moment before the claim, and rightly say so)
    const lentera = await createTestLentera();
    onTestFinished(() => lentera.close());
    const cw = await addCaseworker(lentera, "caseworker");
    const other = await addCaseworker(lentera, "caseworker");
    const client = consoleClient(lentera.app);
    await client.signIn(other.email);
    const events = await stream(client, lentera);
    await events.next(); // snapshot
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, {
      type: "emergency",
      priority: "urgent",
    });
    await claimTicket(cw.ctx, { reference: ticket.reference });
    lentera.events.publish({ type: "message.inbound", conversationId: "x", channel: "web", mode: "bot" });
    await expect(events.next(1500)).rejects.toThrow(/no event in time/);
    await events.close();
    const anonymous = await lentera.app.request("/console/events", { headers: { accept: "text/event-stream" } });
    expect(anonymous.status).toBe(401);
  }, 30_000);
});
