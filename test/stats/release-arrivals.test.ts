import { expect, test } from "vitest";
import { consoleClient } from "../console/support.ts";
import { fijiOf, K, useReleaseFixture } from "./release-fixture.ts";
import { apiReport } from "./stats-views.ts";

/**
 * The other half of the release tests (the attack: release-attack.test.ts): the figures do move once enough
 * people arrived, on the next day's release, and the page and its print view say as of when.
 */
// fewer demo tickets than the attack: only the planted Fiji figure is watched here
const { state, addTicket, nextDay } = useReleaseFixture({ demoTickets: 300 });

test("once enough people arrived, the next release shows the change, and the page says as of when", async () => {
  const before = fijiOf(await apiReport(state.lentera.app, state.token, {}));
  for (let i = 0; i < 20; i++) await addTicket("Fiji", state.at);
  nextDay();
  const after = await apiReport(state.lentera.app, state.token, {});
  expect(fijiOf(after).value! - before.value!).toBeGreaterThanOrEqual(K);
  expect(after.population.value).toBeGreaterThan(0);

  const page = consoleClient(state.lentera.app);
  await page.signIn(state.supervisorEmail);
  const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Asia/Jakarta" }).format(state.at);
  const id = await page.get("/console/stats");
  expect(id.body).toContain("Angka per");
  await page.post("/console/language", { lang: "en", back: "/console/stats" });
  const en = await page.get("/console/stats");
  expect(en.body).toContain("Figures as of");
  expect(en.body).toContain(day);
  expect(en.body).toContain("00:00");
  const print = await page.get("/console/stats/print");
  expect(print.body).toContain("Figures as of");
}, 120_000);
