// The conversation this tab is in. It lives in sessionStorage (never localStorage or cookies): the phone may
// be shared, and closing the tab or pressing quick exit forgets it.

import { LOCALES } from "./strings.js";

const STORAGE_KEY = "lentera.webchat";

/** { conversationId, token, locale, danger? } or null */
let current = null;

export function currentSession() {
  return current;
}

/** The session kept by this tab before a reload, if any. */
export function restoreSession() {
  current = readStored();
  return current;
}

export function saveSession(session) {
  current = session;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Without storage the chat still works; it just won't survive a reload.
  }
}

export function forgetSession() {
  current = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}

function readStored() {
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
