// Lentera web chat: plain browser script, no build step, no dependencies.
//
// Safety choices, on purpose:
// - The session lives in sessionStorage (never localStorage or cookies): the phone may be shared,
//   and closing the tab or pressing quick exit forgets it.
// - Server text is always rendered with textContent, never as HTML.
// - Every request is same-origin, without cookies or a referrer. The only way off the page is quick exit.
// - Requests run one at a time (see `serial`), so a poll can never race a send and show a reply twice.
"use strict";

(() => {
  const STORAGE_KEY = "lentera.webchat";
  const EXIT_URL = "https://www.google.com/search?q=cuaca";
  const ESCAPE_WINDOW_MS = 1500;
  const POLL_INTERVAL_MS = 3000;
  const POLL_HIDDEN_INTERVAL_MS = 15000;
  const POLL_MAX_BACKOFF_MS = 30000;
  const REQUEST_TIMEOUT_MS = 15000;
  const STRINGS_RETRY_MS = 2000;
  const OFFLINE_AFTER_FAILURES = 2;
  const LOCALES = ["id", "en"];
  const AUTHORS = ["person", "bot", "caseworker", "system"];
  const DANGER_NUMBERS = { police: "110", emergency: "112" };
  /** Numbers for the person's country, once the server knows it (kept with the session). */
  let dangerNumbers = DANGER_NUMBERS;

  const elements = {
    exit: byId("exit"),
    start: byId("start"),
    startForm: byId("start-form"),
    startStatus: byId("start-status"),
    startButton: byId("start-button"),
    chat: byId("chat"),
    log: byId("log"),
    scroller: byId("scroller"),
    choices: byId("choices"),
    chatStatus: byId("chat-status"),
    chatError: byId("chat-error"),
    composer: byId("composer"),
    text: byId("composer-text"),
    send: byId("composer-send"),
    danger: byId("danger"),
  };

  const stringsByLocale = new Map();
  let strings = {};
  let wantedLocale = "";
  let startStatusKey = "";
  let session = null; // { conversationId, token, locale }
  let cursor = null;
  /** messages already on screen from a POST (id → cursor), so the poll does not draw them again */
  let shown = new Map();
  let choicesKey = "";
  let queue = Promise.resolve();
  let pollTimer = 0;
  let pollFailures = 0;
  let sending = false;
  let exiting = false;
  /** the first message of a long reply, kept in view from its top until the person acts again */
  let replyStart = null;
  let lastEscapeAt = 0;
  const choicesOf = new WeakMap();

  // Quick exit is wired before anything else can fail.
  elements.exit.addEventListener("click", quickExit);
  document.addEventListener("keydown", onKeydown);

  boot();

  async function boot() {
    elements.startForm.addEventListener("submit", startConversation);
    elements.startForm.addEventListener("change", onLanguageChange);
    elements.composer.addEventListener("submit", onComposerSubmit);
    elements.text.addEventListener("keydown", onTextKeydown);
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) schedulePoll(0);
    });

    session = readSession();
    if (session && session.danger && typeof session.danger.police === "string") dangerNumbers = session.danger;
    const lng = session ? session.locale : preferredLocale();
    await applyLocale(lng);
    if (session) {
      showChat();
      elements.chatStatus.textContent = t("chat.loading");
      schedulePoll(0);
    } else {
      showStart(lng, "");
    }
  }

  // ---- Quick exit -------------------------------------------------------------------------

  function quickExit() {
    exiting = true;
    clearTimeout(pollTimer);
    try {
      sessionStorage.clear();
    } catch {
      // Storage may be blocked; leaving still matters more.
    }
    document.title = "";
    document.body.replaceChildren();
    location.replace(EXIT_URL);
  }

  function onKeydown(event) {
    if (event.key !== "Escape") return;
    const now = Date.now();
    if (now - lastEscapeAt <= ESCAPE_WINDOW_MS) {
      quickExit();
      return;
    }
    lastEscapeAt = now;
  }

  // ---- Strings ----------------------------------------------------------------------------

  function preferredLocale() {
    const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (const tag of tags) {
      const lower = String(tag).toLowerCase();
      // "in" is the old code for Indonesian that some Android phones still report.
      if (/^(id|in)(-|$)/.test(lower)) return "id";
      if (/^en(-|$)/.test(lower)) return "en";
    }
    return tags.some((tag) => /-id$/i.test(String(tag))) ? "id" : "en";
  }

  async function loadStrings(lng) {
    for (;;) {
      if (stringsByLocale.has(lng)) return stringsByLocale.get(lng);
      try {
        const loaded = await request(`/static/locales/${lng}/web.json`);
        stringsByLocale.set(lng, loaded);
        return loaded;
      } catch {
        if (exiting) return {};
        await delay(STRINGS_RETRY_MS);
      }
    }
  }

  async function applyLocale(lng) {
    wantedLocale = lng;
    const loaded = await loadStrings(lng);
    // A later choice wins if the person taps both languages quickly.
    if (exiting || wantedLocale !== lng) return;
    strings = loaded;
    document.documentElement.lang = lng;
    document.title = t("title");
    for (const element of document.querySelectorAll("[data-i18n]")) {
      element.textContent = t(element.dataset.i18n);
    }
    for (const element of document.querySelectorAll("[data-i18n-placeholder]")) {
      element.placeholder = t(element.dataset.i18nPlaceholder);
    }
    for (const element of document.querySelectorAll("[data-i18n-label]")) {
      element.setAttribute("aria-label", t(element.dataset.i18nLabel));
    }
    elements.startStatus.textContent = startStatusKey ? t(startStatusKey) : "";
    renderDangerLine();
  }

  /** Looks up "a.b" in the loaded strings; a missing key renders as nothing rather than as the key. */
  function t(key) {
    const value = key
      .split(".")
      .reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), strings);
    return typeof value === "string" ? value : "";
  }

  /** "Dalam bahaya? Telepon {{police}} atau {{emergency}}" → text with tel: links. */
  function renderDangerLine() {
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

  // ---- Start screen -----------------------------------------------------------------------

  function showStart(lng, statusKey) {
    elements.chat.hidden = true;
    elements.start.hidden = false;
    for (const radio of elements.startForm.elements.namedItem("locale")) {
      radio.checked = radio.value === lng;
    }
    elements.startButton.disabled = false;
    setStartStatus(statusKey);
  }

  function setStartStatus(key) {
    startStatusKey = key;
    elements.startStatus.textContent = key ? t(key) : "";
    elements.startStatus.classList.toggle("status--error", key === "start.failed");
  }

  function onLanguageChange(event) {
    const target = event.target;
    if (target.name === "locale" && LOCALES.includes(target.value)) applyLocale(target.value);
  }

  function chosenLocale() {
    const value = elements.startForm.elements.namedItem("locale").value;
    return LOCALES.includes(value) ? value : document.documentElement.lang === "en" ? "en" : "id";
  }

  async function startConversation(event) {
    event.preventDefault();
    if (elements.startButton.disabled) return;
    const lng = chosenLocale();
    elements.startButton.disabled = true;
    setStartStatus("start.starting");
    try {
      await applyLocale(lng);
      const data = await serial(() => request("/api/webchat/conversations", { method: "POST", body: { locale: lng } }));
      session = { conversationId: String(data.conversationId), token: String(data.token), locale: lng };
      writeSession(session);
      resetTranscript();
      setStartStatus("");
      showChat();
      appendReplies(data.replies);
      // A new conversation holds only these replies, so polling starts after the last of them.
      const last = asArray(data.replies).at(-1);
      if (last && isCursor(last.cursor)) cursor = last.cursor;
      syncChoices();
      elements.log.focus({ preventScroll: true });
      schedulePoll(0);
    } catch {
      if (exiting) return;
      showStart(lng, "start.failed");
    }
  }

  // ---- Chat -------------------------------------------------------------------------------

  function showChat() {
    elements.start.hidden = true;
    elements.chat.hidden = false;
  }

  function resetTranscript() {
    elements.log.replaceChildren();
    shown = new Map();
    cursor = null;
    choicesKey = "";
    renderChoices([]);
  }

  function onTextKeydown(event) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    elements.composer.requestSubmit();
  }

  function onComposerSubmit(event) {
    event.preventDefault();
    const text = elements.text.value.trim();
    if (!text) {
      showError("error.empty");
      return;
    }
    sendMessage({ text }, text);
  }

  /** Shows the person's bubble at once, sends, then shows the replies. Keeps the typed text until the send succeeds. */
  async function sendMessage(payload, shownText) {
    if (sending || !session) return;
    const current = session;
    const fromChoice = "choice" in payload;
    replyStart = null;
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
      if (session !== current) return;
      if (data.erased === true) {
        // Erased: nothing of the conversation stays on screen or in storage; the start page says so.
        endSession("start.erased");
        return;
      }
      bubble.classList.remove("message--pending");
      if (data.danger && typeof data.danger.police === "string" && typeof data.danger.emergency === "string") {
        dangerNumbers = { police: data.danger.police, emergency: data.danger.emergency };
        session.danger = dangerNumbers;
        writeSession(session);
        renderDangerLine();
      }
      // The bubble stays as typed (the server may keep only a placeholder); its id keeps the poll from redrawing it.
      remember(data.message);
      if (!fromChoice) elements.text.value = "";
      appendReplies(data.replies);
      schedulePoll(0);
    } catch (error) {
      if (session !== current) return;
      bubble.remove();
      if (isGone(error)) {
        endSession();
        return;
      }
      showError(errorKeyFor(error));
    } finally {
      sending = false;
      setBusy(false);
      if (session === current) {
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
    for (const button of elements.choices.querySelectorAll("button")) button.disabled = busy;
  }

  function showError(key) {
    elements.chatError.textContent = key ? t(key) : "";
  }

  function errorKeyFor(error) {
    if (error.status === 413) return "error.tooLong";
    if (error.status === 429) return "error.tooMany";
    return "error.send";
  }

  // ---- Polling ----------------------------------------------------------------------------

  function schedulePoll(delayMs) {
    clearTimeout(pollTimer);
    if (!session || exiting) return;
    pollTimer = setTimeout(runPoll, delayMs);
  }

  async function runPoll() {
    pollTimer = 0;
    const current = session;
    if (!current || exiting) return;
    try {
      // The path is built inside the queue so it uses the cursor left by the request before it.
      const data = await serial(() => request(messagesPath(current, cursor), { token: current.token }));
      if (session !== current) return;
      for (const message of asArray(data.messages)) ingest(message);
      if (isCursor(data.cursor)) cursor = data.cursor;
      forgetPassed();
      syncChoices();
      pollFailures = 0;
      elements.chatStatus.textContent = "";
    } catch (error) {
      if (session !== current) return;
      if (isGone(error)) {
        endSession();
        return;
      }
      pollFailures += 1;
      if (pollFailures >= OFFLINE_AFTER_FAILURES) elements.chatStatus.textContent = t("error.offline");
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
    if (isCursor(message.cursor)) shown.set(id, message.cursor);
    const direction = message.direction === "inbound" ? "inbound" : "outbound";
    const author = AUTHORS.includes(message.author) ? message.author : direction === "inbound" ? "person" : "bot";
    const text = typeof message.text === "string" ? message.text : "";
    const withheld = direction === "inbound" && message.withheld === true;
    // Nothing to show: the conversation's start marker, or an attachment the web page cannot display.
    if (!text && !withheld) return;

    if (withheld) {
      appendMessage({ author, direction, text: t("chat.withheld"), choices: [], note: true });
      return;
    }
    appendMessage({ author, direction, text, choices: message.choices });
  }

  /** Shows a POST's replies; their ids keep the poll from drawing them again. */
  function appendReplies(replies) {
    replyStart = null;
    const before = elements.log.lastElementChild;
    const first = () => (before ? before.nextElementSibling : elements.log.firstElementChild);
    for (const reply of asArray(replies)) {
      if (!reply || typeof reply.text !== "string" || !reply.text) continue;
      appendMessage({ author: "bot", direction: "outbound", text: reply.text, choices: reply.choices });
      remember(reply);
    }
    const start = first();
    if (start && elements.log.lastElementChild) {
      const height =
        elements.log.lastElementChild.offsetTop + elements.log.lastElementChild.offsetHeight - start.offsetTop;
      if (height > elements.scroller.clientHeight) replyStart = start;
    }
    scrollToEnd();
  }

  /** Notes a message a POST put on screen: `{ id, cursor }` as the server gave it. */
  function remember(message) {
    if (message && typeof message.id === "string" && message.id && isCursor(message.cursor))
      shown.set(message.id, message.cursor);
  }

  /** Once the poll's cursor has passed a remembered message, the poll can never bring it again. */
  function forgetPassed() {
    if (!cursor) return;
    const passed = BigInt(cursor);
    for (const [id, at] of shown) if (BigInt(at) <= passed) shown.delete(id);
  }

  function isCursor(value) {
    return typeof value === "string" && /^\d{1,19}$/.test(value);
  }

  // ---- Rendering --------------------------------------------------------------------------

  function appendMessage({ author, direction, text, choices, note = false }) {
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

  /** Phone numbers in a help line become tel: links, WhatsApp numbers wa.me links; the rest stays text. */
  function linkify(text) {
    const nodes = [];
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      if (index > 0) nodes.push(document.createTextNode("\n"));
      const labelled = /^(\s*(?:[^:]{2,30}):\s*)(\+?[\d][\d\s().-]{1,22}\d)(.*)$/.exec(line);
      const inline = labelled
        ? null
        : /^(.*?\b(?:Telepon|telepon|call|Call|hubungi|Hubungi)\s+)(\+?\d[\d\s-]{1,18}\d)(.*)$/.exec(line);
      const match = labelled || inline;
      if (!match) {
        nodes.push(document.createTextNode(line));
        return;
      }
      const digits = match[2].replace(/[^\d+]/g, "");
      const link = document.createElement("a");
      link.textContent = match[2];
      const whatsapp = /whatsapp|\bwa\b/i.test(match[1]);
      link.href = whatsapp ? `https://wa.me/${digits.replace(/^\+/, "")}` : `tel:${digits}`;
      if (whatsapp) link.rel = "noreferrer noopener";
      nodes.push(document.createTextNode(match[1]), link, document.createTextNode(match[3]));
    });
    return nodes;
  }

  /**
   * Keeps the newest message in view; a long reply (the emergency numbers) is shown from its top instead,
   * so its first lines never scroll out of sight.
   */
  function scrollToEnd() {
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

  /** Quick replies always belong to the last message on screen. */
  function syncChoices() {
    const last = elements.log.lastElementChild;
    renderChoices(last ? choicesOf.get(last) || [] : []);
  }

  function renderChoices(choices) {
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
      button.disabled = sending;
      button.addEventListener("click", () => sendMessage({ choice: choice.id }, choice.label));
      return button;
    });
    elements.choices.replaceChildren(...buttons);
    elements.choices.hidden = buttons.length === 0;
    scrollToEnd();
  }

  function validChoices(choices) {
    return asArray(choices)
      .filter((choice) => choice && typeof choice.id === "string" && typeof choice.label === "string")
      .map((choice) => ({ id: choice.id, label: choice.label }));
  }

  // ---- Session ----------------------------------------------------------------------------

  function readSession() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
      if (
        stored &&
        typeof stored.conversationId === "string" &&
        typeof stored.token === "string" &&
        LOCALES.includes(stored.locale)
      ) {
        return stored;
      }
    } catch {
      // Unreadable or blocked storage: start fresh.
    }
    return null;
  }

  function writeSession(value) {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Without storage the chat still works; it just won't survive a reload.
    }
  }

  /** The server no longer knows this conversation (401/404): forget it and offer a fresh start. */
  function endSession(statusKey = "start.ended") {
    const lng = session ? session.locale : document.documentElement.lang;
    session = null;
    dangerNumbers = DANGER_NUMBERS;
    renderDangerLine();
    clearTimeout(pollTimer);
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing to forget.
    }
    resetTranscript();
    elements.chatStatus.textContent = "";
    showError("");
    elements.text.value = "";
    showStart(LOCALES.includes(lng) ? lng : "id", statusKey);
  }

  // ---- Network ----------------------------------------------------------------------------

  function messagesPath(current, after) {
    const base = `/api/webchat/conversations/${encodeURIComponent(current.conversationId)}/messages`;
    return after ? `${base}?after=${encodeURIComponent(after)}` : base;
  }

  /** Runs network tasks one after another, so a poll never overlaps a send. */
  function serial(task) {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function request(path, options = {}) {
    const headers = { Accept: "application/json" };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      let response;
      try {
        response = await fetch(path, {
          method: options.method || "GET",
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
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

  function isGone(error) {
    return error && (error.status === 401 || error.status === 404);
  }

  // ---- Small helpers ----------------------------------------------------------------------

  function byId(id) {
    return document.getElementById(id);
  }

  function asArray(value) {
    return Array.isArray(value) ? value : [];
  }

  function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
})();
