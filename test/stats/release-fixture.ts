import { afterAll, beforeAll } from "vitest";
import { seedDemoCases } from "../../src/domain/stats/seed-demo-cases.ts";
import { createCaseworker } from "../api/api-support.ts";
import { addCaseworker } from "../console/support.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addFactTicket } from "./add-fact-ticket.ts";
import type { apiReport } from "./stats-views.ts";

export const K = 11;
export const DAY = 86_400_000;

/**
 * The data of the release tests (release-attack, release-arrivals): 1,200 demo tickets (or `demoTickets`) and a figure at a
 * rounding edge — 34 people bound for Fiji, so one more would turn a naive "30" into "35" — on a clock that
 * starts at noon in Jakarta and moves a day at a time; a statistics token and a supervisor.
 */
export function useReleaseFixture(options: { demoTickets?: number } = {}) {
  const state = {
    lentera: undefined as unknown as TestLentera,
    token: "",
    supervisorEmail: "",
    at: new Date("2026-11-20T05:00:00Z"),
  };
  beforeAll(async () => {
    state.lentera = await createTestLentera({ now: () => state.at });
    const now = () => state.at;
    await seedDemoCases(
      { db: state.lentera.db, cipher: state.lentera.cipher, now },
      { tickets: options.demoTickets ?? 1200, seed: 23 },
    );
    const plant = async (month: string, people: number) => {
      for (let i = 0; i < people; i++) await addTicket("Fiji", new Date(`${month}-12T03:00:00Z`));
    };
    // 17 in 2025 and 17 in 2026: the whole time (34, shown as 30) is far enough from each year to be shown
    await plant("2025-03", 17);
    await plant("2026-06", 3);
    await plant("2026-08", 4);
    await plant("2026-10", 10);
    state.token = (await createCaseworker(state.lentera, { email: "watcher@example.org", scopes: ["stats"] })).token;
    state.supervisorEmail = (await addCaseworker(state.lentera, "supervisor")).email;
  }, 180_000);
  afterAll(async () => {
    await state.lentera?.close();
  });

  const addTicket = (country: string, createdAt: Date, sector = "fishing") =>
    addFactTicket(state.lentera, { country, createdAt, sector });

  return {
    state,
    addTicket,
    nextDay: () => (state.at = new Date(state.at.getTime() + DAY)),
  };
}

export const fijiOf = (report: Awaited<ReturnType<typeof apiReport>>) =>
  report.tables.find((t) => t.id === "destination")!.cells.find((c) => c.key[0] === "Fiji")!;
