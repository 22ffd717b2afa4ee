import { afterAll, beforeAll, expect, test } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { assessText } from "../../src/domain/screening/index.ts";
import { toScreeningTranslate } from "../../src/engine/screening-translate.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(async () => lentera?.close());

const rowOf = (html: string, reference: string) => {
  const start = html.indexOf(`data-reference="${reference}"`);
  return start < 0 ? "" : html.slice(start, html.indexOf("</tr>", start));
};

test("the queue shows each ticket's country, summary and indicators, filters by country, and shows supervisors everyone's load", async () => {
  const assessment = assessText(
    { text: "Paspor saya ditahan majikan, gaji tidak dibayar empat bulan dan saya tidak boleh keluar rumah." },
    toScreeningTranslate(lentera.t),
  );
  expect(assessment.indicators.length).toBeGreaterThan(1);
  const inSaudi = await addTicket(lentera, (await addConversation(lentera)).id, {
    type: "victim_assistance",
    assessment,
    country: "SA",
  });
  const inMalaysia = await addTicket(lentera, (await addConversation(lentera, "en")).id, { country: "MY" });
  const cw = await addCaseworker(lentera, "caseworker", "Rina Caseworker");
  const sup = await addCaseworker(lentera, "supervisor", "Budi Supervisor");
  await claimTicket(cw.ctx, { reference: inMalaysia.reference });

  const supervisor = consoleClient(lentera.app);
  await supervisor.signIn(sup.email);
  const { body } = await supervisor.get("/console/queue");
  const row = rowOf(body, inSaudi.reference);
  expect(row).toContain("Arab Saudi");
  const summary = lentera.cipher.decryptJson<{ id: string }>(inSaudi.summaryEnc!).id;
  expect(row).toContain(summary.slice(0, 20));
  for (const id of inSaudi.indicatorIds.slice(0, 3)) expect(row).toContain(`data-indicator="${id}"`);
  // chips carry the indicator's name, never its bare id
  const chip = /data-indicator="([^"]+)">([^<]+)</.exec(row)!;
  expect(chip[2]!.trim()).not.toBe(chip[1]);
  expect(rowOf(body, inMalaysia.reference)).toContain("Malaysia");
  expect(body).toMatch(/<option value="SA"[^>]*>Arab Saudi<\/option>/);

  // the refresh poll lists the queue briefly (no summaries, no load) and still agrees with the page
  const poll = JSON.parse((await supervisor.get("/console/queue/poll", { "x-lentera-poll": "1" })).body) as {
    signature: string;
  };
  expect(body).toContain(`data-signature="${poll.signature}"`);

  // the load table: who holds how much
  expect(body).toMatch(
    new RegExp(`data-caseworker="${cw.caseworker.id}"><td>Rina Caseworker</td><td class="num">1</td>`),
  );

  const filtered = (await supervisor.get("/console/queue?country=sa")).body;
  expect(rowOf(filtered, inSaudi.reference)).toContain("Arab Saudi");
  expect(rowOf(filtered, inMalaysia.reference)).toBe("");

  // a caseworker sees the columns, not the others' load
  const own = consoleClient(lentera.app);
  await own.signIn(cw.email);
  const mine = (await own.get("/console/queue")).body;
  expect(rowOf(mine, inSaudi.reference)).toContain("Arab Saudi");
  expect(mine).not.toContain("data-caseworker=");
});
