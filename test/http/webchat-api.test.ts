import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, lastChoices, startChat } from "../support/webchat-client.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());

/** The main menu after consent: get help first, then the emergency numbers, then everything else. */
const MENU = [
  "menu.help",
  "menu.contacts",
  "menu.talk",
  "menu.tracing",
  "menu.report",
  "menu.guidance",
  "menu.mydata",
  "menu.language",
];

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  lentera.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("starting a conversation", () => {
  test("without a locale asks for the language first, in both languages", async () => {
    const chat = await startChat(lentera.app);
    expect(chat.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(chat.token.length).toBeGreaterThanOrEqual(40);
    expect(lastChoices(chat.replies)).toEqual(["lang.id", "lang.en"]);
    const consent = await chat.tap("lang.en");
    expect(allText(consent)).toContain("Do you agree?");
    expect(lastChoices(consent)).toEqual(["consent.accept", "consent.decline", "nav.language"]);
  });

  test("with a locale goes straight to the notice in that language", async () => {
    const chat = await startChat(lentera.app, "id");
    expect(allText(chat.replies)).toContain("Kamu setuju?");
    expect(allText(chat.replies)).toMatch(/hapus datamu/);
  });

  test("rejects a body that is not the documented shape", async () => {
    expect((await post("/api/webchat/conversations", { locale: "fr" })).status).toBe(400);
    expect((await post("/api/webchat/conversations", "{not json")).status).toBe(400);
    const res = await post("/api/webchat/conversations", { locale: "id", extra: 1 });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
  });
});

describe("the menu and its guidance", () => {
  test("accepting the notice reaches the menu, whose entries all work", async () => {
    const chat = await startChat(lentera.app, "en");
    const menu = await chat.tap("consent.accept");
    expect(lastChoices(menu)).toEqual(MENU);

    const guidance = await chat.tap("menu.guidance");
    expect(lastChoices(guidance)).toEqual([
      "guidance.recruiter",
      "guidance.fake_jobs",
      "guidance.visa",
      "guidance.rights",
      "nav.menu",
    ]);
    const recruiter = await chat.tap("guidance.recruiter");
    expect(allText(recruiter)).toContain("SIP3MI");
    expect(lastChoices(recruiter)).not.toContain("guidance.recruiter");
    expect(allText(await chat.tap("guidance.visa"))).toMatch(/umrah/i);
    expect(allText(await chat.tap("guidance.fake_jobs"))).toMatch(/Cambodia/);
    expect(allText(await chat.tap("guidance.rights"))).toMatch(/passport/);

    const back = await chat.tap("nav.menu");
    expect(lastChoices(back)).toEqual(MENU);
    const contacts = await chat.tap("menu.contacts");
    const text = allText(contacts);
    expect(text).toContain("110");
    expect(text).toContain("SAPA 129");
    expect(text).toContain("0800-1000");
    // the Foreign Ministry hotline is unverified in contacts.json and must not be shown
    expect(text).not.toContain("9007");
  });

  test("a number or a label picks an option as well as a tap", async () => {
    const chat = await startChat(lentera.app, "id");
    await chat.say("1");
    const byNumber = await chat.say("6");
    expect(lastChoices(byNumber)[0]).toBe("guidance.recruiter");
    const byLabel = await chat.say("bahaya visa turis/umrah untuk kerja!");
    expect(allText(byLabel)).toMatch(/visa kerja/);
    const outOfRange = await chat.say("9");
    // A number that is no option is not an answer: said plainly, with the topics still on offer.
    expect(allText(outOfRange)).toMatch(/belum yakin maksudmu/);
  });

  test("declining keeps guidance open and stores nothing the person types", async () => {
    const chat = await startChat(lentera.app, "en");
    const menu = await chat.tap("consent.decline");
    expect(allText(menu)).toContain("won't keep your messages");
    expect(lastChoices(menu)).toContain("menu.consent");
    await chat.say("my boss took my passport");
    const { messages } = await chat.transcript();
    const secret = messages.find((m) => m.direction === "inbound" && m.withheld);
    expect(secret).toBeDefined();
    expect(JSON.stringify(messages)).not.toContain("passport");
  });

  test("a stale button does not re-run a step", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.accept");
    const stale = await chat.tap("consent.accept");
    expect(allText(stale)).toContain("no longer available");
    expect(lastChoices(stale)).toEqual(MENU);
  });
});

describe("keywords work at any step", () => {
  test.each([
    ["darurat", "id", "110"],
    ["EMERGENCY!", "en", "112"],
    ["bantuan", "id", '"darurat"'],
    ["help", "en", '"emergency"'],
  ] as const)("%s", async (word, locale, expected) => {
    const chat = await startChat(lentera.app, locale);
    const replies = await chat.say(word);
    expect(allText(replies)).toContain(expected);
  });

  test("menu, bahasa and language from inside guidance", async () => {
    const chat = await startChat(lentera.app, "id");
    await chat.tap("consent.accept");
    await chat.tap("menu.guidance");
    expect(lastChoices(await chat.say("Menu"))).toEqual(MENU);
    await chat.tap("menu.guidance");
    expect(lastChoices(await chat.say("bahasa"))).toEqual(["lang.id", "lang.en"]);
    const english = await chat.tap("lang.en");
    expect(allText(english)).toContain("continue in English");
    expect(lastChoices(english)).toEqual(MENU);
    expect(lastChoices(await chat.say("/language"))).toEqual(["lang.id", "lang.en"]);
  });

  test("darurat before any consent still gives the numbers", async () => {
    const chat = await startChat(lentera.app);
    expect(allText(await chat.say("darurat"))).toContain("110");
  });
});

describe("authorization and limits", () => {
  test("no token is 401, another conversation's token is 404", async () => {
    const a = await startChat(lentera.app, "id");
    const b = await startChat(lentera.app, "id");
    const path = `/api/webchat/conversations/${a.conversationId}/messages`;
    expect((await post(path, { text: "halo" })).status).toBe(401);
    expect((await post(path, { text: "halo" }, { authorization: "Basic abc" })).status).toBe(401);
    expect((await post(path, { text: "halo" }, { authorization: `Bearer ${b.token}` })).status).toBe(404);
    expect((await lentera.app.request(path, { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(404);
    expect(
      (
        await post(
          "/api/webchat/conversations/not-a-uuid/messages",
          { text: "x" },
          { authorization: `Bearer ${a.token}` },
        )
      ).status,
    ).toBe(404);
  });

  test("malformed and oversize bodies", async () => {
    const chat = await startChat(lentera.app, "id");
    const path = `/api/webchat/conversations/${chat.conversationId}/messages`;
    const auth = { authorization: `Bearer ${chat.token}` };
    expect((await post(path, "{", auth)).status).toBe(400);
    expect((await post(path, { text: "" }, auth)).status).toBe(400);
    expect((await post(path, { text: "a", choice: "b" }, auth)).status).toBe(400);
    expect((await post(path, { choice: "<script>" }, auth)).status).toBe(400);
    expect((await post(path, { text: "x".repeat(4001) }, auth)).status).toBe(400);
    const big = await post(path, { text: "x".repeat(20_000) }, auth);
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "payload_too_large" } });
    // nothing above reached the conversation
    const { messages } = await chat.transcript();
    expect(messages.filter((m) => m.direction === "inbound")).toHaveLength(0);
  });

  test("the transcript pages with a cursor", async () => {
    const chat = await startChat(lentera.app, "en");
    const first = await chat.transcript();
    expect(first.messages.length).toBe(chat.replies.length);
    await chat.tap("consent.accept");
    const next = await chat.transcript(first.cursor);
    expect(next.messages[0]).toMatchObject({ direction: "inbound", author: "person", text: "I agree" });
    expect(next.messages.slice(1).every((m) => m.direction === "outbound")).toBe(true);
    expect((await chat.transcript(next.cursor)).messages).toEqual([]);
    const bad = await lentera.app.request(`/api/webchat/conversations/${chat.conversationId}/messages?after=abc`, {
      headers: { authorization: `Bearer ${chat.token}` },
    });
    expect(bad.status).toBe(400);
  });
  test("replies and the person's own message carry the id and cursor the transcript lists them under", async () => {
    const ids = (messages: { id: string; cursor: string }[]) => messages.map(({ id, cursor }) => ({ id, cursor }));
    const res0 = await post("/api/webchat/conversations", { locale: "en" });
    expect(res0.status).toBe(201);
    const started = (await res0.json()) as {
      conversationId: string;
      token: string;
      replies: { id: string; cursor: string }[];
    };
    const chat = {
      ...started,
      transcript: async (after?: string) => {
        const r = await lentera.app.request(
          `/api/webchat/conversations/${started.conversationId}/messages${after ? `?after=${after}` : ""}`,
          { headers: { authorization: `Bearer ${started.token}` } },
        );
        return (await r.json()) as {
          messages: { id: string; cursor: string; direction: string; text: string }[];
          cursor: string;
        };
      },
    };
    const listed = await chat.transcript();
    expect(started.replies.length).toBeGreaterThan(0);
    expect(ids(started.replies)).toEqual(ids(listed.messages));

    const res = await post(
      `/api/webchat/conversations/${chat.conversationId}/messages`,
      { choice: "consent.accept" },
      { authorization: `Bearer ${chat.token}` },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      replies: { id: string; cursor: string; text: string }[];
      message: { id: string; cursor: string };
    };
    const next = await chat.transcript(listed.cursor);
    const [own, ...replies] = next.messages;
    expect(own).toMatchObject({ direction: "inbound", ...body.message });
    expect(replies.length).toBe(body.replies.length);
    expect(ids(body.replies)).toEqual(ids(replies));
    // the text is still there, as before the ids were added
    expect(body.replies.map((r) => r.text)).toEqual(replies.map((m) => m.text));
    expect(body.replies.at(-1)?.cursor).toBe(next.cursor);
  });
});

describe("storage", () => {
  test("messages sent together are all handled, one after the other", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.accept");
    const words = ["hello", "are you there", "I need help", "menu", "darurat"];
    await Promise.all(words.map((w) => chat.say(w)));
    const { messages } = await chat.transcript();
    const inbound = messages.filter((m) => m.direction === "inbound").map((m) => m.text);
    expect(inbound.slice(1).sort()).toEqual([...words].sort());
    const row = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(row.version).toBe(1 + 1 + words.length);
  });

  test("message text and channel ids are encrypted at rest", async () => {
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.accept");
    await chat.say("my name is Siti Rahayu and my passport was taken");
    const rows = await lentera.db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(m)::text AS row FROM "Message" m`,
    );
    const contacts = await lentera.db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(c)::text AS row FROM "Contact" c`,
    );
    const dump = [...rows, ...contacts].map((r) => r.row).join("\n");
    // the words searched for outside the sealed values: base64 ciphertext may spell "Siti" by chance
    const unsealed = dump.replace(/"v[12]:[^"]+"/g, '"sealed"');
    expect(unsealed).not.toContain("Siti");
    expect(unsealed).not.toContain("passport");
    expect(dump).toMatch(/"v2:[^"]+"/); // sealed with the person's own key
  });

  test("healthz reports the database", async () => {
    const res = await lentera.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: "up" });
  });

  test("responses carry a request id and secure headers", async () => {
    const res = await lentera.app.request("/");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
