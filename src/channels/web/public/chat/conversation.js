// Starting, continuing and ending the conversation: the person's actions and what the server answers.

import { isGone, messagesPath, request, serial } from "./api-client.js";
import { renderChoices, setChoicesBusy, syncChoices } from "./choices.js";
import { isDangerNumbers, renderDangerLine, resetDangerNumbers, setDangerNumbers } from "./danger-line.js";
import { elements } from "./dom.js";
import { appendMessage, appendReplies, releaseReplyStart } from "./message-list.js";
import { pollAfter, remember, resetTranscript, schedulePoll, stopPolling } from "./polling.js";
import { isExiting } from "./quick-exit.js";
import { currentSession, forgetSession, saveSession } from "./session.js";
import { chosenLocale, setStartStatus, showChat, showStart } from "./start-screen.js";
import { showChatStatus, showError } from "./status-lines.js";
import { LOCALES, applyLocale } from "./strings.js";

let sending = false;

export async function startConversation(event) {
  event.preventDefault();
  if (elements.startButton.disabled) return;
  const lng = chosenLocale();
  elements.startButton.disabled = true;
  setStartStatus("start.starting");
  try {
    await applyLocale(lng);
    const data = await serial(() => request("/api/webchat/conversations", { method: "POST", body: { locale: lng } }));
    saveSession({ conversationId: String(data.conversationId), token: String(data.token), locale: lng });
    resetTranscript();
    setStartStatus("");
    showChat();
    for (const reply of appendReplies(data.replies)) remember(reply);
    // A new conversation holds only these replies, so polling starts after the last of them.
    const last = Array.isArray(data.replies) ? data.replies.at(-1) : undefined;
    if (last) pollAfter(last.cursor);
    syncChoices();
    elements.log.focus({ preventScroll: true });
    schedulePoll(0);
  } catch {
    if (isExiting()) return;
    showStart(lng, "start.failed");
  }
}

export function onTextKeydown(event) {
  if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  elements.composer.requestSubmit();
}

export function onComposerSubmit(event) {
  event.preventDefault();
  const text = elements.text.value.trim();
  if (!text) {
    showError("error.empty");
    return;
  }
  sendMessage({ text }, text);
}

/** A tapped quick reply is sent by its id, and shown as its label. */
export function sendChoice(choice) {
  sendMessage({ choice: choice.id }, choice.label);
}

/** Shows the person's bubble at once, sends, then shows the replies. Keeps the typed text until the send succeeds. */
async function sendMessage(payload, shownText) {
  const current = currentSession();
  if (sending || !current) return;
  const fromChoice = "choice" in payload;
  releaseReplyStart();
  sending = true;
  setBusy(true);
  showError("");
  const bubble = appendMessage({ author: "person", direction: "inbound", text: shownText });
  bubble.classList.add("message--pending");
  renderChoices([]);
  try {
    const data = await serial(() =>
      request(messagesPath(current), { method: "POST", token: current.token, body: payload }),
    );
    if (currentSession() !== current) return;
    if (data.erased === true) {
      // Erased: nothing of the conversation stays on screen or in storage; the start page says so.
      endSession("start.erased");
      return;
    }
    bubble.classList.remove("message--pending");
    if (isDangerNumbers(data.danger)) {
      const numbers = { police: data.danger.police, emergency: data.danger.emergency };
      setDangerNumbers(numbers);
      // The same session object, kept with its numbers (the checks above and below compare it by identity).
      current.danger = numbers;
      saveSession(current);
      renderDangerLine();
    }
    // The bubble stays as typed (the server may keep only a placeholder); its id keeps the poll from redrawing it.
    remember(data.message);
    if (!fromChoice) elements.text.value = "";
    for (const reply of appendReplies(data.replies)) remember(reply);
    schedulePoll(0);
  } catch (error) {
    if (currentSession() !== current) return;
    bubble.remove();
    if (isGone(error)) {
      endSession();
      return;
    }
    showError(errorKeyFor(error));
  } finally {
    sending = false;
    setBusy(false);
    if (currentSession() === current) {
      syncChoices();
      if (fromChoice) elements.log.focus({ preventScroll: true });
    }
  }
}

function setBusy(busy) {
  // readOnly rather than disabled: a disabled field loses focus and the phone keyboard would close.
  elements.text.readOnly = busy;
  elements.send.disabled = busy;
  elements.composer.setAttribute("aria-busy", String(busy));
  setChoicesBusy(busy);
}

function errorKeyFor(error) {
  if (error.status === 413) return "error.tooLong";
  if (error.status === 429) return "error.tooMany";
  return "error.send";
}

/** The server no longer knows this conversation (401/404), or it was erased: forget it and offer a fresh start. */
export function endSession(statusKey = "start.ended") {
  const session = currentSession();
  const lng = session ? session.locale : document.documentElement.lang;
  forgetSession();
  resetDangerNumbers();
  stopPolling();
  resetTranscript();
  showChatStatus("");
  showError("");
  elements.text.value = "";
  showStart(LOCALES.includes(lng) ? lng : "id", statusKey);
}
