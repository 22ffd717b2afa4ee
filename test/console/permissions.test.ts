import { describe, expect, it } from "vitest";
import { can, type Permission } from "../../src/casework/permissions.ts";

const me = (role: "caseworker" | "supervisor" | "admin", active = true) => ({ id: "me", role, active });
const mine = { assigneeId: "me", status: "claimed" as const };
const theirs = { assigneeId: "other", status: "claimed" as const };
const queued = { assigneeId: null, status: "new" as const };
const closedQueued = { assigneeId: null, status: "closed" as const };

/** Each role, each permission, on a ticket of its own, another's, an unassigned one: the whole table. */
describe("permissions", () => {
  const table: [
    Permission,
    "mine" | "theirs" | "queued" | "none",
    { caseworker: boolean; supervisor: boolean; admin: boolean },
  ][] = [
    ["ticket.read", "mine", { caseworker: true, supervisor: true, admin: true }],
    ["ticket.read", "theirs", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.read", "queued", { caseworker: true, supervisor: true, admin: true }],
    ["ticket.claim", "queued", { caseworker: true, supervisor: true, admin: true }],
    ["ticket.claim", "theirs", { caseworker: false, supervisor: false, admin: false }],
    ["ticket.release", "mine", { caseworker: true, supervisor: true, admin: true }],
    ["ticket.release", "theirs", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.reassign", "mine", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.reassign", "theirs", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.change_status", "theirs", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.change_status", "queued", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.note", "theirs", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.note", "mine", { caseworker: true, supervisor: true, admin: true }],
    ["ticket.reply", "mine", { caseworker: true, supervisor: true, admin: true }],
    ["ticket.reply", "theirs", { caseworker: false, supervisor: false, admin: false }],
    ["ticket.refer", "theirs", { caseworker: false, supervisor: true, admin: true }],
    ["ticket.refer_override", "mine", { caseworker: false, supervisor: true, admin: true }],
    ["partners.manage", "none", { caseworker: false, supervisor: false, admin: true }],
    ["accounts.manage", "none", { caseworker: false, supervisor: false, admin: true }],
    ["audit.read", "none", { caseworker: false, supervisor: false, admin: true }],
  ];
  const tickets = { mine, theirs, queued, none: undefined };

  it.each(table)("%s on %s", (permission, which, expected) => {
    const actual = {
      caseworker: can(me("caseworker"), permission, tickets[which]),
      supervisor: can(me("supervisor"), permission, tickets[which]),
      admin: can(me("admin"), permission, tickets[which]),
    };
    expect(actual).toEqual(expected);
  });

  it("refuses everything to a switched-off account", () => {
    for (const [permission, which] of table) expect(can(me("admin", false), permission, tickets[which])).toBe(false);
  });

  it("a caseworker does not see closed tickets that are not theirs", () => {
    expect(can(me("caseworker"), "ticket.read", closedQueued)).toBe(false);
    expect(can(me("caseworker"), "ticket.claim", closedQueued)).toBe(false);
    expect(can(me("supervisor"), "ticket.read", closedQueued)).toBe(true);
  });
});
