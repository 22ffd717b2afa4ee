import { expect, test } from "vitest";
import { createLogger } from "../../../src/log/create-logger.ts";
import { createFakeWhatsApp, incoming, text } from "./fake-whatsapp.ts";
import { until } from "./support.ts";
import { createTestLentera } from "../../support/create-test-lentera.ts";

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "WhatsApp logs at trace level carry no phone number, JID or message text — through failures, reconnects, logout and a wipe",
  async () => {
    const lines: string[] = [];
    const log = createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } });
    const fake = createFakeWhatsApp();
    const lentera = await createTestLentera({
      env: { WHATSAPP_ENABLED: "true", SAFE_WORD: "lilin merah" },
      log,
      whatsappSocketFactory: fake.factory,
      // WhatsApp's pace and backoff in miniature: the paced, retried and reconnecting paths still log, in ms
      whatsappTimings: {
        pace: { perChatIntervalMs: 50, maxInlineWaitMs: 20, perMinute: 1000 },
        reconnect: { baseMs: 10, capMs: 40 },
      },
    });
    const jid = "6281234567890@s.whatsapp.net";
    try {
      await until(() => fake.sockets.length === 1, "the socket");
      fake.current().showQr("2@SECRETQR,NOISE,IDENTITY,ADV");
      fake.current().open();
      await until(() => lentera.getWhatsAppStatus().state === "open", "open");

      fake.current().upsert([text("987654321012345@lid", "halo", { remoteJidAlt: jid })]);
      await until(() => fake.textsTo(jid).length === 1, "the language question");
      fake.current().failNextWith = new Error(`SessionError: No session record for ${jid} (+62 812-3456-7890)`);
      fake.current().upsert([text(jid, "1")]);
      fake.current().upsert([incoming(jid, { imageMessage: { mimetype: "image/jpeg", caption: "Siti Rahayu" } })]);
      fake.current().upsert([text("120363041234567890@g.us", "grup Siti", { participant: jid })]);
      await until(() => fake.textsTo(jid).length >= 3, "the notice after a failed send", 20_000);
      fake.current().close(428);
      await until(() => fake.sockets.length === 2, "a reconnect");
      fake.current().open();
      fake.current().upsert([text(jid, "nama saya Siti Rahayu, nomor 081234567890, paspor ditahan")]);
      fake.current().upsert([text(jid, "lilin merah")]);
      await until(() => fake.sent.some((c) => "disappearingMessagesInChat" in c.content), "the wipe", 20_000);
      await lentera.whatsapp?.idle();
      fake.current().close(401);
      await until(() => lentera.getWhatsAppStatus().state === "logged_out", "logged out");

      const all = lines.join("\n");
      expect(all).toContain("whatsapp state");
      expect(all).toContain("delivery failed, will retry");
      for (const secret of [
        "6281234567890",
        "81234567890",
        "812-3456",
        "987654321012345",
        "@s.whatsapp.net",
        "@lid",
        "@g.us",
        "Siti",
        "paspor",
        "halo",
        "lilin",
        "SECRETQR",
      ]) {
        expect(all, secret).not.toContain(secret);
      }
    } finally {
      await lentera.close();
    }
  },
  120_000,
);
