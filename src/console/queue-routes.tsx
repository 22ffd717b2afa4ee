import { createHash } from "node:crypto";
import { Hono } from "hono";
import { countDueFollowUps } from "../casework/case-services.ts";
import { readConsoleSnapshot } from "../casework/console-updates.ts";
import { listQueue, QueueFilter } from "../casework/list-queue.ts";
import type { ConsoleEnv } from "./console-env.ts";
import type { OwnConsoleTools } from "./console-tools.ts";
import { QueuePage } from "./queue-page.tsx";

/** tickets per page of the console's queue: a screenful to work through, quick to render on any phone */
export const QUEUE_PAGE_SIZE = 50;

/** The queue page, and the poll its script uses to refresh itself when the queue changes. */
export function createQueueRoutes(tools: Pick<OwnConsoleTools, "db" | "ctxOf" | "page" | "flash">) {
  const app = new Hono<ConsoleEnv>();
  const { ctxOf } = tools;

  app.get("/queue", async (c) => {
    const parsed = QueueFilter.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
    const filter = parsed.success ? parsed.data : QueueFilter.parse({});
    const [queue, live, followUpsDue] = await Promise.all([
      listQueue(ctxOf(c), filter, { pageSize: QUEUE_PAGE_SIZE }),
      readConsoleSnapshot(tools.db, c.get("caseworker")),
      countDueFollowUps(ctxOf(c)),
    ]);
    const fl = tools.flash(c);
    return c.html(
      <QueuePage
        {...tools.page(c)}
        queue={queue}
        filter={filter}
        signature={signatureOf(queue)}
        unread={Object.fromEntries(live.mine.map((t) => [t.reference, t.unread]))}
        followUpsDue={followUpsDue}
        {...(fl ? { flash: fl } : {})}
      />,
    );
  });

  app.get("/queue/poll", async (c) => {
    const queue = await listQueue(ctxOf(c), QueueFilter.parse({}), { brief: true, pageSize: QUEUE_PAGE_SIZE });
    return c.json({ urgent: queue.urgent, counts: queue.counts, signature: signatureOf(queue) });
  });

  return app;
}

/** What changes on the queue when it should refresh itself: tickets, their status, holder and priority. */
function signatureOf(queue: Awaited<ReturnType<typeof listQueue>>): string {
  const text =
    queue.tickets
      .map((t) => `${t.reference}:${t.status}:${t.priority}:${t.assignee?.id ?? ""}:${t.awaitingReply}`)
      .join("|") + JSON.stringify(queue.counts);
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}
