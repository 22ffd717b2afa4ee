import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTelegramHarness, texts, type TelegramHarness } from "../channels/telegram/telegram-harness.ts";
import { addCaseworker, addTicket, consoleClient } from "../console/support.ts";
import { makeWav } from "../support/make-media-files.ts";

/**
 * A voice note sent on Telegram reaches the caseworker: the update is answered at once, the file is fetched
 * off its path (getFile, then the download URL of the fake Bot API), sealed under the person's key, and
 * served in the ticket's transcript to whoever may read it — every read in the audit log.
 */
let h: TelegramHarness;

beforeAll(async () => {
  h = await startTelegramHarness({ env: { MEDIA_FILES_PER_PERSON_PER_DAY: "2" } });
}, 60_000);
afterAll(() => h?.close());

async function onboard(chatId: number) {
  const p = h.person(chatId, { languageCode: "en" });
  await p.say("/start");
  await p.press("lang.en");
  await p.press("consent.accept");
  p.replies();
  return p;
}

async function conversationOf(chatId: number) {
  const contact = await h.lentera.db.contact.findUniqueOrThrow({
    where: {
      channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey(String(chatId)) },
    },
    include: { conversations: true },
  });
  return contact.conversations[0]!;
}

const voiceUpdate = (p: Awaited<ReturnType<typeof onboard>>, file: { file_id: string; file_size: number }) =>
  p.messageUpdate({ voice: { ...file, file_unique_id: `u-${file.file_id}`, duration: 1, mime_type: "audio/ogg" } });

describe("media on Telegram", () => {
  test("a voice note: stored sealed, shown as a player, served to a caseworker who may read it, audited", async () => {
    const p = await onboard(5101);
    const wav = makeWav(1);
    const file = h.api.addFile(wav, "voice.oga");
    await p.send(voiceUpdate(p, file));
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "media.received")]);
    await h.lentera.telegram!.fetchMedia();

    const stored = await h.lentera.db.mediaFile.findFirstOrThrow({ where: { channel: "telegram" } });
    expect(stored).toMatchObject({ status: "stored", kind: "voice", mimeType: "audio/wav", size: wav.length });
    expect(stored.sourceEnc).toBeNull();
    // sealed: the stored bytes are not the file, nor hold its header
    expect(Buffer.from(stored.bytesEnc!).includes(Buffer.from("RIFF"))).toBe(false);
    expect(stored.keyId).toBe(
      (await h.lentera.db.personKey.findFirstOrThrow({ where: { contactId: stored.contactId } })).id,
    );

    const conversation = await conversationOf(5101);
    const ticket = await addTicket(h.lentera as never, conversation.id);
    const { email, caseworker } = await addCaseworker(h.lentera as never, "caseworker");
    const browser = consoleClient(h.lentera.app);
    await browser.signIn(email);
    const page = await browser.get(`/console/tickets/${ticket.reference}`);
    const src = `/console/tickets/${ticket.reference}/media/${stored.id}`;
    expect(page.body).toContain(`<audio controls="" preload="metadata" src="${src}"`);

    const served = await h.lentera.app.request(src, { headers: { cookie: cookieOf(browser) } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("audio/wav");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await served.arrayBuffer()).equals(wav)).toBe(true);
    const reads = await h.lentera.db.auditEvent.findMany({ where: { action: "media.read", actorId: caseworker.id } });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ subjectType: "ticket", subjectId: ticket.id });
    expect(reads[0]!.meta).toMatchObject({ mediaId: stored.id, kind: "voice" });

    // not a file id, or a file of another conversation: not found
    expect((await browser.get(`/console/tickets/${ticket.reference}/media/..%2F..%2Fqueue`)).res.status).toBe(404);
    expect((await browser.get(`/console/tickets/${ticket.reference}/media/${crypto.randomUUID()}`)).res.status).toBe(
      404,
    );

    // a byte range, as players ask for (also audited)
    const part = await h.lentera.app.request(src, { headers: { cookie: cookieOf(browser), range: "bytes=0-43" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-43/${wav.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(44);

    // Another caseworker, once the ticket is claimed by the first: the file is "not found", nothing audited.
    await h.lentera.db.ticket.update({ where: { id: ticket.id }, data: { assigneeId: caseworker.id } });
    const other = await addCaseworker(h.lentera as never, "caseworker");
    const intruder = consoleClient(h.lentera.app);
    await intruder.signIn(other.email);
    expect((await intruder.get(src)).res.status).toBe(404);
    expect(await h.lentera.db.auditEvent.count({ where: { action: "media.read", actorId: other.caseworker.id } })).toBe(
      0,
    );
    // no session: sent to sign in, never the file
    expect((await h.lentera.app.request(src, { redirect: "manual" })).status).toBe(303);
  });

  test("a failed download is retried, not dropped; a file over the day's limit is refused and the person told", async () => {
    const p = await onboard(5102);
    const first = h.api.addFile(makeWav(0.5), "a.oga");
    h.api.failNext("file", { status: 502 });
    await p.send(voiceUpdate(p, first));
    await h.lentera.telegram!.fetchMedia();
    const conversation = await conversationOf(5102);
    const pending = await h.lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(pending).toMatchObject({ status: "pending", attempts: 1, lastError: "502" });
    expect(pending.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // the retry comes due
    await h.lentera.db.mediaFile.update({ where: { id: pending.id }, data: { nextAttemptAt: new Date() } });
    await h.lentera.telegram!.fetchMedia();
    expect((await h.lentera.db.mediaFile.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("stored");

    // The limit is 2 files a day: the second is kept (fetched right after its update), the third is not
    // (not even fetched).
    await p.send(voiceUpdate(p, h.api.addFile(makeWav(0.2), "b.oga")));
    p.replies();
    const downloads = h.api.fileDownloads.length;
    expect(h.api.fileDownloads.at(-1)).toMatch(/b\.oga$/);
    await p.send(voiceUpdate(p, h.api.addFile(makeWav(0.2), "c.oga")));
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "media.refused_count_limit")]);
    await h.lentera.telegram!.fetchMedia();
    const files = await h.lentera.db.mediaFile.findMany({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(files.map((f) => [f.status, f.reason])).toEqual([
      ["stored", null],
      ["stored", null],
      ["refused", "count_limit"],
    ]);
    expect(files[2]!.bytesEnc).toBeNull();
    expect(h.api.fileDownloads.length).toBe(downloads);
  });

  test("the console's live view waits for a file still arriving, then shows its player; an old one shows as arriving", async () => {
    const p = await onboard(5104);
    const conversation = await conversationOf(5104);
    const ticket = await addTicket(h.lentera as never, conversation.id);
    const { email } = await addCaseworker(h.lentera as never, "supervisor");
    const browser = consoleClient(h.lentera.app);
    await browser.signIn(email);
    const page = await browser.get(`/console/tickets/${ticket.reference}`);
    const cursor = /data-cursor="(\d+)"/.exec(page.body)![1]!;
    const live = `/console/tickets/${ticket.reference}/transcript?after=${cursor}`;

    h.api.failNext("file", { status: 502 });
    await p.send(voiceUpdate(p, h.api.addFile(makeWav(0.3), "live.oga")));
    // the voice note is still arriving: the live view holds it (and the thank-you after it) back
    expect((await browser.get(live)).res.status).toBe(204);
    const file = await h.lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(file.status).toBe("pending");
    await h.lentera.db.mediaFile.update({ where: { id: file.id }, data: { nextAttemptAt: new Date() } });
    await h.lentera.telegram!.fetchMedia();
    const arrived = await browser.get(live);
    expect(arrived.res.status).toBe(200);
    expect(arrived.body).toContain(
      `<audio controls="" preload="metadata" src="/console/tickets/${ticket.reference}/media/${file.id}"`,
    );
    expect(arrived.body).toContain(h.lentera.t("en", "media.received"));

    // a file that has not come for a while shows as arriving rather than holding the conversation back
    h.api.failNext("file", { status: 502 });
    await p.send(voiceUpdate(p, h.api.addFile(makeWav(0.3), "slow.oga")));
    const slow = await h.lentera.db.mediaFile.findFirstOrThrow({
      where: { conversationId: conversation.id, status: "pending" },
    });
    await h.lentera.db.message.update({
      where: { id: slow.messageId },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
    const after = arrived.res.headers.get("x-cursor")!;
    const shown = await browser.get(`/console/tickets/${ticket.reference}/transcript?after=${after}`);
    expect(shown.res.status).toBe(200);
    expect(shown.body).toContain('data-media-status="pending"');
  });

  test("the panic wipe (/hapus) takes the person's files with their messages", async () => {
    const p = await onboard(5105);
    await p.send(voiceUpdate(p, h.api.addFile(makeWav(0.2), "wipe.oga")));
    await h.lentera.telegram!.fetchMedia();
    const conversation = await conversationOf(5105);
    const file = await h.lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(file.status).toBe("stored");
    await p.send(p.textUpdate("/hapus"));
    await h.settle();
    expect(await h.lentera.db.mediaFile.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect(await h.lentera.db.personKey.count({ where: { id: file.keyId! } })).toBe(0);
  });

  test("a file Telegram announces as too large is refused at once, and the person told", async () => {
    const p = await onboard(5103);
    await p.send(
      p.messageUpdate({ document: { file_id: "huge", file_unique_id: "u-huge", file_size: 30 * 1024 * 1024 } }),
    );
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "media.refused_too_large")]);
    const conversation = await conversationOf(5103);
    expect(await h.lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: conversation.id } })).toMatchObject(
      { status: "refused", reason: "too_large", kind: "document" },
    );
  });
});

function cookieOf(client: ReturnType<typeof consoleClient>): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}
