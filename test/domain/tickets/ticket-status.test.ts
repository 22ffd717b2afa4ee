import { expect, test } from "vitest";
import {
  canTransition,
  OPEN_STATUSES,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
} from "../../../src/domain/tickets/ticket-status.ts";

test("the usual path new → claimed → in progress → referred → closed is allowed", () => {
  expect(canTransition("new", "claimed")).toBe(true);
  expect(canTransition("claimed", "in_progress")).toBe(true);
  expect(canTransition("in_progress", "referred")).toBe(true);
  expect(canTransition("referred", "closed")).toBe(true);
});

test.each([
  ["new", "in_progress"],
  ["new", "referred"],
  ["closed", "new"],
  ["closed", "claimed"],
  ["referred", "new"],
  ["new", "new"],
] as const)("%s → %s is refused", (from, to) => {
  expect(canTransition(from, to)).toBe(false);
});

test("give back a claim, bring back a referral, reopen a closed case", () => {
  expect(canTransition("claimed", "new")).toBe(true);
  expect(canTransition("referred", "in_progress")).toBe(true);
  expect(canTransition("closed", "in_progress")).toBe(true);
});

test("every status has an entry; only closed is not open", () => {
  expect(Object.keys(TICKET_TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
  expect(TICKET_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))).toEqual(["closed"]);
});
