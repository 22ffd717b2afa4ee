// The web chat API, as the page calls it: same-origin, without cookies or a referrer, one request at a time.

const REQUEST_TIMEOUT_MS = 15000;
const UPLOAD_TIMEOUT_MS = 120000;

let queue = Promise.resolve();

/** Runs network tasks one after another, so a poll never overlaps a send and shows a reply twice. */
export function serial(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export function messagesPath(session, after) {
  const base = `/api/webchat/conversations/${encodeURIComponent(session.conversationId)}/messages`;
  return after ? `${base}?after=${encodeURIComponent(after)}` : base;
}

export function request(path, options = {}) {
  const headers = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return fetchJson(path, { method: options.method || "GET", headers, body }, REQUEST_TIMEOUT_MS);
}

/** Sends a file as the raw body (its type as the browser read it; the server checks the content itself). */
export function upload(path, token, file) {
  const headers = {
    Accept: "application/json",
    Authorization: `Bearer ${token}`,
    "Content-Type": file.type || "application/octet-stream",
  };
  return fetchJson(path, { method: "POST", headers, body: file }, UPLOAD_TIMEOUT_MS);
}

/** One call of the API: no cookies, no referrer, no cache, a time limit; its JSON, or a request error. */
async function fetchJson(path, init, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response;
    try {
      response = await fetch(path, {
        ...init,
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
        signal: controller.signal,
      });
    } catch {
      throw requestError(0, "network");
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) throw requestError(response.status, data && data.error ? data.error.code : "http");
    if (data === null) throw requestError(response.status, "invalid_json");
    return data;
  } finally {
    clearTimeout(timer);
  }
}

function requestError(status, code) {
  const error = new Error(`Request failed: ${status} ${code}`);
  error.status = status;
  error.code = code;
  return error;
}

/** The server no longer knows this conversation (401/404). */
export function isGone(error) {
  return error && (error.status === 401 || error.status === 404);
}

/** A transcript cursor as the server gives it out (the decimal id of a message). */
export function isCursor(value) {
  return typeof value === "string" && /^\d{1,19}$/.test(value);
}
