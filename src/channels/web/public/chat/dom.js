// The page's elements, looked up once (module scripts run after the document is parsed).

const byId = (id) => document.getElementById(id);

export const elements = {
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
  attach: byId("composer-attach"),
  file: byId("composer-file"),
  danger: byId("danger"),
};

export function asArray(value) {
  return Array.isArray(value) ? value : [];
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
