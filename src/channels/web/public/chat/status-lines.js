// The chat's two status lines: connection state (role=status) and the last error (role=alert).

import { elements } from "./dom.js";
import { t } from "./strings.js";

export function showError(key) {
  elements.chatError.textContent = key ? t(key) : "";
}

export function showChatStatus(key) {
  elements.chatStatus.textContent = key ? t(key) : "";
}
