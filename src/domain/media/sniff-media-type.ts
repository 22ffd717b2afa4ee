/**
 * A file's type read from its first bytes (its "magic number"), never from its name, the channel's word or
 * the browser's header: what a file says it is and what it is differ when someone means harm. Knows the
 * images, documents, voice notes and videos people send on Telegram, WhatsApp and the web chat;
 * anything else is `application/octet-stream` (served only as a download).
 * @example sniffMediaType(Buffer.from("%PDF-1.7…")) // "application/pdf"
 */
export function sniffMediaType(bytes: Uint8Array): SniffedType {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "image/gif";
  if (ascii(0, 5) === "%PDF-") return "application/pdf";
  if (ascii(0, 4) === "OggS") return "audio/ogg";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WAVE") return "audio/wav";
  if (ascii(0, 5) === "#!AMR") return "audio/amr";
  if (ascii(0, 3) === "ID3" || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return "audio/mpeg";
  if (ascii(4, 8) === "ftyp") {
    const brand = ascii(8, 12);
    if (brand === "M4A " || brand === "M4B ") return "audio/mp4";
    if (brand === "qt  ") return "video/quicktime";
    return "video/mp4";
  }
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return "video/webm";
  return "application/octet-stream";
}

export type SniffedType =
  | "image/jpeg"
  | "image/png"
  | "image/webp"
  | "image/gif"
  | "application/pdf"
  | "audio/ogg"
  | "audio/wav"
  | "audio/amr"
  | "audio/mpeg"
  | "audio/mp4"
  | "video/quicktime"
  | "video/mp4"
  | "video/webm"
  | "application/octet-stream";

/** How the console shows a file of this type: played, shown, or offered as a download. */
export function displayOf(mimeType: string): "audio" | "image" | "video" | "download" {
  if (mimeType === "audio/amr") return "download"; // no browser plays AMR
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("video/")) return "video";
  return "download";
}
