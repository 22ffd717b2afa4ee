import { hostname } from "node:os";
import type { ConnectionState } from "@whiskeysockets/baileys";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { Logger } from "../../log/create-logger.ts";
import { createDbAuthState, type DbAuthState } from "./create-db-auth-state.ts";
import { createLease } from "./create-lease.ts";
import { CLOSE_CODES, closeCodeOf, formatPairingCode, loadSocketFactory, WHATSAPP_LEASE } from "./whatsapp-socket.ts";
import type { WhatsAppSocket, WhatsAppSocketFactory } from "./types.ts";

/** How long the command waits for the phone before giving up. */
export const LINK_TIMEOUT_MS = 3 * 60_000;

export type LinkResult =
  | { status: "linked" }
  | { status: "already_linked" }
  | { status: "busy" }
  | { status: "failed"; code: number | undefined }
  | { status: "timeout" };

export type LinkDeps = {
  db: Db;
  cipher: Cipher;
  log: Logger;
  /** shows one message to the admin: a translation key of `whatsapp:link.*` and its variables, or a QR code */
  say: (message: { key: string; vars?: Record<string, string | number> } | { qr: string }) => void;
  socketFactory?: WhatsAppSocketFactory;
  /** a normalised phone number (628…): ask WhatsApp for a pairing code instead of showing a QR code */
  phone?: string | undefined;
  /** forget the current link first */
  relink?: boolean;
  timeoutMs?: number;
};

/**
 * Links Lentera as a device of the organisation's WhatsApp number: shows the QR code to scan (or, with a
 * phone number, asks WhatsApp for a pairing code), saves the credentials in the database and returns once
 * the phone has linked. It takes the deployment's socket lease first, so it never fights a running server.
 */
export async function linkWhatsApp(deps: LinkDeps): Promise<LinkResult> {
  const lease = createLease(deps.db, {
    name: WHATSAPP_LEASE,
    holder: `cli:${hostname()}:${process.pid}`,
    ttlMs: 60_000,
  });
  if (!(await lease.acquire())) return { status: "busy" };
  const renew = setInterval(() => void lease.acquire().catch(() => {}), 20_000);
  renew.unref();
  let socket: WhatsAppSocket | undefined;
  try {
    let auth = await createDbAuthState(deps.db, deps.cipher);
    if (auth.isLinked() && !deps.relink) return { status: "already_linked" };
    if (deps.relink) {
      await auth.clear();
      auth = await createDbAuthState(deps.db, deps.cipher);
    }
    const factory = await loadSocketFactory(deps.socketFactory);
    const timeoutMs = deps.timeoutMs ?? LINK_TIMEOUT_MS;
    deps.say({ key: "link.waiting", vars: { minutes: Math.round(timeoutMs / 60_000) } });
    return await new Promise<LinkResult>((resolve) => {
      const timer = setTimeout(() => resolve({ status: "timeout" }), timeoutMs);
      const finish = (result: LinkResult) => {
        clearTimeout(timer);
        resolve(result);
      };
      let shownQr = 0;
      let pairingAsked = false;
      const open = async (current: DbAuthState) => {
        const sock = await factory({ auth: current.state, log: deps.log, getMessageText: async () => undefined });
        socket = sock;
        sock.ev.on("creds.update", () => void current.saveCreds().catch(() => {}));
        sock.ev.on("connection.update", (update: Partial<ConnectionState>) => {
          if (update.qr && deps.phone && !pairingAsked) {
            pairingAsked = true;
            sock.requestPairingCode(deps.phone).then(
              (code) => deps.say({ key: "link.pairing_code", vars: { code: formatPairingCode(code) } }),
              () => finish({ status: "failed", code: undefined }),
            );
          } else if (update.qr && !deps.phone) {
            if (shownQr === 0) deps.say({ key: "link.private" });
            deps.say({ key: shownQr === 0 ? "link.scan" : "link.scan_again" });
            deps.say({ qr: update.qr });
            shownQr += 1;
          }
          if (update.connection === "open") {
            void current.saveCreds().then(
              () => finish({ status: "linked" }),
              () => finish({ status: "failed", code: undefined }),
            );
          }
          if (update.connection === "close") {
            const code = closeCodeOf(update.lastDisconnect?.error);
            // After the phone scans, WhatsApp asks for a restart; the new socket logs in with the saved credentials.
            if (code === CLOSE_CODES.RESTART_REQUIRED) {
              void current
                .saveCreds()
                .then(() => createDbAuthState(deps.db, deps.cipher))
                .then(open)
                .catch(() => finish({ status: "failed", code }));
            } else {
              finish({ status: "failed", code });
            }
          }
        });
      };
      open(auth).catch(() => finish({ status: "failed", code: undefined }));
    });
  } finally {
    clearInterval(renew);
    if (socket) await Promise.resolve(socket.end(undefined)).catch(() => {});
    await lease.release().catch(() => {});
  }
}
