import { GrammyError, HttpError, type Api } from "grammy";
import { z } from "zod";
import type { FetchMedia, FetchOutcome } from "../../conversations/media/create-media-fetcher.ts";

/** What Lentera records to fetch a Telegram file later: its `file_id`. */
export const TelegramMediaSource = z.object({ fileId: z.string().min(1).max(512) });
export type TelegramMediaSource = z.infer<typeof TelegramMediaSource>;

/** Bots may download files up to 20 MB (Bot API `getFile`). */
export const TELEGRAM_MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Fetches a file a person sent to the bot: `getFile` gives its path, then the bytes come from
 * `<apiRoot>/file/bot<token>/<file_path>` (the Bot API's own server, or TELEGRAM_API_ROOT's). Never
 * more than `maxBytes` are read. A 429 waits its `retry_after`; a 5xx or a network error is tried again
 * later; "file is too big" and an unknown file id are final.
 */
export function createTelegramFileFetcher(deps: {
  api: Api;
  token: string;
  apiRoot?: string;
  fetch?: typeof fetch;
}): FetchMedia {
  const root = (deps.apiRoot ?? "https://api.telegram.org").replace(/\/+$/, "");
  const get = deps.fetch ?? fetch;
  return async (raw, options) => {
    const source = TelegramMediaSource.safeParse(raw);
    if (!source.success) return { status: "fail", reason: "gone", error: "bad_source" };
    let path: string | undefined;
    try {
      const file = await deps.api.getFile(source.data.fileId);
      if (file.file_size !== undefined && file.file_size > options.maxBytes)
        return { status: "fail", reason: "too_large", error: "file_size" };
      path = file.file_path;
    } catch (error) {
      return fromApiError(error);
    }
    if (!path) return { status: "fail", reason: "gone", error: "no_file_path" };
    const url = `${root}/file/bot${deps.token}/${path.split("/").map(encodeURIComponent).join("/")}`;
    let response: Response;
    try {
      response = await get(url, { signal: AbortSignal.timeout(120_000) });
    } catch {
      return { status: "retry", error: "network" };
    }
    if (response.status === 404) return { status: "fail", reason: "gone", error: "404" };
    if (!response.ok) return { status: "retry", error: String(response.status) };
    return readAtMost(response, options.maxBytes);
  };
}

function fromApiError(error: unknown): FetchOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 429)
      return { status: "retry", error: "429", afterMs: (error.parameters.retry_after ?? 5) * 1000 };
    if (error.error_code === 400 && /too big/i.test(error.description))
      return { status: "fail", reason: "too_large", error: "400" };
    if (error.error_code === 400 || error.error_code === 404)
      return { status: "fail", reason: "gone", error: String(error.error_code) };
    return { status: "retry", error: String(error.error_code) };
  }
  return { status: "retry", error: error instanceof HttpError ? "network" : "unknown" };
}

/** The body, or "too large" as soon as it passes `maxBytes` (the rest is never read). */
export async function readAtMost(response: Response, maxBytes: number): Promise<FetchOutcome> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { status: "fail", reason: "too_large", error: "content_length" };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => {});
        return { status: "fail", reason: "too_large", error: "body" };
      }
      chunks.push(next.value);
    }
  } catch {
    return { status: "retry", error: "network" };
  }
  return { status: "done", bytes: Buffer.concat(chunks) };
}
