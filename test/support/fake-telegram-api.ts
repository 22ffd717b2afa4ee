import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One Bot API call as the fake received it. */
export type ApiCall = { method: string; payload: Record<string, unknown>; status?: number; result?: unknown };

/** What the fake answers instead of success, the next time a method is called. */
export type ScriptedFailure =
  | { status: 429; retryAfter: number }
  | { status: 400 | 403 | 500 | 502; description?: string }
  | { status: "network" }
  /** succeeds, but only once `until` settles (a slow Bot API the test releases, no real wait) */
  | { status: "slow"; until: Promise<unknown> };

export const FAKE_BOT_TOKEN = "123456:TEST-fake-token_for-lentera";
export const FAKE_BOT_ID = 123456;

/**
 * A local stand-in for https://api.telegram.org, enough for grammY: it records every call, answers like the
 * Bot API (message ids count up per chat, shared by the person's and the bot's messages as in a real
 * private chat), serves getUpdates from a queue (long polling), and fails on request (429 with
 * retry_after, 403, 5xx, a dropped connection). Point TELEGRAM_API_ROOT at `url`.
 */
export async function startFakeTelegramApi(options: { token?: string; latencyMs?: number } = {}) {
  const token = options.token ?? FAKE_BOT_TOKEN;
  const latencyMs = options.latencyMs ?? 0;
  const calls: ApiCall[] = [];
  const failures = new Map<string, (ScriptedFailure | null)[]>();
  const messageIds = new Map<number, number>();
  const updates: Record<string, unknown>[] = [];
  let pollers: (() => void)[] = [];
  let listeners: (() => void)[] = [];
  /** files people "sent": file_id → path and bytes, served by getFile and /file/bot<token>/<path> */
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  const fileDownloads: string[] = [];

  const nextMessageId = (chatId: number) => {
    const next = (messageIds.get(chatId) ?? 0) + 1;
    messageIds.set(chatId, next);
    return next;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const chatOf = (id: unknown) => {
    const chatId = Number(id);
    return { id: chatId, type: chatId > 0 ? "private" : "supergroup" };
  };

  const results: Record<string, (p: Record<string, unknown>) => unknown> = {
    getMe: () => ({
      id: FAKE_BOT_ID,
      is_bot: true,
      first_name: "Lentera",
      username: "lentera_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    }),
    sendMessage: (p) => ({
      message_id: nextMessageId(Number(p.chat_id)),
      date: now(),
      chat: chatOf(p.chat_id),
      from: { id: FAKE_BOT_ID, is_bot: true, first_name: "Lentera" },
      text: p.text,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    }),
    editMessageReplyMarkup: (p) => ({ message_id: p.message_id, date: now(), chat: chatOf(p.chat_id), text: "" }),
    answerCallbackQuery: () => true,
    deleteMessage: () => true,
    deleteMessages: () => true,
    setMyCommands: () => true,
    deleteMyCommands: () => true,
    setWebhook: () => true,
    deleteWebhook: () => true,
    getWebhookInfo: () => ({ url: "", has_custom_certificate: false, pending_update_count: 0 }),
    getFile: (p) => {
      const file = files.get(String(p.file_id));
      if (!file) throw new ApiFailure(400, "Bad Request: invalid file_id");
      if (file.bytes.byteLength > 20 * 1024 * 1024) throw new ApiFailure(400, "Bad Request: file is too big");
      return {
        file_id: p.file_id,
        file_unique_id: `u-${String(p.file_id)}`,
        file_size: file.bytes.byteLength,
        file_path: file.path,
      };
    },
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (download) {
      if (download[1] !== token) return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const path = decodeURIComponent(download[2] as string);
      fileDownloads.push(path);
      const failure = failures.get("file")?.shift();
      for (const listener of listeners) listener();
      if (failure?.status === "network") return req.socket.destroy();
      if (failure && failure.status !== "slow") return reply(res, failure.status, { ok: false });
      const file = [...files.values()].find((f) => f.path === path);
      if (!file) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.bytes);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const raw = await readBody(req);
    if (!match || match[1] !== token)
      return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2] as string;
    const payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (method === "getUpdates") return serveUpdates(req, res, payload);
    const call: ApiCall = { method, payload };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    // a Bot API that answers after a network round trip (the benchmark's 50 ms)
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (failure?.status === "slow") await failure.until.catch(() => {});
    call.status = failure && failure.status !== "slow" ? (failure.status === "network" ? 0 : failure.status) : 200;
    for (const listener of listeners) listener();
    if (failure && failure.status !== "slow") {
      if (failure.status === "network") return req.socket.destroy();
      if (failure.status === 429) {
        return reply(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${failure.retryAfter}`,
          parameters: { retry_after: failure.retryAfter },
        });
      }
      const description =
        failure.description ??
        (failure.status === 403
          ? "Forbidden: bot was blocked by the user"
          : failure.status === 400
            ? "Bad Request"
            : "Internal Server Error");
      return reply(res, failure.status, { ok: false, error_code: failure.status, description });
    }
    const result = results[method];
    if (!result) {
      call.status = 404;
      return reply(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
    try {
      call.result = result(payload);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      call.status = error.status;
      return reply(res, error.status, { ok: false, error_code: error.status, description: error.message });
    }
    return reply(res, 200, { ok: true, result: call.result });
  }

  function serveUpdates(req: IncomingMessage, res: ServerResponse, payload: Record<string, unknown>) {
    const offset = Number(payload.offset ?? 0);
    while (updates.length && Number(updates[0]?.update_id) < offset) updates.shift();
    if (updates.length || !payload.timeout)
      return reply(res, 200, { ok: true, result: updates.splice(0, Number(payload.limit ?? 100)) });
    const timer = setTimeout(answer, Number(payload.timeout) * 1000);
    function answer() {
      clearTimeout(timer);
      pollers = pollers.filter((p) => p !== answer);
      if (!res.writableEnded && !res.destroyed)
        reply(res, 200, { ok: true, result: updates.splice(0, Number(payload.limit ?? 100)) });
    }
    pollers.push(answer);
    req.socket.once("close", () => {
      clearTimeout(timer);
      pollers = pollers.filter((p) => p !== answer);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    /** the calls of one method (optionally to one chat), in order */
    callsOf(method: string, chatId?: number) {
      return calls.filter((c) => c.method === method && (chatId === undefined || Number(c.payload.chat_id) === chatId));
    },
    /** the messages the bot sent to a chat successfully, as the fake answered them */
    sentTo(chatId: number) {
      return calls
        .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId && c.status === 200)
        .map((c) => ({ ...(c.result as { message_id: number; date: number; text: string }), payload: c.payload }));
    },
    /** the next `times` calls of `method` fail this way */
    failNext(method: string, failure: ScriptedFailure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    /** the next `times` calls of `method` succeed (put before failNext to fail a later call) */
    passNext(method: string, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(null);
      failures.set(method, queue);
    },
    /**
     * A file a person sends: kept under a fresh file_id (what a message's photo/voice/document carries),
     * served by getFile and its download URL. Fail its download with `failNext("file", …)`.
     */
    addFile(bytes: Uint8Array, name = "file") {
      const fileId = `file-${files.size + 1}-${name}`;
      files.set(fileId, { path: `documents/${files.size + 1}-${name}`, bytes });
      return { file_id: fileId, file_unique_id: `u-${fileId}`, file_size: bytes.byteLength };
    },
    /** the file paths downloaded (or tried), in order */
    fileDownloads,
    /** a message id for a person's message, from the same counter as the bot's messages in that chat */
    nextMessageId,
    /** updates for long polling (getUpdates) */
    queueUpdate(update: Record<string, unknown>) {
      updates.push(update);
      for (const poller of [...pollers]) poller();
    },
    /** resolves once `check` holds (checked after every call), or rejects after `timeoutMs` */
    async waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
      const first = check();
      if (first) return first;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners = listeners.filter((l) => l !== listener);
          reject(
            new Error(
              `fake Bot API: condition not met within ${timeoutMs} ms (calls: ${calls.map((c) => c.method).join(", ")})`,
            ),
          );
        }, timeoutMs);
        const listener = () => {
          // let the response reach the client before checking
          setImmediate(() => {
            const value = check();
            if (!value) return;
            clearTimeout(timer);
            listeners = listeners.filter((l) => l !== listener);
            resolve(value);
          });
        };
        listeners.push(listener);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const poller of [...pollers]) poller();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeTelegramApi = Awaited<ReturnType<typeof startFakeTelegramApi>>;

/** A Bot API error a method answers with (getFile of an unknown id). */
class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 404,
    description: string,
  ) {
    super(description);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
