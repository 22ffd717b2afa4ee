import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, saveScreenshot, readLocale, startBrowserHarness } from "../support/browser.ts";
import { openSite, signInToConsole } from "../support/console-browser.ts";
import { addCaseworker, addTicket, PASSWORD } from "../console/support.ts";
import { startFakeTelegramApi, type FakeTelegramApi } from "../support/fake-telegram-api.ts";
import { createFakeWhatsApp, mediaFrom, text } from "../channels/whatsapp/fake-whatsapp.ts";
import { makePng, makeWav } from "../support/make-media-files.ts";
import type { TestLentera } from "../support/create-test-lentera.ts";

/**
 * Media reaching the caseworker, in a real Chromium (English console): a voice note sent on Telegram plays
 * in the transcript (a real WAV: its metadata loads, it has a duration and plays), a photo sent on WhatsApp
 * and one a person attaches with the web chat's button are shown (decoded: naturalWidth > 0) — every file
 * read is in the audit log, and nothing leaves the site. Screenshots go to test-results/.
 */

const STEP_TIMEOUT_MS = 20_000;
/** the voice note plays and the transcript polls in the page's own time */
const REAL_TIME = { realClock: true, stepTimeoutMs: STEP_TIMEOUT_MS };
const WEBHOOK_SECRET = "media-e2e-webhook-secret-0123456789";
const web = readLocale<{ start: { button: string }; chat: { attach: string; photoSent: string } }>("en", "web");
const chat = readLocale<{ consent: { accept: string }; media: { received: string } }>("en", "chat");

describeBrowser("media in the console (browser)", { timeout: 180_000 }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>> | undefined;
  let telegramApi: FakeTelegramApi | undefined;
  const whatsapp = createFakeWhatsApp();

  beforeAll(async () => {
    telegramApi = await startFakeTelegramApi();
    harness = await startBrowserHarness({
      env: {
        TELEGRAM_BOT_TOKEN: telegramApi.token,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        TELEGRAM_API_ROOT: telegramApi.url,
        WHATSAPP_ENABLED: "true",
      },
      whatsappSocketFactory: whatsapp.factory,
      telegramThrottle: { reservoir: 1000, reservoirIncreaseMaximum: 1000 },
    });
  }, 90_000);
  afterAll(async () => {
    await harness?.close();
    await telegramApi?.close();
  });

  it("a Telegram voice note plays; a WhatsApp photo and a web chat upload are shown; every read audited", async () => {
    const lentera = harness!.server.lentera;
    const url = harness!.server.url;

    // Telegram: a person agrees to the notice and sends a voice note (a one-second WAV).
    const tg = telegramPerson(lentera, telegramApi!, 8801);
    await tg.send({ text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] });
    await tg.press("lang.en");
    await tg.press("consent.accept");
    const wav = makeWav(1);
    const voice = telegramApi!.addFile(wav, "voice.oga");
    await tg.send({ voice: { ...voice, duration: 1, mime_type: "audio/ogg" } });
    const tgFile = await storedFile(lentera, "telegram");

    // WhatsApp: the socket connects; a person agrees and sends a photo.
    await until(() => whatsapp.sockets.length === 1);
    whatsapp.current().open();
    await until(() => lentera.getWhatsAppStatus().state === "open");
    const jid = "6281299990001@s.whatsapp.net";
    for (const body of ["halo", "2", "I agree"]) whatsapp.current().upsert([text(jid, body)]);
    const waPng = makePng(40, 30, [30, 120, 200]);
    whatsapp.current().upsert([mediaFrom(jid, "image", waPng)]);
    const waFile = await storedFile(lentera, "whatsapp");

    // The web chat: a person on a phone attaches a screenshot with the attach button.
    const person = await openSite(harness!.browser, url, { lang: "id", device: "phone", ...REAL_TIME });
    await person.page.goto(url);
    await person.page.getByRole("radio", { name: "English" }).check();
    await person.page.getByRole("button", { name: web.start.button }).click();
    await person.page.locator("#choices").getByRole("button", { name: chat.consent.accept, exact: true }).click();
    await person.page.locator("#log .message--bot").last().waitFor();
    await person.page.locator("#choices button").first().waitFor();
    const chooser = person.page.waitForEvent("filechooser");
    await person.page.getByRole("button", { name: web.chat.attach }).click();
    await (
      await chooser
    ).setFiles({ name: "tiktok-ad.png", mimeType: "image/png", buffer: makePng(64, 48, [250, 200, 0]) });
    await person.page.locator("#log .message--person", { hasText: web.chat.photoSent }).waitFor();
    await person.page.locator("#log .message--bot", { hasText: chat.media.received.slice(0, 20) }).waitFor();
    await screenshot(person.page, "webchat-attach");
    const webFile = await storedFile(lentera, "web");

    // A supervisor opens the three tickets.
    const tickets = await Promise.all([tgFile, waFile, webFile].map((file) => addTicket(lentera, file.conversationId)));
    const { email, caseworker } = await addCaseworker(lentera, "supervisor");
    const cw = await openSite(harness!.browser, url, { lang: "en", ...REAL_TIME });
    await signInToConsole(cw.page, url, "en", email, PASSWORD);

    await cw.page.goto(`${url}/console/tickets/${tickets[0]!.reference}`);
    const audio = cw.page.locator("#transcript audio");
    await audio.waitFor();
    const played = await audio.evaluate(async (element) => {
      const a = element as HTMLAudioElement;
      if (a.readyState < 1)
        await new Promise((resolve) => a.addEventListener("loadedmetadata", resolve, { once: true }));
      a.muted = true;
      await a.play();
      // until it has played a little (on a loaded machine the media pipeline can take more than a moment)
      const deadline = Date.now() + 5_000;
      while (a.currentTime === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      return { duration: a.duration, currentTime: a.currentTime, error: a.error?.code ?? null };
    });
    expect(played.error).toBeNull();
    expect(played.duration).toBeGreaterThan(0.9);
    expect(played.duration).toBeLessThan(1.1);
    expect(played.currentTime).toBeGreaterThan(0);
    await screenshot(cw.page, "voice-note");

    for (const [index, size] of [
      [1, 40],
      [2, 64],
    ] as const) {
      await cw.page.goto(`${url}/console/tickets/${tickets[index]!.reference}`);
      const image = cw.page.locator("#transcript figure.media img");
      await image.waitFor();
      await expect
        .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: STEP_TIMEOUT_MS })
        .toBe(size);
      await screenshot(cw.page, index === 1 ? "whatsapp-photo" : "webchat-photo");
    }

    const reads = await lentera.db.auditEvent.findMany({ where: { action: "media.read", actorId: caseworker.id } });
    const readFiles = new Set(reads.map((r) => (r.meta as { mediaId: string }).mediaId));
    expect(readFiles).toEqual(new Set([tgFile.id, waFile.id, webFile.id]));
    expect(cw.foreignRequests()).toEqual([]);
    expect(person.foreignRequests()).toEqual([]);
    await cw.context.close();
    await person.context.close();
  });
});

/** A Telegram person writing to the bot through the webhook, as Telegram delivers updates. */
function telegramPerson(lentera: TestLentera, api: FakeTelegramApi, chatId: number) {
  const chat = { id: chatId, type: "private", first_name: "Sari" };
  const from = { id: chatId, is_bot: false, first_name: "Sari", language_code: "en" };
  let updateId = 900_000;
  const post = async (update: Record<string, unknown>) => {
    const res = await lentera.app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET },
      body: JSON.stringify({ update_id: ++updateId, ...update }),
    });
    expect(res.status).toBe(200);
    await lentera.telegram!.idle();
  };
  return {
    send: (fields: Record<string, unknown>) =>
      post({
        message: { message_id: api.nextMessageId(chatId), date: Math.floor(Date.now() / 1000), chat, from, ...fields },
      }),
    press: (data: string) =>
      post({
        callback_query: {
          id: `cq-${updateId}`,
          from,
          chat_instance: "ci",
          data,
          message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat, text: "…" },
        },
      }),
  };
}

/** The channel's file, once stored (its download runs in the background). */
async function storedFile(lentera: TestLentera, channel: "telegram" | "whatsapp" | "web") {
  let file;
  await until(async () => {
    file = await lentera.db.mediaFile.findFirst({ where: { channel, status: "stored" } });
    return Boolean(file);
  });
  return file!;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = STEP_TIMEOUT_MS) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function screenshot(page: Page, name: string) {
  await saveScreenshot(page, `media-${name}`, { fullPage: true });
}
