import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { mediaFrom, text } from "../channels/whatsapp/fake-whatsapp.ts";
import { nextJid, startOpenTestWhatsApp, until } from "../channels/whatsapp/support.ts";
import { addCaseworker, addTicket, consoleClient } from "../console/support.ts";
import { makePng } from "../support/make-media-files.ts";

/**
 * A photo sent on WhatsApp reaches the caseworker: the message is answered at once, the file downloaded
 * through the open socket (Baileys' downloadMediaMessage, faked with the media servers behind it), sealed
 * under the person's key and shown in the ticket's transcript. A dropped download is tried again.
 */
let lentera: TestLentera;
let wa: Awaited<ReturnType<typeof startOpenTestWhatsApp>>;
beforeAll(async () => {
  lentera = await createTestLentera();
  wa = await startOpenTestWhatsApp(lentera);
});
afterAll(async () => {
  await wa?.handle.stop();
  await lentera?.close();
});

async function onboard(jid: string) {
  for (const [body, total] of [
    ["halo", 1],
    ["2", 3],
    ["I agree", 5],
  ] as const) {
    wa.fake.current().upsert([text(jid, body)]);
    await until(() => wa.fake.textsTo(jid).length >= total, `${total} messages to the person`);
    await wa.handle.idle();
  }
}

async function conversationOf(jid: string) {
  const contact = await lentera.db.contact.findUniqueOrThrow({
    where: { channel_channelUserKey: { channel: "whatsapp", channelUserKey: lentera.cipher.lookupKey(jid) } },
    include: { conversations: true },
  });
  return contact.conversations[0]!;
}

describe("media on WhatsApp", () => {
  test("a photo: downloaded off the message's path, retried once the connection drops, shown to a caseworker", async () => {
    const jid = nextJid();
    await onboard(jid);
    const png = makePng(12, 8);
    const socket = wa.fake.current();
    socket.failDownloads = 1;
    socket.upsert([mediaFrom(jid, "image", png)]);
    await until(() => wa.fake.textsTo(jid).length >= 6, "the thank-you");
    await wa.handle.idle();
    expect(wa.fake.textsTo(jid)[5]).toBe(lentera.t("en", "media.received"));

    const conversation = await conversationOf(jid);
    const pending = await lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(pending).toMatchObject({ status: "pending", kind: "photo", attempts: 1, size: png.length });
    await lentera.db.mediaFile.update({ where: { id: pending.id }, data: { nextAttemptAt: new Date() } });
    await wa.handle.fetchMedia();
    const stored = await lentera.db.mediaFile.findUniqueOrThrow({ where: { id: pending.id } });
    expect(stored).toMatchObject({ status: "stored", mimeType: "image/png", size: png.length, sourceEnc: null });
    expect(socket.downloads).toHaveLength(2);

    const ticket = await addTicket(lentera, conversation.id);
    const { email, caseworker } = await addCaseworker(lentera, "supervisor");
    const browser = consoleClient(lentera.app);
    await browser.signIn(email);
    const src = `/console/tickets/${ticket.reference}/media/${stored.id}`;
    expect((await browser.get(`/console/tickets/${ticket.reference}`)).body).toContain(`<img src="${src}"`);
    const res = await lentera.app.request(src, {
      headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(await lentera.db.auditEvent.count({ where: { action: "media.read", actorId: caseworker.id } })).toBe(1);
  });

  test("a voice note WhatsApp no longer has (nor the phone) is marked failed, not retried for ever", async () => {
    const jid = nextJid();
    await onboard(jid);
    const message = mediaFrom(jid, "audio", Buffer.from("OggS-voice"), { url: "https://mmg.whatsapp.net/gone.enc" });
    wa.fake.current().upsert([message]);
    await until(() => wa.fake.textsTo(jid).length >= 6, "the thank-you");
    await wa.handle.idle();
    const conversation = await conversationOf(jid);
    expect(await lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: conversation.id } })).toMatchObject({
      status: "failed",
      reason: "gone",
      kind: "voice",
      sourceEnc: null,
    });
    const ticket = await addTicket(lentera, conversation.id);
    const { email } = await addCaseworker(lentera, "supervisor");
    const browser = consoleClient(lentera.app);
    await browser.signIn(email);
    const page = await browser.get(`/console/tickets/${ticket.reference}`);
    expect(page.body).toContain(
      lentera.t("id", "console:ticket.media_file.failed", {
        kind: lentera.t("id", "console:ticket.media_file.kind.voice"),
      }),
    );
  });
});
