/**
 * How much of a span lies within support hours: the sum of its overlaps with
 * each day's hours, where a day's hours begin and end at the zone's wall-clock
 * times of that day (so a daylight-saving change moves them with the clocks,
 * and that day's hours may be an hour shorter or longer in real time).
 */
import { instantOf, type Schedule, wallTime } from "../types/support_hours.ts";

const DAY_MS = 86_400_000;

/** Milliseconds of `[from, to)` within `schedule`'s hours (0 when `to` is not after `from`). */
export function timeInHours(schedule: Schedule, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const first = wallTime(from, schedule.timeZone);
  const last = wallTime(to, schedule.timeZone);
  const firstDay = Date.UTC(first.year, first.month - 1, first.day);
  const lastDay = Date.UTC(last.year, last.month - 1, last.day);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const date = new Date(day);
    if (!schedule.days.has(date.getUTCDay())) continue;
    const ymd = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    };
    const start = instantOf(ymd, schedule.startMinute, schedule.timeZone).getTime();
    const end = instantOf(ymd, schedule.endMinute, schedule.timeZone).getTime();
    const overlap = Math.min(end, to.getTime()) - Math.max(start, from.getTime());
    if (overlap > 0) total += overlap;
  }
  return total;
}
