// Sending a picture (a screenshot of a recruiter's ad, a contract) or a PDF: the attach button opens the
// phone's file picker, the file goes as it is (the server reads its type from its content and keeps it
// encrypted), and the person's bubble says what was sent (never the file's name, which may say too much).

import { isGone, serial, upload } from "./api-client.js";
import { syncChoices } from "./choices.js";
import { elements } from "./dom.js";
import { appendMessage, appendReplies, releaseReplyStart } from "./message-list.js";
import { remember, schedulePoll } from "./polling.js";
import { currentSession } from "./session.js";
import { showError } from "./status-lines.js";
import { t } from "./strings.js";

const ACCEPTED = ["image/jpeg", "image/png", "image/webp", "application/pdf"];
let uploading = false;

export function onAttach() {
  if (uploading || !currentSession()) return;
  elements.file.click();
}

export async function onFileChosen() {
  const file = elements.file.files && elements.file.files[0];
  // the same file can be chosen again later
  elements.file.value = "";
  const current = currentSession();
  if (!file || !current || uploading) return;
  if (file.type && !ACCEPTED.includes(file.type)) {
    showError("error.fileType");
    return;
  }
  releaseReplyStart();
  uploading = true;
  elements.attach.disabled = true;
  showError("");
  const isDocument = file.type === "application/pdf";
  const bubble = appendMessage({
    author: "person",
    direction: "inbound",
    text: t(isDocument ? "chat.documentSent" : "chat.photoSent"),
  });
  bubble.classList.add("message--pending");
  try {
    const path = `/api/webchat/conversations/${encodeURIComponent(current.conversationId)}/media`;
    const data = await serial(() => upload(path, current.token, file));
    if (currentSession() !== current) return;
    bubble.classList.remove("message--pending");
    remember(data.message);
    for (const reply of appendReplies(data.replies)) remember(reply);
    schedulePoll(0);
  } catch (error) {
    if (currentSession() !== current) return;
    bubble.remove();
    if (isGone(error)) return;
    showError(errorKeyFor(error));
  } finally {
    uploading = false;
    elements.attach.disabled = false;
    if (currentSession() === current) syncChoices();
  }
}

function errorKeyFor(error) {
  if (error.status === 413) return "error.fileTooBig";
  if (error.status === 415 || error.status === 400) return "error.fileType";
  if (error.status === 429) return "error.tooMany";
  return "error.send";
}
