import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessText } from "../../src/domain/screening/index.ts";
import { createTestTranslate } from "../domain/screening/create-test-translate.ts";

/**
 * Messages written from the domain (not from any scored set): emergencies said the many ways people say
 * them, and harmless chat. Guards the generalising rules against regression; thresholds sit a little
 * below today's scores so one honest miss does not block, a lost rule does.
 */
type FreshCase = { id: string; text: string; expect: { emergency: boolean } };
const cases = JSON.parse(readFileSync(new URL("./fresh-cases-2.json", import.meta.url), "utf8")) as FreshCase[];
const t = createTestTranslate();

describe("fresh real-language cases (set 2)", () => {
  const results = cases.map((item) => ({ item, got: assessText({ text: item.text }, t) }));
  const emergencies = results.filter(({ item }) => item.expect.emergency);
  const harmless = results.filter(({ item }) => !item.expect.emergency);

  it("has enough cases of both kinds to mean something", () => {
    expect(emergencies.length).toBeGreaterThanOrEqual(30);
    expect(harmless.length).toBeGreaterThanOrEqual(25);
  });

  it("catches at least 95% of the emergencies", () => {
    const missed = emergencies.filter(({ got }) => !got.emergency).map(({ item }) => item.id);
    expect(missed.length / emergencies.length).toBeLessThanOrEqual(0.05);
  });

  it("raises no emergency on harmless messages", () => {
    const flagged = harmless.filter(({ got }) => got.emergency).map(({ item }) => item.id);
    expect(flagged).toEqual([]);
  });
});
