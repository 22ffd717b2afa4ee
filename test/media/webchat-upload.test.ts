import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { makePdf, makePng } from "../support/make-media-files.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addTicket, consoleClient } from "../console/support.ts";

/**
 * The web chat's upload, through app.request(): pictures and PDFs only, by their content; a size limit
 * (413) above the app's general 1 MB; the person's own conversation only; limits per person and day; the
 * chat's rate limit.
 */
let lentera: TestLentera;
const MAX_FILE_BYTES = 1_500_000;

beforeAll(async () => {
  lentera = await createTestLentera({
    env: { MEDIA_MAX_FILE_BYTES: String(MAX_FILE_BYTES), MEDIA_FILES_PER_PERSON_PER_DAY: "3" },
  });
});
afterAll(() => lentera?.close());

async function consentedChat() {
  const chat = await startChat(lentera.app, "en");
  const accept = chat.replies.flatMap((r) => r.choices ?? []).find((c) => /accept/.test(c.id));
  expect(accept, "the consent question").toBeDefined();
  await chat.tap(accept!.id);
  return chat;
}

function upload(chat: { conversationId: string; token: string }, bytes: Uint8Array, type?: string) {
  return lentera.app.request(`/api/webchat/conversations/${chat.conversationId}/media`, {
    method: "POST",
    headers: { authorization: `Bearer ${chat.token}`, ...(type ? { "content-type": type } : {}) },
    body: new Uint8Array(bytes),
  });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("web chat upload", () => {
  test("a picture and a PDF are kept, sealed, and shown in the console; the person is thanked", async () => {
    const chat = await consentedChat();
    const png = makePng(16, 9);
    const res = await upload(chat, png, "image/png");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { replies: { text: string }[]; message: { id: string; cursor: string } };
    expect(body.replies.map((r) => r.text)).toEqual([lentera.t("en", "media.received")]);
    expect(body.message.id).toMatch(/^[0-9a-f-]{36}$/);
    const pdf = makePdf("contract of Sari");
    expect((await upload(chat, pdf, "application/octet-stream")).status).toBe(200);

    const files = await lentera.db.mediaFile.findMany({
      where: { conversationId: chat.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(files.map((f) => [f.status, f.kind, f.mimeType, f.size])).toEqual([
      ["stored", "photo", "image/png", png.length],
      ["stored", "document", "application/pdf", pdf.length],
    ]);
    expect(Buffer.from(files[1]!.bytesEnc!).includes(Buffer.from("contract of Sari"))).toBe(false);

    // the person's own transcript lists them as files
    const transcript = await chat.transcript();
    expect(transcript.messages.filter((m) => (m as { media?: unknown }).media)).toHaveLength(2);

    const ticket = await addTicket(lentera, chat.conversationId);
    const { email } = await addCaseworker(lentera, "caseworker");
    const browser = consoleClient(lentera.app);
    await browser.signIn(email);
    const page = await browser.get(`/console/tickets/${ticket.reference}`);
    const imageSrc = `/console/tickets/${ticket.reference}/media/${files[0]!.id}`;
    expect(page.body).toContain(`<img src="${imageSrc}"`);
    expect(page.body).toContain(`href="/console/tickets/${ticket.reference}/media/${files[1]!.id}?download=1"`);
    const image = await browser.get(imageSrc);
    expect(image.res.headers.get("content-type")).toBe("image/png");
    expect(image.res.headers.get("content-disposition")).toBe('inline; filename="photo.png"');
    const doc = await browser.get(`/console/tickets/${ticket.reference}/media/${files[1]!.id}?download=1`);
    expect(doc.res.status).toBe(200);
    expect(doc.res.headers.get("content-type")).toBe("application/pdf");
    expect(doc.res.headers.get("content-disposition")).toBe('attachment; filename="document.pdf"');
    expect(doc.res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(doc.res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await lentera.db.auditEvent.count({ where: { action: "media.read", subjectId: ticket.id } })).toBe(2);
  });

  test("the type is read from the content: a mismatch or another type is a 415 that says what was found", async () => {
    const chat = await consentedChat();
    const mismatch = await upload(chat, makePng(), "image/jpeg");
    expect(mismatch.status).toBe(415);
    expect(await errorOf(mismatch)).toMatchObject({
      code: "unsupported_media_type",
      message: "The file's content is image/png, but it was sent as image/jpeg.",
    });
    // a script named and labelled as a picture
    const script = await upload(chat, Buffer.from("<script>alert(1)</script>"), "image/png");
    expect(script.status).toBe(415);
    expect((await errorOf(script)).message).toMatch(/only JPEG, PNG or WebP pictures and PDF documents/i);
    const gif = await upload(chat, Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), "application/octet-stream");
    expect(gif.status).toBe(415);
    expect((await upload(chat, makePng(), "text/html")).status).toBe(415);
    const empty = await upload(chat, new Uint8Array(), "image/png");
    expect(empty.status).toBe(400);
    expect(await lentera.db.mediaFile.count({ where: { conversationId: chat.conversationId } })).toBe(0);
  });

  test("larger than the general 1 MB is fine up to MEDIA_MAX_FILE_BYTES; beyond it a 413", async () => {
    const chat = await consentedChat();
    const big = Buffer.concat([makePng(), Buffer.alloc(1_200_000, 7)]);
    expect((await upload(chat, big, "image/png")).status).toBe(200);
    const tooBig = Buffer.concat([makePng(), Buffer.alloc(MAX_FILE_BYTES, 7)]);
    const res = await upload(chat, tooBig, "image/png");
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
    expect(await lentera.db.mediaFile.count({ where: { conversationId: chat.conversationId } })).toBe(1);
  });

  test("only into the person's own conversation, with its token", async () => {
    const mine = await consentedChat();
    const theirs = await consentedChat();
    const forged = await upload({ conversationId: theirs.conversationId, token: mine.token }, makePng(), "image/png");
    expect(forged.status).toBe(404);
    const anonymous = await lentera.app.request(`/api/webchat/conversations/${theirs.conversationId}/media`, {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: new Uint8Array(makePng()),
    });
    expect(anonymous.status).toBe(401);
    expect(await lentera.db.mediaFile.count({ where: { conversationId: theirs.conversationId } })).toBe(0);
  });

  test("over the day's limit a file is not kept, the record says so and the person is told", async () => {
    const chat = await consentedChat();
    for (let i = 0; i < 3; i++) expect((await upload(chat, makePng(4 + i, 4), "image/png")).status).toBe(200);
    const res = await upload(chat, makePng(9, 9), "image/png");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { replies: { text: string }[] };
    expect(body.replies.map((r) => r.text)).toEqual([lentera.t("en", "media.refused_count_limit")]);
    const refused = await lentera.db.mediaFile.findMany({
      where: { conversationId: chat.conversationId, status: "refused" },
    });
    expect(refused.map((f) => [f.reason, f.bytesEnc])).toEqual([["count_limit", null]]);
  });

  test("the chat's rate limit covers uploads", async () => {
    const chat = await startChat(lentera.app, "en");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await upload(chat, makePng(), "image/png")).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
