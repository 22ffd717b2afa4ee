import { expect, test } from "vitest";
import {
  newReferenceCode,
  parseReferenceCode,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
} from "../../../src/domain/tickets/reference-code.ts";

test("the alphabet leaves out characters that are easy to misread", () => {
  for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(REFERENCE_ALPHABET).not.toContain(ambiguous);
  expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
});

test("codes look like LNT-7KQ4M9, are random, and not sequential", () => {
  const codes = Array.from({ length: 2000 }, newReferenceCode);
  for (const code of codes) expect(code).toMatch(REFERENCE_PATTERN);
  expect(new Set(codes).size).toBe(codes.length);
  const sorted = [...codes].sort();
  expect(sorted).not.toEqual(codes);
  // every position uses most of the alphabet: no fixed or counting part
  for (let i = 4; i < 10; i++) expect(new Set(codes.map((c) => c[i])).size).toBeGreaterThan(25);
});

test.each([
  ["LNT-7KQ4M9", "LNT-7KQ4M9"],
  ["lnt-7kq4m9", "LNT-7KQ4M9"],
  ["lnt 7kq 4m9", "LNT-7KQ4M9"],
  ["7KQ4M9", "LNT-7KQ4M9"],
  ["LNT-7KQ4M0", null],
  ["LNT-7KQ4M", null],
  ["", null],
])("parseReferenceCode(%j) → %j", (typed, expected) => {
  expect(parseReferenceCode(typed)).toBe(expected);
});
