import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_PAGE_SIZE } from "../../src/console/queue-routes.tsx";
import { newReferenceCode } from "../../src/domain/tickets/reference-code.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, consoleClient } from "./support.ts";

/**
 * The queue in pages (issue: throughput, item 5): a long queue is read a page at a time, in the queue's order,
 * every open ticket on exactly one page, the filters kept from page to page; the API keeps its larger page.
 */
describe("the queue in pages", () => {
  let lentera: TestLentera;
  let sup: Awaited<ReturnType<typeof addCaseworker>>;
  const opened = QUEUE_PAGE_SIZE + 7;
  /** the query of the page link with this rel, as an object (null when there is none) */
  const linkOf = (html: string, rel: "prev" | "next") => {
    const href = new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html)?.[1];
    return href ? Object.fromEntries(new URLSearchParams(href.replaceAll("&amp;", "&").split("?")[1])) : null;
  };
  const rowsOf = (html: string) => [...html.matchAll(/<tr[^>]*data-reference="([^"]+)"/g)].map((m) => m[1]!);

  beforeAll(async () => {
    lentera = await createTestLentera();
    sup = await addCaseworker(lentera, "supervisor");
    const base = Date.parse("2026-11-01T00:00:00Z");
    // a few share one instant: the order must still put each on exactly one page
    await lentera.db.ticket.createMany({
      data: Array.from({ length: opened }, (_, i) => ({
        reference: newReferenceCode(),
        type: "victim_assistance" as const,
        priority: i % 9 === 0 ? ("urgent" as const) : ("normal" as const),
        locale: i % 2 ? "en" : "id",
        channel: "web" as const,
        indicatorIds: [],
        needs: [],
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
      })),
    });
    await lentera.db.ticket.create({
      data: {
        reference: newReferenceCode(),
        type: "victim_assistance",
        priority: "urgent",
        status: "closed",
        closedAt: new Date(),
        locale: "id",
        channel: "web",
        indicatorIds: [],
        needs: [],
      },
    });
  });
  afterAll(() => lentera?.close());

  it("shows one page of open tickets at a time, each ticket on exactly one page, in the queue's order", async () => {
    const client = consoleClient(lentera.app);
    await client.signIn(sup.email);
    const first = await client.get("/console/queue");
    expect(first.res.status).toBe(200);
    const one = rowsOf(first.body);
    expect(one).toHaveLength(QUEUE_PAGE_SIZE);
    expect(linkOf(first.body, "next")).toMatchObject({ page: "2" });
    expect(linkOf(first.body, "prev")).toBeNull();

    const second = await client.get("/console/queue?page=2");
    const two = rowsOf(second.body);
    expect(two).toHaveLength(opened - QUEUE_PAGE_SIZE);
    expect(linkOf(second.body, "prev")).not.toBeNull();
    expect(linkOf(second.body, "prev")?.page).toBeUndefined();
    expect(linkOf(second.body, "next")).toBeNull();

    const all = await lentera.db.ticket.findMany({
      where: { status: { not: "closed" } },
      orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { reference: "asc" }],
      select: { reference: true },
    });
    expect([...one, ...two]).toEqual(all.map((t) => t.reference));
  });

  it("keeps the filters on the page links, also from a page past the end", async () => {
    const client = consoleClient(lentera.app);
    await client.signIn(sup.email);
    const english = await client.get("/console/queue?language=en");
    const expected = await lentera.db.ticket.count({ where: { status: { not: "closed" }, locale: "en" } });
    expect(rowsOf(english.body)).toHaveLength(Math.min(expected, QUEUE_PAGE_SIZE));
    const beyond = await client.get("/console/queue?language=id&page=40");
    expect(rowsOf(beyond.body)).toEqual([]);
    expect(linkOf(beyond.body, "prev")).toMatchObject({ language: "id", page: "39" });
  });

  it("reads a page number that is not one as the first page", async () => {
    const client = consoleClient(lentera.app);
    await client.signIn(sup.email);
    expect(rowsOf((await client.get("/console/queue?page=0")).body)).toHaveLength(QUEUE_PAGE_SIZE);
    expect(rowsOf((await client.get("/console/queue?page=abc")).body)).toHaveLength(QUEUE_PAGE_SIZE);
  });

  it("the API answers up to its own page size, with the page and whether more follow", async () => {
    const res = await lentera.app.request("/api/queue", { headers: { authorization: `Bearer ${sup.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tickets: { reference: string }[]; page: number; hasMore: boolean };
    expect(body.tickets).toHaveLength(opened);
    expect(body).toMatchObject({ page: 1, hasMore: false });
    const bad = await lentera.app.request("/api/queue?page=0", { headers: { authorization: `Bearer ${sup.token}` } });
    expect(bad.status).toBe(400);
  });
});
