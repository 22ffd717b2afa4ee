import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createDbAuthState } from "../../../src/channels/whatsapp/create-db-auth-state.ts";
import { createLease } from "../../../src/channels/whatsapp/create-lease.ts";
import { linkWhatsApp, type LinkDeps } from "../../../src/channels/whatsapp/link-whatsapp.ts";
import { renderQrSvg } from "../../../src/console/render-qr-svg.ts";
import { encodeQr, renderQrText } from "../../../src/channels/whatsapp/render-qr-text.ts";
import { WHATSAPP_LEASE } from "../../../src/channels/whatsapp/start-whatsapp.ts";
import { createLogger } from "../../../src/log/create-logger.ts";
import { createTestLentera, type TestLentera } from "../../support/create-test-lentera.ts";
import { createFakeWhatsApp } from "./fake-whatsapp.ts";
import { until } from "./support.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());
beforeEach(async () => {
  await lentera.db.whatsAppAuth.deleteMany({});
  await lentera.db.lease.deleteMany({});
});

function link(overrides: Partial<LinkDeps> = {}) {
  const fake = createFakeWhatsApp();
  const said: (string | { qr: string })[] = [];
  const result = linkWhatsApp({
    db: lentera.db,
    cipher: lentera.cipher,
    log: createLogger({ level: "silent" }),
    socketFactory: fake.factory,
    say: (message) =>
      said.push(
        "qr" in message
          ? { qr: message.qr }
          : `${message.key}${message.vars ? ` ${JSON.stringify(message.vars)}` : ""}`,
      ),
    ...overrides,
  });
  return { fake, said, result };
}

/** What the phone does when it scans: WhatsApp hands over the account, then asks for a restart. */
function phoneScans(fake: ReturnType<typeof createFakeWhatsApp>) {
  Object.assign(fake.auths.at(-1)!.creds, {
    me: { id: "6281234567890:9@s.whatsapp.net", name: "Lentera" },
    registered: true,
  });
  fake.current().ev.emit("creds.update", { me: fake.auths.at(-1)!.creds.me });
  fake.current().close(515);
}

describe("npm run cli -- whatsapp link", () => {
  test("shows the QR code, and after the scan and WhatsApp's restart saves the link", async () => {
    const { fake, said, result } = link();
    await until(() => fake.sockets.length === 1, "the socket");
    fake.current().showQr("2@REF1,NOISE,IDENTITY,ADV");
    fake.current().showQr("2@REF2,NOISE,IDENTITY,ADV");
    phoneScans(fake);
    await until(() => fake.sockets.length === 2, "the socket after the restart");
    fake.current().open();
    expect(await result).toEqual({ status: "linked" });
    expect(said).toEqual([
      'link.waiting {"minutes":3}',
      "link.private",
      "link.scan",
      { qr: "2@REF1,NOISE,IDENTITY,ADV" },
      "link.scan_again",
      { qr: "2@REF2,NOISE,IDENTITY,ADV" },
    ]);
    expect((await createDbAuthState(lentera.db, lentera.cipher)).isLinked()).toBe(true);
    expect(await lentera.db.lease.count()).toBe(0);
    expect(fake.sockets.every((s) => s.ended)).toBe(true);
  });

  test("with --phone asks for a pairing code instead", async () => {
    const { fake, said, result } = link({ phone: "6281234567890" });
    await until(() => fake.sockets.length === 1, "the socket");
    fake.current().showQr("2@REF1,NOISE,IDENTITY,ADV");
    await until(() => said.some((s) => typeof s === "string" && s.startsWith("link.pairing_code")), "the pairing code");
    expect(fake.current().pairingRequests).toEqual(["6281234567890"]);
    expect(said).toContain('link.pairing_code {"code":"ABCD-1234"}');
    expect(said.some((s) => typeof s !== "string")).toBe(false);
    phoneScans(fake);
    await until(() => fake.sockets.length === 2, "the socket after the restart");
    fake.current().open();
    expect(await result).toEqual({ status: "linked" });
  });

  test("does not fight a running server for the socket", async () => {
    expect(await createLease(lentera.db, { name: WHATSAPP_LEASE, holder: "server", ttlMs: 60_000 }).acquire()).toBe(
      true,
    );
    const { fake, result } = link();
    expect(await result).toEqual({ status: "busy" });
    expect(fake.sockets).toHaveLength(0);
  });

  test("an existing link is kept unless --relink", async () => {
    const auth = await createDbAuthState(lentera.db, lentera.cipher);
    Object.assign(auth.state.creds, { me: { id: "6281234567890:9@s.whatsapp.net" } });
    await auth.saveCreds();
    expect(await link().result).toEqual({ status: "already_linked" });
    const again = link({ relink: true, timeoutMs: 50 });
    expect(await again.result).toEqual({ status: "timeout" });
    expect((await createDbAuthState(lentera.db, lentera.cipher)).isLinked()).toBe(false);
  });
});

describe("the terminal QR code", () => {
  test("is the smallest code that holds the payload, drawn two rows a line with a quiet zone", () => {
    expect(encodeQr(new TextEncoder().encode("hello"))).toHaveLength(21);
    const payload = `2@${"A".repeat(30)},${"B".repeat(44)},${"C".repeat(44)},${"D".repeat(44)},1`;
    const modules = encodeQr(new TextEncoder().encode(payload));
    expect(modules.length).toBe(8 * 4 + 17);
    // finder pattern in the top-left corner: a dark 7×7 ring around a 3×3 core
    expect(modules[0]!.slice(0, 7).every(Boolean)).toBe(true);
    expect(modules[1]!.slice(0, 7)).toEqual([true, false, false, false, false, false, true]);
    const lines = renderQrText(payload).split("\n");
    expect(lines).toHaveLength(Math.ceil((modules.length + 4) / 2));
    expect(lines.every((line) => line.endsWith("\x1b[0m"))).toBe(true);
  });

  test("renders as an inline SVG for the console, one path of dark modules", () => {
    const svg = renderQrSvg("hello", { title: "Scan <me>" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 29 29" width="264" height="264"/);
    expect(svg).toContain("<title>Scan &#60;me&#62;</title>");
    const dark = encodeQr(new TextEncoder().encode("hello")).flat().filter(Boolean).length;
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
  });
});
