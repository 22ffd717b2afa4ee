import { describe, expect, test } from "vitest";
import { createWhatsAppSender, toWhatsAppMessageId } from "../../../src/channels/whatsapp/create-whatsapp-sender.ts";
import type { WhatsAppSocket } from "../../../src/channels/whatsapp/types.ts";
import type { Delivery } from "../../../src/outbox/types.ts";
import { createFakeWhatsApp } from "./fake-whatsapp.ts";

const delivery = (recipient: string, n: number): Delivery => ({
  messageId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  conversationId: "c",
  channel: "whatsapp",
  recipient,
  text: `pesan ${n}`,
  choices: [{ id: "a", label: "Ya" }],
  author: "bot",
  attempt: 1,
});

function setup(pace: {
  perChatIntervalMs: number;
  perMinute: number;
  typingAfterQuietMs: number;
  maxInlineWaitMs?: number;
}) {
  const fake = createFakeWhatsApp();
  const socket = fake.factory({} as never) as WhatsAppSocket;
  let clock = 1_000_000;
  let kicks = 0;
  let open = true;
  const sender = createWhatsAppSender({
    getSocket: () => socket,
    isOpen: () => open,
    kick: () => void (kicks += 1),
    pace: { maxInlineWaitMs: 0, ...pace },
    now: () => clock,
  });
  return {
    fake,
    sender,
    advance: (ms: number) => void (clock += ms),
    kicks: () => kicks,
    setOpen: (value: boolean) => void (open = value),
  };
}

describe("the WhatsApp sender", () => {
  test("sends numbered text with a stable message id and returns the key to store", async () => {
    const { fake, sender } = setup({ perChatIntervalMs: 1000, perMinute: 30, typingAfterQuietMs: 5000 });
    const result = await sender.deliver(delivery("6281@s.whatsapp.net", 1));
    const id = toWhatsAppMessageId(delivery("x", 1).messageId);
    expect(id).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(result).toEqual({
      status: "sent",
      channelMessageId: id,
      channelRef: { key: { remoteJid: "6281@s.whatsapp.net", fromMe: true, id } },
    });
    expect(fake.sent).toEqual([
      { socket: 0, jid: "6281@s.whatsapp.net", content: { text: "pesan 1\n\n1. Ya" }, options: { messageId: id } },
    ]);
    expect(fake.current().presences).toEqual([{ type: "composing", jid: "6281@s.whatsapp.net" }]);
    sender.clear();
  });

  test("keeps at least the interval between two messages to one chat, without blocking other chats", async () => {
    const { fake, sender, advance } = setup({ perChatIntervalMs: 1000, perMinute: 30, typingAfterQuietMs: 5000 });
    expect((await sender.deliver(delivery("a@s.whatsapp.net", 1))).status).toBe("sent");
    expect(await sender.deliver(delivery("a@s.whatsapp.net", 2))).toEqual({
      status: "retry",
      error: "paced",
      retryAfterMs: 1000,
    });
    expect((await sender.deliver(delivery("b@s.whatsapp.net", 3))).status).toBe("sent");
    advance(400);
    expect(await sender.deliver(delivery("a@s.whatsapp.net", 2))).toEqual({
      status: "retry",
      error: "paced",
      retryAfterMs: 600,
    });
    advance(600);
    expect((await sender.deliver(delivery("a@s.whatsapp.net", 2))).status).toBe("sent");
    expect(fake.sent.map((c) => c.jid)).toEqual(["a@s.whatsapp.net", "b@s.whatsapp.net", "a@s.whatsapp.net"]);
    // typing is shown only after a quiet spell
    expect(fake.current().presences.map((p) => p.jid)).toEqual(["a@s.whatsapp.net", "b@s.whatsapp.net"]);
    sender.clear();
  });

  test("a short wait (the next message of a reply) is waited out in place, keeping the interval", async () => {
    const fake = createFakeWhatsApp();
    const socket = fake.factory({} as never) as WhatsAppSocket;
    const sender = createWhatsAppSender({
      getSocket: () => socket,
      isOpen: () => true,
      kick: () => {},
      pace: { perChatIntervalMs: 80, maxInlineWaitMs: 200 },
    });
    const started = Date.now();
    expect((await sender.deliver(delivery("a@s.whatsapp.net", 1))).status).toBe("sent");
    expect((await sender.deliver(delivery("a@s.whatsapp.net", 2))).status).toBe("sent");
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(fake.textsTo("a@s.whatsapp.net")).toEqual(["pesan 1\n\n1. Ya", "pesan 2\n\n1. Ya"]);
    sender.clear();
  });

  test("sends at most perMinute messages a minute across all chats", async () => {
    const { sender, advance } = setup({ perChatIntervalMs: 0, perMinute: 3, typingAfterQuietMs: 5000 });
    for (let i = 0; i < 3; i++) {
      expect((await sender.deliver(delivery(`${i}@s.whatsapp.net`, i))).status).toBe("sent");
      advance(1000);
    }
    expect(await sender.deliver(delivery("9@s.whatsapp.net", 9))).toEqual({
      status: "retry",
      error: "paced",
      retryAfterMs: 57_000,
    });
    advance(57_000);
    expect((await sender.deliver(delivery("9@s.whatsapp.net", 9))).status).toBe("sent");
    sender.clear();
  });

  test("while disconnected nothing is sent and the outbox keeps the message", async () => {
    const { fake, sender, setOpen } = setup({ perChatIntervalMs: 0, perMinute: 30, typingAfterQuietMs: 5000 });
    setOpen(false);
    expect(sender.isReady?.()).toBe(false);
    expect((await sender.deliver(delivery("a@s.whatsapp.net", 1))).status).toBe("retry");
    expect(fake.sent).toEqual([]);
    sender.clear();
  });
});
