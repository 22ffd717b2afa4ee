import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { diffSnapshots, readConsoleSnapshot, type ConsoleSnapshot } from "../casework/console-updates.ts";
import { findSession } from "../casework/sessions.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { ConsoleEnv } from "./console-env.ts";
import { readSessionCookie } from "./console-session.ts";

/** How often a stream looks again without being woken (another instance's events), and how long it lives. */
export const LIVE_CHECK_MS = 5_000;
const LIVE_MAX_MS = 10 * 60_000;
const HEARTBEAT_MS = 25_000;

export type LiveDeps = {
  db: Db;
  now: () => Date;
  idleMinutes: number;
  /** this instance's events wake the streams at once; other instances' are seen within LIVE_CHECK_MS */
  events?: EventBus;
  checkMs?: number;
};

/**
 * `GET /console/events`: Server-Sent Events for the signed-in caseworker — `snapshot` first, then `urgent`
 * (a new urgent ticket they may see), `assigned` (a ticket now held by them), `message` (the person wrote on
 * a ticket they hold) and `counts`. A stream ends when the session does (it never keeps one alive) and
 * after ten minutes; the browser reconnects by itself.
 */
export function mountLiveRoutes(app: Hono<ConsoleEnv>, deps: LiveDeps): void {
  const checkMs = deps.checkMs ?? LIVE_CHECK_MS;
  app.get("/events", (c) => {
    const actor = c.get("caseworker");
    const token = readSessionCookie(c);
    return streamSSE(c, async (stream) => {
      let wake = () => {};
      const wakeUp = () => wake();
      const unsubscribe = [
        deps.events?.subscribe("ticket.opened", wakeUp),
        deps.events?.subscribe("message.inbound", wakeUp),
        // the person answered a share question: the ticket's holder hears of it now, not at the next look
        deps.events?.subscribe("share.answered", wakeUp),
      ];
      stream.onAbort(wakeUp);
      const started = Date.now();
      let lastWrite = Date.now();
      let snapshot: ConsoleSnapshot = await readConsoleSnapshot(deps.db, actor);
      await stream.writeSSE({ event: "snapshot", data: JSON.stringify(snapshot), retry: 3000 });
      try {
        while (!stream.aborted && Date.now() - started < LIVE_MAX_MS) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, checkMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (stream.aborted) break;
          const session = await findSession(deps.db, token, {
            now: deps.now(),
            idleMs: deps.idleMinutes * 60_000,
            touch: false,
          });
          if (session.status !== "active") {
            await stream.writeSSE({ event: "signed_out", data: "{}" });
            break;
          }
          const next = await readConsoleSnapshot(deps.db, actor);
          const updates = diffSnapshots(snapshot, next);
          for (const update of updates) await stream.writeSSE({ event: update.type, data: JSON.stringify(update) });
          if (updates.length > 0 || JSON.stringify(next) !== JSON.stringify(snapshot)) {
            await stream.writeSSE({ event: "counts", data: JSON.stringify(countsOf(next)) });
            lastWrite = Date.now();
          } else if (Date.now() - lastWrite > HEARTBEAT_MS) {
            await stream.write(": ping\n\n");
            lastWrite = Date.now();
          }
          snapshot = next;
        }
      } finally {
        for (const off of unsubscribe) off?.();
      }
    });
  });
}

function countsOf(snapshot: ConsoleSnapshot) {
  return {
    urgent: snapshot.urgent.length,
    mine: snapshot.mine.length,
    unread: snapshot.mine.reduce((sum, ticket) => sum + ticket.unread, 0),
    tickets: snapshot.mine,
  };
}
