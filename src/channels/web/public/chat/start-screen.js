// The start screen: pick a language, start a chat; also where an ended or erased chat returns to.

import { elements } from "./dom.js";
import { LOCALES, applyLocale, t, whenLocaleApplied } from "./strings.js";

let startStatusKey = "";

whenLocaleApplied(() => {
  elements.startStatus.textContent = startStatusKey ? t(startStatusKey) : "";
});

export function showStart(lng, statusKey) {
  elements.chat.hidden = true;
  elements.start.hidden = false;
  for (const radio of elements.startForm.elements.namedItem("locale")) {
    radio.checked = radio.value === lng;
  }
  elements.startButton.disabled = false;
  setStartStatus(statusKey);
}

export function showChat() {
  elements.start.hidden = true;
  elements.chat.hidden = false;
}

export function setStartStatus(key) {
  startStatusKey = key;
  elements.startStatus.textContent = key ? t(key) : "";
  elements.startStatus.classList.toggle("status--error", key === "start.failed");
}

export function onLanguageChange(event) {
  const target = event.target;
  if (target.name === "locale" && LOCALES.includes(target.value)) applyLocale(target.value);
}

export function chosenLocale() {
  const value = elements.startForm.elements.namedItem("locale").value;
  return LOCALES.includes(value) ? value : document.documentElement.lang === "en" ? "en" : "id";
}
