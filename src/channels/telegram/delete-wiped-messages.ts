/**
 * Telegram lets a bot delete messages in a private chat for 48 hours; a margin keeps us clear of the edge.
 * Older messages of a wiped chat stay (the engine's last message tells the person how to clear the chat
 * themselves); run-wipe-jobs.ts deletes the rest.
 */
export const DELETABLE_FOR_MS = 48 * 60 * 60 * 1000 - 5 * 60 * 1000;
