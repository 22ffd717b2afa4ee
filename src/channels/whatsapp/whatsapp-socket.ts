import type { WhatsAppSocketFactory } from "./types.ts";

/** The lease that makes one process per deployment own the WhatsApp socket (the server's or the link command's). */
export const WHATSAPP_LEASE = "whatsapp-socket";

/** Baileys' close codes that decide what happens next (DisconnectReason, without importing Baileys eagerly). */
export const CLOSE_CODES = {
  LOGGED_OUT: 401,
  /** a temporary ban ("payment required" in WhatsApp's codes): retrying soon makes it longer */
  TEMPORARILY_BANNED: 402,
  FORBIDDEN: 403,
  /** the account is banned */
  BANNED: 406,
  /** "connection replaced": another client opened the same session */
  CONNECTION_REPLACED: 440,
  /** after the phone links, WhatsApp asks for a new socket, which logs in with the saved credentials */
  RESTART_REQUIRED: 515,
} as const;

/** The status code of a socket's close (Baileys' Boom error), if it has one. */
export function closeCodeOf(error: unknown): number | undefined {
  const output = (error as { output?: { statusCode?: unknown } } | undefined)?.output;
  return typeof output?.statusCode === "number" ? output.statusCode : undefined;
}

/** A pairing code as the phone shows it: groups of four ("ABCD-EFGH"). */
export function formatPairingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** The given socket factory (a fake in tests), or Baileys' — imported only here, on first use. */
export async function loadSocketFactory(factory: WhatsAppSocketFactory | undefined): Promise<WhatsAppSocketFactory> {
  return factory ?? (await import("./create-baileys-socket.ts")).createBaileysSocket;
}
