import { timeZoneOf } from "../places/time-zone-of.ts";
import type { SafeTimes } from "./read-safe-contact.ts";

/** The console's own clock: caseworkers work in Jakarta time (WIB), as every time the console shows. */
export const CONSOLE_TIME_ZONE = "Asia/Jakarta";

/** One safe window, as the person meant it and as it falls on the caseworker's clock ("18:00–22:00"). */
export type SafeWindowView = { person: string; console: string };

/**
 * The person's time and the caseworker's, side by side: the zone each is in, the time now on each clock,
 * and each safe window on both. `personZone` is the person's (from where they are); null when unknown.
 */
export type SafeTimesView = {
  personZone: string;
  consoleZone: string;
  /** "Riyadh, UTC+3" */
  personPlace: string;
  /** "Jakarta, UTC+7" */
  consolePlace: string;
  personNow: string;
  consoleNow: string;
  sameZone: boolean;
  windows: SafeWindowView[];
};

export function describeSafeTimes(
  times: SafeTimes,
  personZone: string | undefined,
  now: Date,
  consoleZone = CONSOLE_TIME_ZONE,
): SafeTimesView | null {
  const zone = times?.timeZone ?? personZone;
  if (!zone || !isZone(zone)) return null;
  const shift = offsetMinutes(consoleZone, now) - offsetMinutes(zone, now);
  return {
    personZone: zone,
    consoleZone,
    personPlace: `${zoneCity(zone)}, ${utcOffset(zone, now)}`,
    consolePlace: `${zoneCity(consoleZone)}, ${utcOffset(consoleZone, now)}`,
    personNow: clock(minutesOfDay(now, zone)),
    consoleNow: clock(minutesOfDay(now, consoleZone)),
    sameZone: shift === 0,
    windows: (times?.windows ?? []).map(({ fromMinutes, toMinutes }) => ({
      person: `${clock(fromMinutes)}–${clock(toMinutes)}`,
      console: `${clock(fromMinutes + shift)}–${clock(toMinutes + shift)}`,
    })),
  };
}

/** The person's time zone: the one stored with their safe times, else their country's; undefined if neither. */
export function personZoneOf(safeContact: unknown, country: string | null | undefined): string | undefined {
  const stored = (safeContact as { timeZone?: unknown } | null)?.timeZone;
  return typeof stored === "string" && stored ? stored : timeZoneOf(country ?? undefined);
}

/** "Asia/Kuala_Lumpur" → "Kuala Lumpur", for people to read. */
export function zoneCity(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).replace(/_/g, " ");
}

/** "UTC+3", "UTC+5:30": the zone's offset at that moment. */
export function utcOffset(zone: string, at: Date): string {
  const minutes = offsetMinutes(zone, at);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function clock(minutes: number): string {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, "0")}:${String(day % 60).padStart(2, "0")}`;
}

function wallClock(at: Date, zone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  return Object.fromEntries(parts.filter((p) => p.type !== "literal").map((p) => [p.type, Number(p.value)]));
}

function minutesOfDay(at: Date, zone: string): number {
  const wall = wallClock(at, zone);
  return (wall.hour ?? 0) * 60 + (wall.minute ?? 0);
}

/** How far the zone's clock is ahead of UTC at that moment, in minutes. */
function offsetMinutes(zone: string, at: Date): number {
  const w = wallClock(at, zone);
  const asUtc = Date.UTC(w.year ?? 1970, (w.month ?? 1) - 1, w.day ?? 1, w.hour ?? 0, w.minute ?? 0);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}
