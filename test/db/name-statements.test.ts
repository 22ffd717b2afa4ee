import { expect, test } from "vitest";
import { createStatementNames } from "../../src/db/name-statements.ts";

test("each distinct SQL text gets one name, up to the budget; later texts go unnamed", () => {
  const names = createStatementNames(2);
  names.onConnect();
  const a = names.name({ sql: "SELECT 1" });
  expect(a).toMatch(/^lentera_[0-9a-f]{8}_0_0$/);
  expect(names.name({ sql: "SELECT 1" })).toBe(a);
  const b = names.name({ sql: "SELECT 2" });
  expect(b).not.toBe(a);
  expect(names.name({ sql: "SELECT 3" })).toBeUndefined();
  expect(names.name({ sql: "SELECT 2" })).toBe(b);
});

test("two clients never share a name (PGlite is one session for every connection)", () => {
  const one = createStatementNames();
  const two = createStatementNames();
  expect(one.name({ sql: "SELECT 1" })).not.toBe(two.name({ sql: "SELECT 1" }));
});

test("a new connection after a lost one gets fresh names; the first connection keeps those given before it", () => {
  const names = createStatementNames();
  const early = names.name({ sql: "SELECT 1" });
  names.onConnect();
  expect(names.name({ sql: "SELECT 1" })).toBe(early);
  names.onConnect();
  const fresh = names.name({ sql: "SELECT 1" });
  expect(fresh).not.toBe(early);
  expect(names.name({ sql: "SELECT 1" })).toBe(fresh);
});
