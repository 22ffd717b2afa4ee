import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sendCaseworkerMessage } from "../../../src/casework/send-caseworker-message.ts";
import { claimTicket } from "../../../src/casework/claim-ticket.ts";
import { addCaseworker, addTicket } from "../../console/support.ts";
import { ALERT_POSTED_EVENT, findMissedAlerts } from "../../../src/channels/telegram/post-missed-alerts.ts";
import { lastButtons, startTelegramHarness, texts, WEBHOOK_SECRET, type TelegramHarness } from "./telegram-harness.ts";

/** The caseworker group of these tests. */
const GROUP = -1001234567890;
let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({
    env: { TELEGRAM_CASEWORKER_CHAT_ID: String(GROUP), PUBLIC_URL: "https://lentera.example.org" },
  });
});
afterAll(async () => {
  await h?.close();
});

const inboundCount = () => h.lentera.db.message.count({ where: { channel: "telegram", direction: "inbound" } });

describe("POST /webhooks/telegram at the edge", () => {
  test("a wrong or missing secret is 401, and nothing is processed", async () => {
    const someone = h.person(6001);
    const before = h.api.calls.length;
    const stored = await inboundCount();
    for (const secret of [
      null,
      "wrong-secret-0123456789abcdefghijk",
      `${WEBHOOK_SECRET}x`,
      WEBHOOK_SECRET.slice(0, -1),
    ]) {
      const res = await h.post(someone.textUpdate("halo"), { secret });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: "unauthorized", message: expect.stringContaining("X-Telegram-Bot-Api-Secret-Token") },
      });
    }
    await h.settle();
    expect(await inboundCount()).toBe(stored);
    expect(h.api.calls.slice(before).filter((c) => c.method !== "setMyCommands")).toEqual([]);
  });

  test("a body that is not a Telegram update is 400", async () => {
    for (const raw of [
      "{not json",
      "[]",
      JSON.stringify({ message: { text: "hi" } }),
      JSON.stringify({ update_id: "12" }),
      JSON.stringify({ update_id: 5, message: { text: "no chat" } }),
    ]) {
      const res = await h.post(undefined, { raw });
      expect(res.status, raw).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    }
  });

  test("an update Telegram sends again (same update_id) is processed once", async () => {
    const rina = h.person(6002, { languageCode: "id" });
    const update = rina.textUpdate("/start");
    await rina.send(update);
    const first = rina.replies();
    expect(first).toHaveLength(1);
    const res = await h.post(update);
    expect(res.status).toBe(200);
    await h.settle();
    expect(rina.replies()).toEqual([]);
    // the same button press delivered twice runs the choice once
    const press = rina.pressUpdate("lang.id");
    await rina.send(press);
    const once = rina.replies();
    await rina.send(press);
    expect(rina.replies()).toEqual([]);
    expect(texts(once)).toContain(h.lentera.t("id", "language.set"));
  });

  test("groups, channels and other bots are ignored", async () => {
    const before = h.api.callsOf("sendMessage").length;
    const stored = await inboundCount();
    const group = { id: -1001234, type: "supergroup", title: "Some group" };
    const user = { id: 6003, is_bot: false, first_name: "X" };
    const updates = [
      { update_id: 990001, message: { message_id: 1, date: 1, chat: group, from: user, text: "/start" } },
      {
        update_id: 990002,
        channel_post: { message_id: 2, date: 1, chat: { id: -1009, type: "channel", title: "c" }, text: "hi" },
      },
      {
        update_id: 990003,
        message: {
          message_id: 3,
          date: 1,
          chat: { id: 6004, type: "private" },
          from: { id: 6004, is_bot: true, first_name: "OtherBot" },
          text: "/start",
        },
      },
      {
        // an edit in a group is ignored like the group's messages (a private chat's edit is read: decode-update.test.ts)
        update_id: 990004,
        edited_message: { message_id: 4, date: 1, edit_date: 2, chat: group, from: user, text: "edit" },
      },
    ];
    for (const update of updates) expect((await h.post(update)).status).toBe(200);
    await h.settle();
    expect(h.api.callsOf("sendMessage").length).toBe(before);
    expect(await inboundCount()).toBe(stored);
  });

  test("a burst from one chat arriving together: all processed, none lost, in order", async () => {
    const dewi = h.person(6005, { languageCode: "id" });
    await dewi.say("/start");
    const burst = Array.from({ length: 6 }, (_, i) => dewi.textUpdate(`pesan ${i + 1}`));
    const responses = await Promise.all(burst.map((update) => h.post(update)));
    expect(responses.map((r) => r.status)).toEqual(burst.map(() => 200));
    await h.settle();
    const contact = await h.lentera.db.contact.findUniqueOrThrow({
      where: { channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey("6005") } },
      include: { conversations: true },
    });
    const inbound = await h.lentera.db.message.findMany({
      where: { conversationId: contact.conversations[0]!.id, direction: "inbound" },
      orderBy: { seq: "asc" },
    });
    // the /start first (kept so a panic wipe can delete it), then the burst in arrival order
    expect(inbound).toHaveLength(burst.length + 1);
    expect(inbound.slice(1).map((m) => m.channelMessageId)).toEqual(
      burst.map((u) => `u:${u.update_id}:${u.message.date}`),
    );
    // each message got its answer (the language question again), delivered in order
    expect(dewi.replies().length).toBeGreaterThanOrEqual(burst.length);
    const outbound = await h.lentera.db.message.findMany({
      where: { conversationId: contact.conversations[0]!.id, direction: "outbound" },
      orderBy: { seq: "asc" },
    });
    expect(outbound.every((m) => m.status === "sent")).toBe(true);
    const ids = outbound.map((m) => Number(m.channelMessageId!.split(":")[1]));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  test("the webhook answers before the reply is delivered: a slow Bot API does not hold it", async () => {
    const slow = h.person(6006, { languageCode: "en" });
    let release = () => {};
    h.api.failNext("sendMessage", { status: "slow", until: new Promise<void>((resolve) => (release = resolve)) });
    const started = Date.now();
    const res = await h.post(slow.textUpdate("/start"));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4000);
    release();
    await h.settle();
    expect(texts(slow.replies())).toEqual([h.lentera.t("en", "language.ask")]);
  });

  test("the command menu is registered in Indonesian, English and by default", async () => {
    await h.lentera.telegram!.idle();
    const calls = h.api.callsOf("setMyCommands");
    expect(calls.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["default", "en", "id"]);
    const en = calls.find((c) => c.payload.language_code === "en")!.payload.commands as {
      command: string;
      description: string;
    }[];
    expect(en.map((c) => c.command)).toEqual(["start", "menu", "bahasa", "help", "hapus"]);
    expect(en.find((c) => c.command === "hapus")!.description).toBe(h.lentera.t("en", "telegram:commands.hapus"));
    const id = calls.find((c) => c.payload.language_code === "id")!.payload.commands as {
      command: string;
      description: string;
    }[];
    expect(id.find((c) => c.command === "hapus")!.description).toBe(h.lentera.t("id", "telegram:commands.hapus"));
  });
});

describe("a conversation on Telegram", () => {
  test("language → consent → menu → guidance, with button presses and typed numbers", async () => {
    const t = h.lentera.t;
    const sari = h.person(5001, { languageCode: "en" });

    const first = await sari.say("/start");
    expect(texts(first)).toEqual([t("en", "language.ask")]);
    expect(first[0]!.buttons).toEqual([
      { text: `1. ${t("en", "language.id")}`, data: "lang.id" },
      { text: `2. ${t("en", "language.en")}`, data: "lang.en" },
    ]);

    const pressed = sari.lastKeyboard();
    const afterLanguage = await sari.press("lang.en");
    // every press is answered and its keyboard taken away, so it cannot be pressed again
    const query = h.api.callsOf("answerCallbackQuery").at(-1)!;
    expect(query.payload.callback_query_id).toMatch(/^cq-/);
    expect(h.api.callsOf("editMessageReplyMarkup", 5001).at(-1)!.payload).toMatchObject({
      message_id: pressed.messageId,
      reply_markup: { inline_keyboard: [] },
    });
    expect(texts(afterLanguage)).toContain(t("en", "language.set"));
    expect(texts(afterLanguage).at(-1)).toBe(t("en", "consent.notice"));
    expect(lastButtons(afterLanguage)).toEqual(["consent.accept", "consent.decline", "nav.language"]);

    // a typed number picks the option like a tap
    const afterConsent = await sari.say("1");
    expect(texts(afterConsent)).toContain(t("en", "consent.thanks"));
    expect(texts(afterConsent).at(-1)).toBe(t("en", "menu.ask"));
    expect(lastButtons(afterConsent)).toContain("menu.guidance");

    const guidance = await sari.press("menu.guidance");
    expect(texts(guidance).at(-1)).toBe(t("en", "guidance.ask"));
    const topics = lastButtons(guidance);
    const recruiter = topics.indexOf("guidance.recruiter");
    expect(recruiter).toBeGreaterThanOrEqual(0);
    const topic = await sari.say(String(recruiter + 1));
    expect(texts(topic).join("\n")).toContain(t("en", "guidance.topics.recruiter").slice(0, 40));

    // an old button pressed again (its keyboard was removed, but a client may lag) does not re-run the step
    const stale = await sari.press("lang.id", pressed.messageId);
    expect(texts(stale)[0]).toBe(t("en", "common.stale"));
  });

  test("Indonesian is the first guess for an Indonesian phone, and the commands work", async () => {
    const t = h.lentera.t;
    const budi = h.person(5002, { languageCode: "id" });
    expect(texts(await budi.say("/start"))).toEqual([t("id", "language.ask")]);
    await budi.press("lang.id");
    await budi.press("consent.accept");
    const help = await budi.say("/help");
    expect(texts(help)[0]).toBe(t("id", "help.text"));
    const language = await budi.say("/bahasa");
    expect(lastButtons(language)).toEqual(["lang.id", "lang.en"]);
    const menu = await budi.say("/menu");
    expect(texts(menu).at(-1)).toBe(t("id", "menu.ask"));
  });

  test("a photo reaches the engine as media with its file_id and is never sent back", async () => {
    const t = h.lentera.t;
    const ani = h.person(5003, { languageCode: "id" });
    await ani.say("/start");
    await ani.press("lang.id");
    await ani.press("consent.accept");
    const update = ani.messageUpdate({
      photo: [
        { file_id: "small-photo", file_unique_id: "s", width: 90, height: 90 },
        { file_id: "big-photo-file-id", file_unique_id: "b", width: 1280, height: 960 },
      ],
    });
    await ani.send(update);
    const replies = ani.replies();
    expect(texts(replies)[0]).toBe(t("id", "media.received"));
    expect(
      h.api.calls.some(
        (c) =>
          c.method.startsWith("sendPhoto") ||
          c.method === "sendDocument" ||
          c.method === "forwardMessage" ||
          c.method === "copyMessage",
      ),
    ).toBe(false);
    const stored = await h.lentera.db.message.findFirstOrThrow({
      where: {
        channel: "telegram",
        direction: "inbound",
        channelMessageId: `u:${update.update_id}:${update.message.date}`,
      },
    });
    expect(h.lentera.cipher.decryptJson(stored.bodyEnc, `Message.bodyEnc/${stored.id}`)).toMatchObject({
      media: { kind: "photo", ref: "big-photo-file-id" },
    });
  });
});

describe("handoff on Telegram", () => {
  test("a caseworker's reply from the console reaches the person, and the person's answers reach the caseworker", async () => {
    const t = h.lentera.t;
    const p = h.person(9301, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    await p.press("consent.accept");
    p.replies();
    const contact = await h.lentera.db.contact.findUniqueOrThrow({
      where: { channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey("9301") } },
      include: { conversations: true },
    });
    const conversationId = contact.conversations[0]!.id;
    const ticket = await addTicket(h.lentera, conversationId);
    const { ctx } = await addCaseworker(h.lentera, "caseworker", "Maya Lestari");
    await claimTicket(ctx, { reference: ticket.reference });
    expect(
      await sendCaseworkerMessage(ctx, {
        reference: ticket.reference,
        text: "Halo, saya Maya. Apakah kamu aman sekarang?",
      }),
    ).toMatchObject({ status: "sent" });
    await h.settle();
    const received = p.replies();
    expect(texts(received)).toEqual([
      t("id", "handoff:joined", { name: "Maya" }),
      `${t("id", "telegram:caseworker_label")}\nHalo, saya Maya. Apakah kamu aman sekarang?`,
    ]);

    // the person's answer goes to the caseworker, not to the bot
    expect(await p.say("Iya, saya aman. Bos ambil paspor saya")).toEqual([]);
    const last = await h.lentera.db.message.findFirstOrThrow({
      where: { conversationId, direction: "inbound" },
      orderBy: { seq: "desc" },
    });
    expect(h.lentera.cipher.decryptJson(last.bodyEnc, `Message.bodyEnc/${last.id}`)).toMatchObject({
      text: "Iya, saya aman. Bos ambil paspor saya",
    });

    // "menu" asks before leaving the caseworker; the buttons work like everywhere else
    const asked = await p.say("/menu");
    expect(lastButtons(asked)).toEqual(["handoff.stay", "handoff.leave"]);
    expect(texts(await p.press("handoff.stay"))).toEqual([t("id", "handoff:staying")]);
  });
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
    expect(alert!.buttons).toEqual([
      { text: t("id", "telegram:alert.open"), url: `https://lentera.example.org/console/tickets/${ticket.reference}` },
    ]);
    // marked as posted, so a restart does not post it again
    await h.settle();
    expect(await h.lentera.db.ticketEvent.count({ where: { ticketId: ticket.id, type: ALERT_POSTED_EVENT } })).toBe(1);
    expect((await findMissedAlerts(h.lentera.db, new Date())).map((e) => e.ticketId)).not.toContain(ticket.id);
  });

  test("an alert a restart lost is found at the next start: urgent/high, open, recent, not yet posted", async () => {
    const conversation = await h.lentera.db.conversation.findFirstOrThrow();
    const make = (priority: "urgent" | "high" | "normal", status: "new" | "closed", hoursAgo: number) =>
      h.lentera.db.ticket.create({
        data: {
          reference: `LNT-M${priority[0]}${status[0]}${hoursAgo}X`.toUpperCase().slice(0, 10),
          type: "emergency",
          priority,
          status,
          locale: "id",
          channel: "telegram",
          conversationId: conversation.id,
          createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
        },
      });
    const missed = await make("urgent", "new", 2);
    const high = await make("high", "new", 1);
    const normal = await make("normal", "new", 1);
    const closed = await make("urgent", "closed", 1);
    const old = await make("urgent", "new", 30);
    const found = (await findMissedAlerts(h.lentera.db, new Date())).map((e) => e.ticketId);
    expect(found).toEqual(expect.arrayContaining([missed.id, high.id]));
    for (const skipped of [normal, closed, old]) expect(found).not.toContain(skipped.id);
  });

  test("normal and low tickets are not posted; a failed post is retried", async () => {
    const before = h.botMessages(GROUP).length;
    h.lentera.events.publish({
      type: "ticket.opened",
      ticketId: "t1",
      reference: "LTR-TEST-1",
      ticketType: "family_tracing",
      priority: "normal",
      locale: "en",
      channel: "web",
      indicatorIds: [],
    });
    h.api.failNext("sendMessage", { status: 500 });
    h.lentera.events.publish({
      type: "ticket.opened",
      ticketId: "t2",
      reference: "LTR-TEST-2",
      ticketType: "victim_assistance",
      priority: "high",
      locale: "en",
      channel: "web",
      indicatorIds: ["FL-01-documents"],
    });
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
    const res = await h.post({
      update_id: 991001,
      message: {
        message_id: 77,
        date: 1,
        chat: { id: GROUP, type: "supergroup", title: "Caseworkers" },
        from: { id: 42, is_bot: false, first_name: "Maya" },
        text: "/start",
      },
    });
    expect(res.status).toBe(200);
    await h.settle();
    expect(await h.lentera.db.contact.count()).toBe(before);
  });
});
