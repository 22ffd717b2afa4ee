import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessText } from "../../src/domain/screening/index.ts";
import { createTestTranslate } from "../domain/screening/create-test-translate.ts";

/**
 * 33 messages written from the domain before any rule change of this round (Indonesian chat, English,
 * Tagalog, Vietnamese, Malay, Javanese, Spanish): emergencies and harmless chat. Scored before the
 * change at 16/20 emergencies caught; guards the generalising rules against regression.
 */
type FreshCase = { id: string; text: string; expect: { emergency: boolean; child?: boolean } };
const cases = JSON.parse(readFileSync(new URL("./fresh-cases-3.json", import.meta.url), "utf8")) as FreshCase[];
const t = createTestTranslate();

describe("fresh real-language cases (set 3)", () => {
  const results = cases.map((item) => ({ item, got: assessText({ text: item.text }, t) }));
  const emergencies = results.filter(({ item }) => item.expect.emergency);
  const harmless = results.filter(({ item }) => !item.expect.emergency);

  it("has cases of both kinds", () => {
    expect(emergencies.length).toBeGreaterThanOrEqual(20);
    expect(harmless.length).toBeGreaterThanOrEqual(13);
  });

  it("catches at least 95% of the emergencies", () => {
    const missed = emergencies.filter(({ got }) => !got.emergency).map(({ item }) => item.id);
    expect(missed.length / emergencies.length).toBeLessThanOrEqual(0.05);
  });

  it("raises no emergency on harmless messages", () => {
    expect(harmless.filter(({ got }) => got.emergency).map(({ item }) => item.id)).toEqual([]);
  });
});
