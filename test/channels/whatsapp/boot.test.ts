import { expect, test } from "vitest";
import { WHATSAPP_LEASE } from "../../../src/channels/whatsapp/start-whatsapp.ts";
import { createTestLentera } from "../../support/create-test-lentera.ts";
import { createFakeWhatsApp, text } from "./fake-whatsapp.ts";
import { until } from "./support.ts";

test("with WHATSAPP_ENABLED the server links, answers on WhatsApp and reports the state on /healthz", async () => {
  const fake = createFakeWhatsApp();
  const lentera = await createTestLentera({ env: { WHATSAPP_ENABLED: "true" }, whatsappSocketFactory: fake.factory });
  try {
    await until(() => fake.sockets.length === 1, "the socket");
    const health = async () =>
      (await (await lentera.app.request("/healthz")).json()) as { ok: boolean; whatsapp: string };
    expect(await health()).toMatchObject({ ok: true, database: "up", whatsapp: "connecting" });
    fake.current().showQr("2@REF,NOISE,IDENTITY,ADV");
    await until(() => lentera.getWhatsAppStatus().state === "qr", "qr");
    expect(lentera.getWhatsAppStatus()).toMatchObject({ state: "qr", qr: "2@REF,NOISE,IDENTITY,ADV" });
    // /healthz is public: the state only, never the QR code
    expect(JSON.stringify(await health())).not.toContain("REF");
    fake.current().open();
    await until(() => lentera.getWhatsAppStatus().state === "open", "open");
    expect((await health()).whatsapp).toBe("open");

    fake.current().upsert([text("6281377700000@s.whatsapp.net", "halo")]);
    await until(() => fake.textsTo("6281377700000@s.whatsapp.net").length === 1, "the reply through the outbox");
    expect(lentera.getWhatsAppStatus()).toMatchObject({ counters: { received: 1, handled: 1, sent: 1 } });
  } finally {
    await lentera.close();
  }
  expect(fake.current().ended).toBe(true);
}, 120_000);

test("without WHATSAPP_ENABLED nothing connects and /healthz says disabled", async () => {
  const fake = createFakeWhatsApp();
  const lentera = await createTestLentera({ whatsappSocketFactory: fake.factory });
  try {
    expect(await (await lentera.app.request("/healthz")).json()).toMatchObject({ whatsapp: "disabled" });
    expect(lentera.getWhatsAppStatus()).toEqual({ state: "disabled" });
    expect(fake.sockets).toHaveLength(0);
    expect(await lentera.db.lease.count({ where: { name: WHATSAPP_LEASE } })).toBe(0);
  } finally {
    await lentera.close();
  }
}, 120_000);
