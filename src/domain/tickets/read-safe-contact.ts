import { z } from "zod";

/**
 * Safe-contact preferences as the screening flow stores them on a ticket (`Ticket.safeContactEnc`). The
 * reader is tolerant: it keeps what it understands — named day parts, explicit windows, a time zone — and
 * shows everything else to the caseworker as written.
 */
const Window = z.object({ from: z.string().regex(/^\d{1,2}(:\d{2})?$/), to: z.string().regex(/^\d{1,2}(:\d{2})?$/) });
export const SafeContact = z
  .object({
    times: z.union([z.array(z.string()), z.string()]).optional(),
    time: z.string().optional(),
    when: z.union([z.array(z.string()), z.string()]).optional(),
    windows: z.array(Window).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    timeZone: z.string().optional(),
    method: z.string().optional(),
  })
  .passthrough();
export type SafeContact = z.infer<typeof SafeContact>;

/** Day parts a person can pick, in local hours [from, to). */
const DAY_PARTS: Record<string, [number, number]> = {
  morning: [6, 12],
  pagi: [6, 12],
  afternoon: [12, 18],
  siang: [12, 15],
  sore: [15, 18],
  evening: [18, 22],
  malam: [18, 22],
  night: [22, 24],
};
const ANY_TIME = new Set(["any", "anytime", "any_time", "kapan_saja", "kapan saja", "bebas"]);

export type SafeTimes = { windows: { fromMinutes: number; toMinutes: number }[]; timeZone: string } | null;

/**
 * The windows in which writing is safe, or null when the person gave none (or any time is fine). They are
 * in the zone stored with them, else `zone` (where the person is), else Jakarta time.
 */
export function readSafeTimes(value: unknown, zone = "Asia/Jakarta"): SafeTimes {
  const parsed = SafeContact.safeParse(value);
  if (!parsed.success) return null;
  const contact = parsed.data;
  const windows: { fromMinutes: number; toMinutes: number }[] = [];
  const named = [contact.times, contact.time, contact.when]
    .flat()
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.trim().toLowerCase());
  if (named.some((name) => ANY_TIME.has(name))) return null;
  for (const name of named) {
    const part = DAY_PARTS[name];
    if (part) windows.push({ fromMinutes: part[0] * 60, toMinutes: part[1] * 60 });
  }
  const explicit = [
    ...(contact.windows ?? []),
    ...(contact.from && contact.to ? [{ from: contact.from, to: contact.to }] : []),
  ];
  for (const window of explicit) {
    const from = toMinutes(window.from);
    const to = toMinutes(window.to);
    if (from !== null && to !== null) windows.push({ fromMinutes: from, toMinutes: to });
  }
  return windows.length ? { windows, timeZone: contact.timeZone ?? zone } : null;
}

/** Whether `at` falls inside one of the windows, in the person's time zone (windows may cross midnight). */
export function isWithinSafeTimes(times: SafeTimes, at: Date): boolean {
  if (!times) return true;
  const minutes = minutesOfDay(at, times.timeZone);
  return times.windows.some(({ fromMinutes, toMinutes }) =>
    fromMinutes <= toMinutes
      ? minutes >= fromMinutes && minutes < toMinutes
      : minutes >= fromMinutes || minutes < toMinutes,
  );
}

/** After the person wrote, a caseworker may answer for this long even when they asked to be written to only after they write. */
export const REPLY_WINDOW_MS = 30 * 60_000;

/**
 * Whether writing to the person now respects what they asked: inside their safe times, and — when they
 * asked us to wait for them ("wait_for_me") — only shortly after they wrote. `zone`: where the person is,
 * for times stored without one.
 */
export function isSafeToWrite(safeContact: unknown, lastInboundAt: Date | null, at: Date, zone?: string): boolean {
  if (!isWithinSafeTimes(readSafeTimes(safeContact, zone), at)) return false;
  const waitForThem = SafeContact.safeParse(safeContact).data?.method === "wait_for_me";
  return !waitForThem || (lastInboundAt !== null && at.getTime() - lastInboundAt.getTime() <= REPLY_WINDOW_MS);
}

function toMinutes(value: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  return hours <= 24 && minutes < 60 ? hours * 60 + minutes : null;
}

function minutesOfDay(at: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
  } catch {
    parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Jakarta",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}
