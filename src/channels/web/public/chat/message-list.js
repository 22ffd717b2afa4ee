// The conversation's bubbles: drawn with textContent (never as HTML), labelled by who speaks, kept in view.

import { asArray, elements } from "./dom.js";
import { linkify } from "./linkify.js";
import { t } from "./strings.js";

/** the quick replies each bubble came with */
const choicesOf = new WeakMap();
/** the first message of a long reply, kept in view from its top until the person acts again */
let replyStart = null;

export function appendMessage({ author, direction, text, choices, note = false }) {
  const element = document.createElement("div");
  element.className = `message message--${author}${note ? " message--note" : ""}`;
  element.dataset.author = author;
  element.dataset.direction = direction;

  const label = document.createElement("span");
  label.className = "message-author";
  label.textContent = t(`author.${author}`);
  // Caseworkers are always named, so nobody mistakes a person for the bot. Bot and system
  // labels show when the speaker changes; the person's own label is for screen readers only.
  const previous = lastOutbound();
  const showLabel =
    author === "caseworker" || (author !== "person" && (!previous || previous.dataset.author !== author));
  if (!showLabel) label.classList.add("visually-hidden");

  const body = document.createElement("p");
  body.className = "message-text";
  body.replaceChildren(...linkify(typeof text === "string" ? text : ""));

  element.append(label, body);
  choicesOf.set(element, validChoices(choices));
  elements.log.append(element);
  scrollToEnd();
  return element;
}

/** Draws a POST's replies; a long one is shown from its top. Returns the replies drawn. */
export function appendReplies(replies) {
  replyStart = null;
  const before = elements.log.lastElementChild;
  const first = () => (before ? before.nextElementSibling : elements.log.firstElementChild);
  const drawn = [];
  for (const reply of asArray(replies)) {
    if (!reply || typeof reply.text !== "string" || !reply.text) continue;
    appendMessage({ author: "bot", direction: "outbound", text: reply.text, choices: reply.choices });
    drawn.push(reply);
  }
  const start = first();
  if (start && elements.log.lastElementChild) {
    const height =
      elements.log.lastElementChild.offsetTop + elements.log.lastElementChild.offsetHeight - start.offsetTop;
    if (height > elements.scroller.clientHeight) replyStart = start;
  }
  scrollToEnd();
  return drawn;
}

/** The person acted again: the newest message is what stays in view. */
export function releaseReplyStart() {
  replyStart = null;
}

export function clearLog() {
  elements.log.replaceChildren();
}

/** The quick replies of the last message on screen (they always belong to it). */
export function lastMessageChoices() {
  const last = elements.log.lastElementChild;
  return last ? choicesOf.get(last) || [] : [];
}

/**
 * Keeps the newest message in view; a long reply (the emergency numbers) is shown from its top instead,
 * so its first lines never scroll out of sight.
 */
export function scrollToEnd() {
  const scroller = elements.scroller;
  if (replyStart && replyStart.isConnected) {
    const top = replyStart.offsetTop - elements.log.offsetTop;
    const bottom = scroller.scrollHeight - scroller.clientHeight;
    scroller.scrollTop = Math.min(top, bottom);
    return;
  }
  scroller.scrollTop = scroller.scrollHeight;
}

function lastOutbound() {
  const outbound = elements.log.querySelectorAll('[data-direction="outbound"]');
  return outbound[outbound.length - 1] || null;
}

function validChoices(choices) {
  return asArray(choices)
    .filter((choice) => choice && typeof choice.id === "string" && typeof choice.label === "string")
    .map((choice) => ({ id: choice.id, label: choice.label }));
}
