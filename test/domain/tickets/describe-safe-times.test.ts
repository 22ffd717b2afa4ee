import { expect, test } from "vitest";
import { describeSafeTimes, personZoneOf } from "../../../src/domain/tickets/describe-safe-times.ts";
import { readSafeTimes } from "../../../src/domain/tickets/read-safe-contact.ts";

const NOON_UTC = new Date("2026-11-29T12:00:00Z");

test("a half-hour zone: both clocks, and a window moved onto the console's clock across midnight", () => {
  const view = describeSafeTimes(readSafeTimes({ time: "night" }, "Asia/Yangon"), "Asia/Yangon", NOON_UTC);
  expect(view).toEqual({
    personZone: "Asia/Yangon",
    consoleZone: "Asia/Jakarta",
    personPlace: "Yangon, UTC+6:30",
    consolePlace: "Jakarta, UTC+7",
    personNow: "18:30",
    consoleNow: "19:00",
    sameZone: false,
    windows: [{ person: "22:00–00:00", console: "22:30–00:30" }],
  });
});

test("the person's zone: the one stored with the times, else the country's, else unknown (no clocks)", () => {
  expect(personZoneOf({ timeZone: "Asia/Riyadh" }, "MY")).toBe("Asia/Riyadh");
  expect(personZoneOf({ time: "evening" }, "MY")).toBe("Asia/Kuala_Lumpur");
  expect(personZoneOf(null, null)).toBeUndefined();
  expect(describeSafeTimes(null, undefined, NOON_UTC)).toBeNull();
  expect(describeSafeTimes(null, "Not/AZone", NOON_UTC)).toBeNull();
});
