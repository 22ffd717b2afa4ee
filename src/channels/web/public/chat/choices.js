// Quick replies: numbered buttons under the last message, disabled while a message is on its way.

import { elements } from "./dom.js";
import { lastMessageChoices, scrollToEnd } from "./message-list.js";

let choicesKey = "";
let busy = false;
let choose = () => undefined;

/** What a tap does: `handler(choice)` with `{ id, label }`. */
export function onChoose(handler) {
  choose = handler;
}

/** Quick replies always belong to the last message on screen. */
export function syncChoices() {
  renderChoices(lastMessageChoices());
}

export function renderChoices(choices) {
  const key = JSON.stringify(choices);
  if (key === choicesKey) return;
  choicesKey = key;
  const buttons = choices.map((choice, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "choice-button";
    // The number the bot says can be typed ("ketik nomornya"), shown on the button itself.
    const number = document.createElement("span");
    number.className = "choice-number";
    number.textContent = `${index + 1}.`;
    number.setAttribute("aria-hidden", "true");
    button.append(number, document.createTextNode(` ${choice.label}`));
    button.disabled = busy;
    button.addEventListener("click", () => choose(choice));
    return button;
  });
  elements.choices.replaceChildren(...buttons);
  elements.choices.hidden = buttons.length === 0;
  scrollToEnd();
}

export function setChoicesBusy(value) {
  busy = value;
  for (const button of elements.choices.querySelectorAll("button")) button.disabled = value;
}

export function resetChoices() {
  choicesKey = "";
  renderChoices([]);
}
