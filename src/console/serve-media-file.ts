import type { Context } from "hono";
import { displayOf } from "../domain/media/sniff-media-type.ts";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/pdf": "pdf",
  "audio/ogg": "ogg",
  "audio/wav": "wav",
  "audio/amr": "amr",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
};

/**
 * A decrypted file as the browser gets it: the type read from its bytes (never guessed again:
 * `nosniff`), never kept by the browser or a proxy (`no-store`), never framed, never run. Pictures, voice
 * notes and videos are shown inline; documents and anything else only as a download. One byte range is
 * answered (206) so that players can seek.
 */
export function serveMediaFile(
  c: Context,
  file: { bytes: Buffer; mimeType: string; kind: string },
  options: { download: boolean },
): Response {
  const inline = !options.download && displayOf(file.mimeType) !== "download";
  const name = `${file.kind}.${EXTENSIONS[file.mimeType] ?? "bin"}`;
  const headers: Record<string, string> = {
    "content-type": file.mimeType,
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${name}"`,
    "cross-origin-resource-policy": "same-origin",
    "accept-ranges": "bytes",
  };
  const total = file.bytes.byteLength;
  const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header("range") ?? "");
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, total - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
    if (start >= total || start > end) return c.body(null, 416, { ...headers, "content-range": `bytes */${total}` });
    return c.body(new Uint8Array(file.bytes.subarray(start, end + 1)), 206, {
      ...headers,
      "content-range": `bytes ${start}-${end}/${total}`,
    });
  }
  return c.body(new Uint8Array(file.bytes), 200, headers);
}
