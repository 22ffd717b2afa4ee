import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handBack } from "../../src/casework/hand-back.ts";
import { sendCaseworkerMessage } from "../../src/casework/send-caseworker-message.ts";
import { changeTicketStatus } from "../../src/casework/change-status.ts";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { reassignTicket } from "../../src/casework/reassign-ticket.ts";
import { releaseTicket } from "../../src/casework/release-ticket.ts";
import { saveState } from "../../src/conversations/save-state.ts";
import { readConversationState } from "../../src/conversations/read-state.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addTicket } from "../console/support.ts";
import handoffEn from "../../locales/en/handoff.json" with { type: "json" };
import handoffId from "../../locales/id/handoff.json" with { type: "json" };

/** The handoff through the real web chat API: a caseworker takes over, the person is told, and hands back. */
describe("handoff", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(async () => lentera?.close());

  async function personWithTicket(locale: "id" | "en", request = {}) {
    const chat = await startChat(lentera.app, locale);
    await chat.tap("consent.accept");
    const ticket = await addTicket(lentera, chat.conversationId, request);
    return { chat, ticket };
  }

  it("tells the person in their language, relays both ways, asks before leaving on 'menu', and hands back", async () => {
    const { chat, ticket } = await personWithTicket("en");
    const { ctx } = await addCaseworker(lentera, "caseworker", "Rina Wulandari");
    await claimTicket(ctx, { reference: ticket.reference });
    const sent = await sendCaseworkerMessage(ctx, {
      reference: ticket.reference,
      text: "Hello, I'm Rina. Are you safe right now?",
    });
    expect(sent).toMatchObject({ status: "sent", handoffStarted: true });

    let transcript = await chat.transcript();
    const last2 = transcript.messages.slice(-2).map((m) => ({ author: m.author, text: m.text }));
    expect(last2).toEqual([
      { author: "system", text: handoffEn.joined.replace("{{name}}", "Rina") },
      { author: "caseworker", text: "Hello, I'm Rina. Are you safe right now?" },
    ]);
    const conversation = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(conversation).toMatchObject({ mode: "human", caseworkerId: ctx.actor.id });
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("in_progress");

    // The person's words go to the caseworker: no bot reply.
    expect(await chat.say("yes I am ok, my boss took my passport")).toEqual([]);
    transcript = await chat.transcript();
    expect(transcript.messages.at(-1)).toMatchObject({
      author: "person",
      text: "yes I am ok, my boss took my passport",
    });

    // "menu" asks first; staying keeps the caseworker.
    const asked = await chat.say("menu");
    expect(asked).toEqual([
      {
        text: handoffEn.ask_leave,
        choices: [
          { id: "handoff.stay", label: handoffEn.stay },
          { id: "handoff.leave", label: handoffEn.leave },
        ],
      },
    ]);
    expect(await chat.say("1")).toEqual([{ text: handoffEn.staying }]);
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).mode).toBe(
      "human",
    );

    // The emergency keyword still gives the numbers at once.
    const emergency = await chat.say("darurat");
    expect(emergency[0]!.text).toContain("110");
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).mode).toBe(
      "human",
    );

    await handBack(ctx, { reference: ticket.reference });
    transcript = await chat.transcript();
    expect(transcript.messages.at(-1)).toMatchObject({ author: "system", text: handoffEn.left });
    expect(await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).toMatchObject({
      mode: "bot",
      caseworkerId: null,
    });
    // Back with the flows: the menu works again.
    const menu = await chat.say("menu");
    expect(menu.at(-1)?.choices?.length).toBeGreaterThan(0);
  });

  it("answers a message that signals danger now with the emergency numbers and an urgent ticket, and keeps the caseworker", async () => {
    const { chat, ticket } = await personWithTicket("id");
    const { ctx } = await addCaseworker(lentera, "caseworker");
    await claimTicket(ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Halo" });
    const opened: string[] = [];
    const stop = lentera.events.subscribe("ticket.opened", (event) => void opened.push(event.priority));
    const replies = await chat.say("tolong saya dikunci di kamar sama agen, gak dikasih makan dari kemarin");
    stop();
    expect(replies[0]!.text).toContain("110");
    expect(opened).toEqual(["urgent"]);
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).mode).toBe(
      "human",
    );
    expect(await chat.say("ok")).toEqual([]);
  });

  it("lets the person leave the caseworker, in Indonesian, and closing a ticket ends a handoff", async () => {
    const { chat, ticket } = await personWithTicket("id");
    const { ctx } = await addCaseworker(lentera, "caseworker", "Budi");
    await claimTicket(ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Halo, saya Budi." });
    expect((await chat.transcript()).messages.at(-2)?.text).toBe(handoffId.joined.replace("{{name}}", "Budi"));
    await chat.say("menu");
    const left = await chat.say(handoffId.leave);
    expect(left).toEqual([{ text: handoffId.you_left, choices: [{ id: "nav.menu", label: expect.any(String) }] }]);
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).mode).toBe("bot");

    // Writing again takes it over again; closing ends it and the person is told.
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Saya masih di sini." });
    await changeTicketStatus(ctx, { reference: ticket.reference, status: "closed", outcome: "supported" });
    expect((await chat.transcript()).messages.at(-1)).toMatchObject({ author: "system", text: handoffId.left });
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).mode).toBe("bot");
  });

  it("data rights do not wait: 'hapus' during a handoff leaves the caseworker and asks once before erasing", async () => {
    const { chat, ticket } = await personWithTicket("id");
    const { ctx } = await addCaseworker(lentera, "caseworker", "Sari");
    await claimTicket(ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Halo, saya Sari." });
    const replies = await chat.say("hapus");
    expect(replies[0]).toMatchObject({ text: handoffId.you_left });
    expect(replies.at(-1)?.choices?.map((c) => c.id)).toContain("erase.yes");
    const conversation = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(conversation).toMatchObject({ mode: "bot", caseworkerId: null });
    const erased = await chat.tap("erase.yes");
    expect(erased.length).toBeGreaterThan(0);
    const contact = await lentera.db.contact.findUniqueOrThrow({ where: { id: conversation.contactId } });
    expect(contact.erasedAt).not.toBeNull();
  });

  it("releasing a ticket gives the conversation back to Lentera", async () => {
    const { chat, ticket } = await personWithTicket("en");
    const { ctx } = await addCaseworker(lentera, "caseworker");
    await claimTicket(ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Hi" });
    await releaseTicket(ctx, { reference: ticket.reference });
    expect(await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).toMatchObject({
      mode: "bot",
      caseworkerId: null,
    });
    expect(await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "new",
      assigneeId: null,
    });
  });

  it("tells the person who they are talking with when a supervisor reassigns during a handoff", async () => {
    const { chat, ticket } = await personWithTicket("en");
    const { ctx } = await addCaseworker(lentera, "caseworker", "Ani");
    const { caseworker: next } = await addCaseworker(lentera, "caseworker", "Maya Sari");
    const { ctx: sup } = await addCaseworker(lentera, "supervisor");
    await claimTicket(ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Hi" });
    await reassignTicket(sup, { reference: ticket.reference, assigneeId: next.id });
    expect((await chat.transcript()).messages.at(-1)).toMatchObject({
      author: "system",
      text: handoffEn.joined.replace("{{name}}", "Maya"),
    });
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).caseworkerId).toBe(
      next.id,
    );
    await expect(sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "still me?" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("holds a message outside the person's safe-contact times until the caseworker confirms", async () => {
    const night = new Date("2026-11-29T16:30:00Z"); // 23:30 in Jakarta
    const { ticket } = await personWithTicket("id", { safeContact: { method: "this_chat", time: "morning" } });
    const { ctx } = await addCaseworker(lentera, "caseworker");
    const atNight = { ...ctx, now: () => night };
    await claimTicket(atNight, { reference: ticket.reference });
    expect(await sendCaseworkerMessage(atNight, { reference: ticket.reference, text: "Halo" })).toEqual({
      status: "outside_safe_times",
    });
    expect(
      await lentera.db.message.count({ where: { conversationId: ticket.conversationId!, author: "caseworker" } }),
    ).toBe(0);
    expect(
      await sendCaseworkerMessage(atNight, {
        reference: ticket.reference,
        text: "Halo",
        outsideSafeTimesConfirmed: true,
      }),
    ).toMatchObject({ status: "sent" });
    const morning = { ...ctx, now: () => new Date("2026-11-30T01:30:00Z") }; // 08:30 in Jakarta
    expect(await sendCaseworkerMessage(morning, { reference: ticket.reference, text: "Selamat pagi" })).toMatchObject({
      status: "sent",
    });
  });

  it("holds a message when the person asked to be written to only after they write, except shortly after they did", async () => {
    const { chat, ticket } = await personWithTicket("en", { safeContact: { method: "wait_for_me", time: "any" } });
    const { ctx } = await addCaseworker(lentera, "caseworker");
    await claimTicket(ctx, { reference: ticket.reference });
    await chat.say("hello?");
    expect(await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Hi, I'm here" })).toMatchObject({
      status: "sent",
    });
    const later = { ...ctx, now: () => new Date(Date.now() + 31 * 60_000) };
    expect(await sendCaseworkerMessage(later, { reference: ticket.reference, text: "Are you still there?" })).toEqual({
      status: "outside_safe_times",
    });
  });

  it("delivers a caseworker's message to a non-web channel through the outbox", async () => {
    const delivered: { text: string; author: string }[] = [];
    lentera.outbox.register({
      channel: "telegram",
      deliver: async (m) => (delivered.push({ text: m.text, author: m.author }), { status: "sent" }),
    });
    const contact = await lentera.db.contact.create({
      data: {
        channel: "telegram",
        channelUserKey: lentera.cipher.lookupKey("42"),
        channelUserEnc: lentera.cipher.encrypt("42"),
        locale: "en",
      },
    });
    const conversation = await lentera.db.conversation.create({
      data: {
        contactId: contact.id,
        channel: "telegram",
        state: {
          version: 1,
          locale: "en",
          languageChosen: true,
          consent: "granted",
          step: { name: "menu" },
          offered: [],
        },
      },
    });
    const ticket = await addTicket(lentera, conversation.id);
    const { ctx } = await addCaseworker(lentera, "caseworker", "Sari");
    await claimTicket(ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Hi from Sari" });
    await lentera.outbox.kick();
    expect(delivered).toEqual([
      { text: handoffEn.joined.replace("{{name}}", "Sari"), author: "system" },
      { text: "Hi from Sari", author: "caseworker" },
    ]);
    // The person answers on Telegram: it is stored for the caseworker, nothing is sent back.
    const result = await lentera.handleInbound({
      channel: "telegram",
      channelUserId: "42",
      input: { type: "text", text: "thank you" },
      externalId: "u1",
    });
    expect(result).toMatchObject({ status: "handled", replies: [] });
  });

  it("runs every handoff turn, the caseworker's and the person's, through the one versioned state; the person leaving is audited", async () => {
    const { chat, ticket } = await personWithTicket("id");
    const { ctx } = await addCaseworker(lentera, "caseworker", "Dewi");
    await claimTicket(ctx, { reference: ticket.reference });
    const row = () => lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    const start = (await row()).version;
    await sendCaseworkerMessage(ctx, { reference: ticket.reference, text: "Halo, saya Dewi." });
    const joined = await row();
    expect(joined).toMatchObject({ version: start + 1, mode: "human", caseworkerId: ctx.actor.id });
    // the mode lives in its column, read into the engine's state; the JSON state does not keep a copy
    expect(joined.state).not.toHaveProperty("mode");
    expect(readConversationState(joined, "id").mode).toBe("human");

    expect(await chat.say("saya masih di penampungan")).toEqual([]);
    expect((await row()).version).toBe(start + 2);
    await chat.say("menu");
    await chat.tap("handoff.leave");
    expect(await row()).toMatchObject({ version: start + 4, mode: "bot", caseworkerId: null });
    const ended = await lentera.db.auditEvent.findMany({
      where: { action: "handoff.ended", subjectId: chat.conversationId },
    });
    expect(ended.map((e) => ({ actorType: e.actorType, actorId: e.actorId, meta: e.meta }))).toEqual([
      { actorType: "person", actorId: joined.contactId, meta: { reason: "person_left" } },
    ]);
  });

  it("refuses a state write from a stale read: the version check every turn's write goes through", async () => {
    const { chat } = await personWithTicket("en");
    const read = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    const state = readConversationState(read, "en");
    await lentera.db.$transaction(async (tx) => {
      expect(await saveState(tx, read, { ...state, mode: "human" })).toBe(true);
      expect(await saveState(tx, read, { ...state, step: { name: "guidance" } })).toBe(false);
    });
    const after = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(after).toMatchObject({ version: read.version + 1, mode: "human" });
    expect(readConversationState(after, "en").step).toEqual(state.step);
  });
});
