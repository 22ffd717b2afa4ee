import { describe, expect, test } from "vitest";
import { displayOf, sniffMediaType } from "../../src/domain/media/sniff-media-type.ts";
import { makePdf, makePng, makeWav } from "../support/make-media-files.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("a file's type, from its first bytes", () => {
  test.each([
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF"), "image/jpeg", "image"],
    ["a PNG", makePng(), "image/png", "image"],
    ["a WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp", "image"],
    ["a PDF", makePdf(), "application/pdf", "download"],
    ["a Telegram/WhatsApp voice note (OGG Opus)", bytes("OggS", [0, 2], "\0\0\0\0"), "audio/ogg", "audio"],
    ["a WAV", makeWav(0.01), "audio/wav", "audio"],
    ["an MP3", bytes("ID3", [4, 0, 0]), "audio/mpeg", "audio"],
    ["an M4A", bytes([0, 0, 0, 0x20], "ftypM4A "), "audio/mp4", "audio"],
    ["an MP4", bytes([0, 0, 0, 0x20], "ftypisom"), "video/mp4", "video"],
    ["a WebM", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), "video/webm", "video"],
    ["an AMR (no browser plays it)", bytes("#!AMR\n"), "audio/amr", "download"],
    ["HTML named as a picture", bytes("<html><script>alert(1)</script>"), "application/octet-stream", "download"],
    ["an empty file", Buffer.alloc(0), "application/octet-stream", "download"],
  ])("%s", (_what, content, type, display) => {
    expect(sniffMediaType(content)).toBe(type);
    expect(displayOf(type)).toBe(display);
  });
});
