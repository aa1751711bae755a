/**
 * The figures as series for charts: opened and closed per UTC day of the
 * period, and the median first response and resolution per week (weeks of
 * seven days counted back from the period's end, so the last one is whole).
 */
import { nearestRank } from "./percentile.ts";
import type { StatsFigures } from "./stats_figures.ts";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** One day: its date (`YYYY-MM-DD`, UTC) and the tickets opened and closed on it. */
export interface DayCounts {
  day: string;
  opened: number;
  closed: number;
}

/** One week: when it starts, and the medians of the tickets opened (response) and closed in it. */
export interface WeekMedians {
  start: Date;
  medianResponseMs: number | null;
  medianResolutionMs: number | null;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Opened and closed per UTC day, from the period's first day to its last. */
export function perDay(figures: StatsFigures): DayCounts[] {
  const days: DayCounts[] = [];
  const index = new Map<string, DayCounts>();
  const first = Math.floor(figures.from.getTime() / DAY_MS) * DAY_MS;
  for (let at = first; at < figures.to.getTime(); at += DAY_MS) {
    const entry = { day: dayOf(new Date(at)), opened: 0, closed: 0 };
    days.push(entry);
    index.set(entry.day, entry);
  }
  for (const ticket of figures.tickets) {
    if (ticket.createdAt.getTime() >= figures.from.getTime()) {
      const entry = index.get(dayOf(ticket.createdAt));
      if (entry) entry.opened += 1;
    }
    if (ticket.resolutionMs !== null && ticket.closedAt !== null) {
      const entry = index.get(dayOf(ticket.closedAt));
      if (entry) entry.closed += 1;
    }
  }
  return days;
}

/** The median first response and resolution of each week of the period, oldest first. */
export function perWeek(figures: StatsFigures): WeekMedians[] {
  const end = figures.to.getTime();
  const weeks = Math.max(1, Math.ceil((end - figures.from.getTime()) / WEEK_MS));
  const responses: number[][] = Array.from({ length: weeks }, () => []);
  const resolutions: number[][] = Array.from({ length: weeks }, () => []);
  const weekOf = (at: Date) => weeks - 1 - Math.floor((end - 1 - at.getTime()) / WEEK_MS);
  for (const ticket of figures.tickets) {
    if (ticket.firstResponseMs !== null) {
      responses[weekOf(ticket.createdAt)]?.push(ticket.firstResponseMs);
    }
    if (ticket.resolutionMs !== null && ticket.closedAt !== null) {
      resolutions[weekOf(ticket.closedAt)]?.push(ticket.resolutionMs);
    }
  }
  return responses.map((values, i) => ({
    start: new Date(end - (weeks - i) * WEEK_MS),
    medianResponseMs: nearestRank(values, 50),
    medianResolutionMs: nearestRank(resolutions[i] ?? [], 50),
  }));
}
