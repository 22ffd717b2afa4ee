import { z } from "zod";
import { sniffMediaType } from "../../domain/media/sniff-media-type.ts";
import { AppError } from "../../http/errors.ts";

/** What the web chat accepts: pictures (a screenshot of a recruiter's ad, a contract) and PDF documents. */
export const UPLOAD_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
type UploadType = (typeof UPLOAD_TYPES)[number];

/** The upload's declared type: one of ours, the browser's "don't know", or absent. */
const DeclaredType = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.split(";")[0]!.trim())
  .pipe(z.enum([...UPLOAD_TYPES, "application/octet-stream", ""]))
  .optional();

/**
 * The body of a web-chat upload, checked: not empty, and a JPEG, PNG, WebP or PDF by its own first bytes
 * (the name and the Content-Type header are a browser's guess, or a lie). A declared type the content
 * contradicts, or content of another type, is a 415 that says what was found.
 */
export async function readUpload(
  request: Request,
): Promise<{ bytes: Uint8Array; mimeType: UploadType; kind: "photo" | "document" }> {
  const declared = DeclaredType.safeParse(request.headers.get("content-type") ?? undefined);
  if (!declared.success)
    throw new AppError(
      "unsupported_media_type",
      "Send a JPEG, PNG or WebP picture or a PDF document, with its type as the Content-Type (or application/octet-stream).",
    );
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (!bytes.byteLength) throw new AppError("bad_request", "The file is empty.");
  const sniffed = sniffMediaType(bytes);
  const mimeType = UPLOAD_TYPES.find((type) => type === sniffed);
  if (!mimeType)
    throw new AppError(
      "unsupported_media_type",
      "Only JPEG, PNG or WebP pictures and PDF documents can be sent; this file's content is none of them.",
      { found: sniffed },
    );
  const said = declared.data;
  if (said && said !== "application/octet-stream" && said !== mimeType)
    throw new AppError("unsupported_media_type", `The file's content is ${mimeType}, but it was sent as ${said}.`, {
      found: mimeType,
      declared: said,
    });
  return { bytes, mimeType, kind: mimeType === "application/pdf" ? "document" : "photo" };
}
