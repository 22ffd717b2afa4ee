// The footer's danger numbers: Indonesia's 110/112 until the server knows the person's country.

import { elements } from "./dom.js";
import { t } from "./strings.js";

export const DANGER_NUMBERS = { police: "110", emergency: "112" };

/** Numbers for the person's country, once the server knows it (kept with the session). */
let dangerNumbers = DANGER_NUMBERS;

export function isDangerNumbers(value) {
  return Boolean(value) && typeof value.police === "string" && typeof value.emergency === "string";
}

export function setDangerNumbers(numbers) {
  dangerNumbers = numbers;
}

export function resetDangerNumbers() {
  dangerNumbers = DANGER_NUMBERS;
  renderDangerLine();
}

/** "Dalam bahaya? Telepon {{police}} atau {{emergency}}" → text with tel: links. */
export function renderDangerLine() {
  const parts = t("footer.danger").split(/\{\{(\w+)\}\}/);
  elements.danger.replaceChildren(
    ...parts.map((part, index) => {
      if (index % 2 === 0) return document.createTextNode(part);
      const number = dangerNumbers[part] || "";
      const link = document.createElement("a");
      link.href = `tel:${number}`;
      link.textContent = number;
      return link;
    }),
  );
}
