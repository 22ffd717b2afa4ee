import type { Choice } from "./types.ts";

/** Quick replies that work wherever they are shown. */
export const NAV_MENU: Choice = { id: "nav.menu", key: "nav.menu" };
export const NAV_LANGUAGE: Choice = { id: "nav.language", key: "nav.language" };
