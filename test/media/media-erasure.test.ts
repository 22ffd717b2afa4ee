import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KeyUnavailableError } from "../../src/crypto/create-cipher.ts";
import { purgeExpiredMedia } from "../../src/domain/media/media-files.ts";
import { sealedAt } from "../../src/domain/privacy/person-keys.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { makePdf, makePng } from "../support/make-media-files.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addTicket, consoleClient } from "../console/support.ts";

/**
 * A person's files go with them: "delete" removes the rows, and their key's destruction leaves any copy of
 * the sealed bytes unreadable. Retention (RETENTION_MEDIA_DAYS) deletes files past their time; the
 * transcript then says the file is no longer kept.
 */
let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera({ env: { RETENTION_MEDIA_DAYS: "7" } });
});
afterAll(() => lentera?.close());

async function consentedChat() {
  const chat = await startChat(lentera.app, "en");
  const accept = chat.replies.flatMap((r) => r.choices ?? []).find((c) => /accept/.test(c.id))!;
  await chat.tap(accept.id);
  return chat;
}

const upload = (chat: { conversationId: string; token: string }, bytes: Uint8Array, type: string) =>
  lentera.app.request(`/api/webchat/conversations/${chat.conversationId}/media`, {
    method: "POST",
    headers: { authorization: `Bearer ${chat.token}`, "content-type": type },
    body: new Uint8Array(bytes),
  });

describe("a person's files and their erasure, and retention", () => {
  test('"delete" removes the files, and a copy of their sealed bytes can never be read again', async () => {
    const chat = await consentedChat();
    const other = await consentedChat();
    expect((await upload(chat, makePdf("passport of Wati"), "application/pdf")).status).toBe(200);
    expect((await upload(chat, makePng(), "image/png")).status).toBe(200);
    expect((await upload(other, makePng(), "image/png")).status).toBe(200);
    const before = await lentera.db.mediaFile.findMany({ where: { conversationId: chat.conversationId } });
    expect(before).toHaveLength(2);
    // what an attacker might have copied off the disk before the erasure
    const copy = before[0]!;
    expect(
      lentera.cipher.openBytes(copy.keyId!, copy.bytesEnc!, sealedAt("MediaFile", "bytesEnc", copy.id)).toString(),
    ).toContain("passport of Wati");

    await chat.say("delete");
    await chat.tap("erase.yes");

    expect(await lentera.db.mediaFile.count({ where: { conversationId: chat.conversationId } })).toBe(0);
    expect(await lentera.db.personKey.count({ where: { id: copy.keyId! } })).toBe(0);
    expect(() =>
      lentera.cipher.openBytes(copy.keyId!, copy.bytesEnc!, sealedAt("MediaFile", "bytesEnc", copy.id)),
    ).toThrow(KeyUnavailableError);
    // the other person's file stays
    expect(await lentera.db.mediaFile.count({ where: { conversationId: other.conversationId } })).toBe(1);
  });

  test("files are kept RETENTION_MEDIA_DAYS, then deleted; the transcript says so", async () => {
    const chat = await consentedChat();
    expect((await upload(chat, makePng(), "image/png")).status).toBe(200);
    const file = await lentera.db.mediaFile.findFirstOrThrow({ where: { conversationId: chat.conversationId } });
    expect(file.expiresAt!.getTime() - file.createdAt.getTime()).toBe(7 * 86_400_000);

    expect(await purgeExpiredMedia(lentera.db, new Date(file.createdAt.getTime() + 6 * 86_400_000))).toBe(0);
    // (the earlier test's other file expires too)
    expect(await purgeExpiredMedia(lentera.db, new Date(file.createdAt.getTime() + 7 * 86_400_000))).toBeGreaterThan(0);
    expect(await lentera.db.mediaFile.count({ where: { id: file.id } })).toBe(0);

    const ticket = await addTicket(lentera, chat.conversationId);
    const { email } = await addCaseworker(lentera, "caseworker");
    const browser = consoleClient(lentera.app);
    await browser.signIn(email);
    const page = await browser.get(`/console/tickets/${ticket.reference}`);
    expect(page.body).toContain(
      lentera.t("id", "console:ticket.media_file.gone", {
        kind: lentera.t("id", "console:ticket.media_file.kind.photo"),
      }),
    );
    expect((await browser.get(`/console/tickets/${ticket.reference}/media/${file.id}`)).res.status).toBe(404);
  });
});
