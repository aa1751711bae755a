/**
 * Support hours such as `Mon-Fri 09:00-17:00 Europe/Berlin`: the days (a range
 * or a comma list of days and ranges), one daily span of wall-clock time, and
 * an IANA time zone. Whether staff are in, and when they are back, is computed
 * with `Intl` in that zone, so daylight-saving changes move the hours with the
 * clocks.
 */

/** A parsed schedule: weekdays (0 = Sunday), minutes after midnight, and the zone. */
export interface Schedule {
  days: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** Whether staff are in at a moment: in, or out until `backAt`. */
export type SupportStatus = { open: true } | { open: false; backAt: Date };

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const TIME = /^([01][0-9]|2[0-4]):([0-5][0-9])$/;

function dayIndex(name: string): number {
  return DAY_NAMES.indexOf(name.toLowerCase());
}

function parseDays(text: string): Set<number> | null {
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to, ...rest] = part.split("-");
    if (from === undefined || rest.length > 0) return null;
    const first = dayIndex(from);
    const last = to === undefined ? first : dayIndex(to);
    if (first < 0 || last < 0) return null;
    for (let day = first;; day = (day + 1) % 7) {
      days.add(day);
      if (day === last) break;
    }
  }
  return days;
}

function parseTime(text: string): number | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? null : minutes;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Parses a schedule, or says what is wrong with it. */
export function parseSupportHours(text: string): Schedule | { problem: string } {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 3) {
    return { problem: "write days, hours and a time zone, e.g. Mon-Fri 09:00-17:00 Europe/Berlin" };
  }
  const [dayText, spanText, timeZone] = parts as [string, string, string];
  const days = parseDays(dayText);
  if (days === null) return { problem: `unknown days "${dayText}" (use Mon, Tue \u2026 Sun)` };
  const [startText, endText, ...extra] = spanText.split("-");
  const startMinute = parseTime(startText ?? "");
  const endMinute = parseTime(endText ?? "");
  if (startMinute === null || endMinute === null || extra.length > 0) {
    return { problem: `unknown hours "${spanText}" (use HH:MM-HH:MM)` };
  }
  if (endMinute <= startMinute) return { problem: "the hours must end after they start" };
  if (!validZone(timeZone)) return { problem: `unknown time zone "${timeZone}"` };
  return { days, startMinute, endMinute, timeZone };
}

/** A moment as the clocks of a zone show it (weekday 0 = Sunday, minutes after midnight). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minute: number;
}

/** `at` as the clocks of `timeZone` show it. */
export function wallTime(at: Date, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    weekday: DAY_NAMES.indexOf(part("weekday").toLowerCase()),
    minute: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

/** The zone's offset from UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const wall = wallTime(new Date(at), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minute);
  return asUtc - Math.floor(at / 60_000) * 60_000;
}

/** The instant the zone's clocks show `minute` on the given date. */
export function instantOf(
  date: { year: number; month: number; day: number },
  minute: number,
  zone: string,
) {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  const first = naive - offsetAt(naive, zone);
  return new Date(naive - offsetAt(first, zone));
}

/** Whether staff are in at `at`, and if not, when they are back. */
export function supportStatus(schedule: Schedule, at: Date): SupportStatus {
  const now = wallTime(at, schedule.timeZone);
  const today = schedule.days.has(now.weekday);
  if (today && now.minute >= schedule.startMinute && now.minute < schedule.endMinute) {
    return { open: true };
  }
  for (let ahead = 0; ahead <= 7; ahead++) {
    if (!schedule.days.has((now.weekday + ahead) % 7)) continue;
    if (ahead === 0 && now.minute >= schedule.startMinute) continue;
    const date = new Date(Date.UTC(now.year, now.month - 1, now.day + ahead));
    const backAt = instantOf(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
      schedule.startMinute,
      schedule.timeZone,
    );
    return { open: false, backAt };
  }
  throw new RangeError("Cannot compute support hours: the schedule has no days");
}
