import { describe, expect, test } from "vitest";
import { normalizePhone } from "../../../src/domain/contacts/normalize-phone.ts";
import { parseWhatsAppMessage } from "../../../src/channels/whatsapp/parse-whatsapp-message.ts";
import { renderWhatsAppText } from "../../../src/channels/whatsapp/render-whatsapp-text.ts";
import { incoming, text } from "./fake-whatsapp.ts";

const PERSON = "6281234567890@s.whatsapp.net";

describe("which messages reach the engine", () => {
  test.each([
    ["a group", text("120363041234567890@g.us", "halo", { participant: PERSON }), "not_person"],
    ["a broadcast list", text("1234567890@broadcast", "promo"), "not_person"],
    ["a status update", text("status@broadcast", "my story", { participant: PERSON }), "not_person"],
    ["a newsletter", text("120363123456789012@newsletter", "berita"), "not_person"],
    ["our own message", text(PERSON, "dari kami", { fromMe: true }), "from_me"],
    [
      "a deleted message (protocol)",
      incoming(PERSON, { protocolMessage: { type: 0, key: { remoteJid: PERSON, id: "X" } } }),
      "protocol",
    ],
    [
      "an edit (protocol)",
      incoming(PERSON, {
        editedMessage: { message: { protocolMessage: { type: 14, editedMessage: { conversation: "x" } } } },
      }),
      "protocol",
    ],
    [
      "a reaction",
      incoming(PERSON, { reactionMessage: { key: { remoteJid: PERSON, id: "X" }, text: "👍" } }),
      "reaction",
    ],
    ["a poll vote", incoming(PERSON, { pollUpdateMessage: { pollCreationMessageKey: { id: "X" } } }), "protocol"],
    ["a message with no content (stub)", incoming(PERSON, {}), "unsupported"],
    ["a blank text", text(PERSON, "   "), "empty"],
  ])("%s is ignored", (_kind, message, reason) => {
    expect(parseWhatsAppMessage(message, "notify")).toEqual({ status: "ignored", reason });
  });

  test("a message that waited while Lentera was offline (append) is answered; old history is not", () => {
    const waited = text(PERSON, "tolong", { id: "OFFLINE1" });
    expect(parseWhatsAppMessage(waited, "append")).toEqual({
      status: "accepted",
      jid: PERSON,
      externalId: "OFFLINE1",
      input: { type: "text", text: "tolong" },
    });
    const old = text(PERSON, "lama");
    old.messageTimestamp = Math.floor(Date.now() / 1000) - 30 * 24 * 3600;
    expect(parseWhatsAppMessage(old, "append")).toEqual({ status: "ignored", reason: "history" });
    expect(parseWhatsAppMessage(text(PERSON, "lama", { fromMe: true }), "append")).toEqual({
      status: "ignored",
      reason: "from_me",
    });
  });

  test.each([
    ["plain text", { conversation: "  tolong  " }, "tolong"],
    ["extended text", { extendedTextMessage: { text: "lihat https://example.org" } }, "lihat https://example.org"],
    [
      "a button reply",
      { buttonsResponseMessage: { selectedButtonId: "b1", selectedDisplayText: "English" } },
      "English",
    ],
    [
      "a list reply",
      { listResponseMessage: { title: "Bahasa Indonesia", singleSelectReply: { selectedRowId: "lang.id" } } },
      "Bahasa Indonesia",
    ],
    ["a template button reply", { templateButtonReplyMessage: { selectedId: "x", selectedDisplayText: "2" } }, "2"],
    [
      "a disappearing-mode text",
      { ephemeralMessage: { message: { extendedTextMessage: { text: "rahasia" } } } },
      "rahasia",
    ],
  ])("%s is text", (_kind, content, expected) => {
    const message = incoming(PERSON, content, { id: "ABC123" });
    expect(parseWhatsAppMessage(message, "notify")).toEqual({
      status: "accepted",
      jid: PERSON,
      externalId: "ABC123",
      input: { type: "text", text: expected },
    });
  });

  test.each([
    ["an image", { imageMessage: { mimetype: "image/jpeg" } }, "photo"],
    ["a document", { documentMessage: { mimetype: "application/pdf" } }, "document"],
    [
      "a document with caption",
      { documentWithCaptionMessage: { message: { documentMessage: { mimetype: "application/pdf" } } } },
      "document",
    ],
    ["a voice note", { audioMessage: { ptt: true } }, "voice"],
    ["a video", { videoMessage: { mimetype: "video/mp4" } }, "video"],
    ["a location", { locationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } }, "other"],
    ["a live location", { liveLocationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } }, "other"],
    ["a contact card", { contactMessage: { displayName: "Agen", vcard: "BEGIN:VCARD\nEND:VCARD" } }, "other"],
    ["a sticker", { stickerMessage: { mimetype: "image/webp" } }, "other"],
    ["a poll", { pollCreationMessageV3: { name: "Kapan?", options: [{ optionName: "besok" }] } }, "other"],
  ])("%s is media, referenced by the message key id", (_kind, content, kind) => {
    const message = incoming(PERSON, content, { id: "MEDIA1" });
    expect(parseWhatsAppMessage(message, "notify")).toEqual({
      status: "accepted",
      jid: PERSON,
      externalId: "MEDIA1",
      input: { type: "media", kind, ref: "MEDIA1" },
    });
  });

  test("long text is cut at 4,000 characters", () => {
    const parsed = parseWhatsAppMessage(text(PERSON, "a".repeat(5000)), "notify");
    expect(parsed.status === "accepted" && parsed.input.type === "text" && parsed.input.text.length).toBe(4000);
  });

  test("an @lid address without a phone number stays the @lid address; with one, the phone number wins", () => {
    expect(parseWhatsAppMessage(text("123456789012345@lid", "halo"), "notify")).toMatchObject({
      jid: "123456789012345@lid",
    });
    expect(
      parseWhatsAppMessage(
        text("123456789012345:2@lid", "halo", { remoteJidAlt: "6281234567890:2@s.whatsapp.net" }),
        "notify",
      ),
    ).toMatchObject({ jid: PERSON });
    expect(parseWhatsAppMessage(text("6281234567890:14@s.whatsapp.net", "halo"), "notify")).toMatchObject({
      jid: PERSON,
    });
  });
});

describe("numbered menus", () => {
  test("choices become a numbered list under the text", () => {
    expect(
      renderWhatsAppText({
        text: "Pilih:",
        choices: [
          { id: "a", label: "Satu" },
          { id: "b", label: "Dua" },
        ],
      }),
    ).toBe("Pilih:\n\n1. Satu\n2. Dua");
    expect(renderWhatsAppText({ text: "Tanpa pilihan" })).toBe("Tanpa pilihan");
  });
});

describe("phone numbers", () => {
  test.each([
    ["0812-3456-7890", "6281234567890"],
    ["+62 812 3456 7890", "6281234567890"],
    ["62812 3456 7890", "6281234567890"],
    ["+62 0812 3456 7890", "6281234567890"],
    ["812 3456 7890", "6281234567890"],
    ["0062 812 3456 7890", "6281234567890"],
    ["+60 12-345 6789", "60123456789"],
    ["(021) 500-454", "6221500454"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  test.each(["", "halo", "123", "+62", "0812 3456 7890 1234 5678"])("%j is not a phone number", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("errors in the log", () => {
  test("JIDs and phone numbers are masked", async () => {
    const { maskError } = await import("../../../src/channels/whatsapp/mask-error.ts");
    expect(maskError(new Error("No sessions for 6281234567890:3@s.whatsapp.net and 98765432101234@lid"))).toBe(
      "No sessions for [jid] and [jid]",
    );
    expect(maskError(new Error("failed for +62 812-3456-7890"))).toBe("failed for [number]");
    expect(maskError(new Error("Connection Closed"))).toBe("Connection Closed");
  });
});
