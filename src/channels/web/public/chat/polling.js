// The transcript, kept current by polling after a cursor: caseworker replies, and whatever a reload restores.

import { isCursor, isGone, messagesPath, request, serial } from "./api-client.js";
import { resetChoices, syncChoices } from "./choices.js";
import { asArray } from "./dom.js";
import { appendMessage, clearLog } from "./message-list.js";
import { isExiting } from "./quick-exit.js";
import { currentSession } from "./session.js";
import { showChatStatus } from "./status-lines.js";
import { t } from "./strings.js";

const POLL_INTERVAL_MS = 3000;
const POLL_HIDDEN_INTERVAL_MS = 15000;
const POLL_MAX_BACKOFF_MS = 30000;
const OFFLINE_AFTER_FAILURES = 2;
const AUTHORS = ["person", "bot", "caseworker", "system"];

let cursor = null;
/** messages already on screen (id → cursor), so the poll does not draw them again */
let shown = new Map();
let pollTimer = 0;
let pollFailures = 0;
let gone = () => undefined;

/** What to do when the server no longer knows the conversation (401/404). */
export function whenGone(handler) {
  gone = handler;
}

export function schedulePoll(delayMs) {
  clearTimeout(pollTimer);
  if (!currentSession() || isExiting()) return;
  pollTimer = setTimeout(runPoll, delayMs);
}

export function stopPolling() {
  clearTimeout(pollTimer);
}

/** An empty log, and a poll that starts from the beginning. */
export function resetTranscript() {
  clearLog();
  shown = new Map();
  cursor = null;
  resetChoices();
}

/** A new conversation holds only its first replies, so polling can start after the last of them. */
export function pollAfter(value) {
  if (isCursor(value)) cursor = value;
}

/** Notes a message a POST put on screen (`{ id, cursor }` as the server gave it). */
export function remember(message) {
  if (message && typeof message.id === "string" && message.id && isCursor(message.cursor))
    shown.set(message.id, message.cursor);
}

async function runPoll() {
  pollTimer = 0;
  const current = currentSession();
  if (!current || isExiting()) return;
  try {
    // The path is built inside the queue so it uses the cursor left by the request before it.
    const data = await serial(() => request(messagesPath(current, cursor), { token: current.token }));
    if (currentSession() !== current) return;
    for (const message of asArray(data.messages)) ingest(message);
    if (isCursor(data.cursor)) cursor = data.cursor;
    forgetPassed();
    syncChoices();
    pollFailures = 0;
    showChatStatus("");
  } catch (error) {
    if (currentSession() !== current) return;
    if (isGone(error)) {
      gone();
      return;
    }
    pollFailures += 1;
    if (pollFailures >= OFFLINE_AFTER_FAILURES) showChatStatus("error.offline");
  }
  schedulePoll(nextPollDelay());
}

function nextPollDelay() {
  if (pollFailures > 0) return Math.min(POLL_INTERVAL_MS * 2 ** pollFailures, POLL_MAX_BACKOFF_MS);
  return document.hidden ? POLL_HIDDEN_INTERVAL_MS : POLL_INTERVAL_MS;
}

/** Shows a polled message, unless a POST already put it on screen (known by its id). */
function ingest(message) {
  if (!message || typeof message !== "object") return;
  const id = String(message.id);
  if (shown.has(id)) return;
  remember({ id, cursor: message.cursor });
  const direction = message.direction === "inbound" ? "inbound" : "outbound";
  const author = AUTHORS.includes(message.author) ? message.author : direction === "inbound" ? "person" : "bot";
  const sentFile = direction === "inbound" && message.media && typeof message.media === "object";
  const text =
    typeof message.text === "string" && message.text
      ? message.text
      : sentFile
        ? t(message.media.kind === "document" ? "chat.documentSent" : "chat.photoSent")
        : "";
  const withheld = direction === "inbound" && message.withheld === true;
  // Nothing to show: the conversation's start marker, or an attachment the web page cannot display.
  if (!text && !withheld) return;
  if (withheld) {
    appendMessage({ author, direction, text: t("chat.withheld"), choices: [], note: true });
    return;
  }
  appendMessage({ author, direction, text, choices: message.choices });
}

/** Once the poll's cursor has passed a remembered message, the poll can never bring it again. */
function forgetPassed() {
  if (!cursor) return;
  const passed = BigInt(cursor);
  for (const [id, at] of shown) if (BigInt(at) <= passed) shown.delete(id);
}
