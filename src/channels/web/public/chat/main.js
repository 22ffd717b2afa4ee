// Lentera web chat: plain browser modules, no build step, no dependencies. This one wires the page.
//
// Safety choices, on purpose:
// - Quick exit (quick-exit.js) is loaded first and on its own, so it works even if the rest fails.
// - The session lives in sessionStorage only (session.js); server text is rendered with textContent (message-list.js).
// - Every request is same-origin, without cookies or a referrer, one at a time (api-client.js).

import { onAttach, onFileChosen } from "./attach.js";
import { onChoose } from "./choices.js";
import { endSession, onComposerSubmit, onTextKeydown, sendChoice, startConversation } from "./conversation.js";
import { isDangerNumbers, renderDangerLine, setDangerNumbers } from "./danger-line.js";
import { elements } from "./dom.js";
import { schedulePoll, stopPolling, whenGone } from "./polling.js";
import { onExit } from "./quick-exit.js";
import { restoreSession } from "./session.js";
import { onLanguageChange, showChat, showStart } from "./start-screen.js";
import { showChatStatus } from "./status-lines.js";
import { applyLocale, preferredLocale, whenLocaleApplied } from "./strings.js";

onExit(stopPolling);
whenLocaleApplied(renderDangerLine);
whenGone(() => endSession());
onChoose(sendChoice);

boot();

async function boot() {
  elements.startForm.addEventListener("submit", startConversation);
  elements.startForm.addEventListener("change", onLanguageChange);
  elements.composer.addEventListener("submit", onComposerSubmit);
  elements.text.addEventListener("keydown", onTextKeydown);
  elements.attach.addEventListener("click", onAttach);
  elements.file.addEventListener("change", onFileChosen);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) schedulePoll(0);
  });

  const session = restoreSession();
  if (session && isDangerNumbers(session.danger)) setDangerNumbers(session.danger);
  const lng = session ? session.locale : preferredLocale();
  await applyLocale(lng);
  if (session) {
    showChat();
    showChatStatus("chat.loading");
    schedulePoll(0);
  } else {
    showStart(lng, "");
  }
}
