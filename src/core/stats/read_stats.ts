/**
 * Reads and computes a guild's statistics for a period: the entry points
 * `/stats`, the statistics page and `ticketeer stats` share. Database only.
 * `readStats` reads every ticket of the period as a row (the CSV and the charts
 * need them); `readStatsWithin` does so only up to a number of tickets, and
 * beyond it has the database measure the times of the types without support
 * hours (reading a row per ticket costs more than all the figures), reading
 * rows only for the types with support hours. Both give the same figures.
 */
import type { GuildId, UserId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import type { StatsStore } from "../ports.ts";
import {
  headlineFigures,
  measureTickets,
  scheduledTypeIds,
  type StatsFigures,
  statsFigures,
  type StatsHeadline,
} from "./stats_figures.ts";
import type { StatsQuery } from "./stats_query.ts";

/** The longest period asked for, in days. */
export const MAX_STATS_DAYS = 365;
/** The period when none is given, in days. */
export const DEFAULT_STATS_DAYS = 30;

const DAY_MS = 86_400_000;

/** Which statistics: the period ending `now`, the types (all of the guild's given), one staff member. */
export interface StatsRequest {
  guildId: GuildId;
  now: Date;
  days: number;
  /** The types to count; their support hours decide how times are counted. */
  types: readonly TicketType[];
  /** True when `types` are all of the guild's (tickets of deleted types count too). */
  allTypes: boolean;
  staffId: UserId | null;
  /** Authors that are not staff (the bot itself). */
  notStaff?: readonly string[];
}

/** The request's period and filters as a store query (the period checked). */
function queryOf(request: StatsRequest): StatsQuery {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_STATS_DAYS) {
    throw new RangeError(
      `Cannot read statistics over ${request.days} days: use 1-${MAX_STATS_DAYS}`,
    );
  }
  const to = request.now;
  return {
    guildId: request.guildId,
    from: new Date(to.getTime() - request.days * DAY_MS),
    to,
    typeIds: request.allTypes ? null : request.types.map((t) => t.id),
    staffId: request.staffId,
  };
}

/** The figures of the request's period, with its tickets. */
export async function readStats(
  stats: StatsStore,
  request: StatsRequest,
): Promise<StatsFigures> {
  const query = queryOf(request);
  const [tickets, openNow, reopens, messages] = await Promise.all([
    stats.tickets(query),
    stats.openNow(query),
    stats.reopens(query),
    stats.staffMessages(query),
  ]);
  return statsFigures({
    from: query.from,
    to: query.to,
    tickets,
    types: request.types,
    openNow,
    reopens,
    messages,
    ...(request.notStaff ? { notStaff: request.notStaff } : {}),
  });
}

/**
 * The figures of the request's period, with its tickets when it holds at most
 * `maxTickets`; beyond that the same figures without them, the times of types
 * without support hours measured by the database.
 */
export async function readStatsWithin(
  stats: StatsStore,
  request: StatsRequest,
  maxTickets: number,
): Promise<StatsFigures | StatsHeadline> {
  const query = queryOf(request);
  const scheduled = scheduledTypeIds(request.types);
  const scheduledInScope = query.typeIds === null
    ? scheduled
    : scheduled.filter((id) => query.typeIds?.includes(id));
  // The times first: they cost little next to the rows, and their count decides.
  const [times, scheduledRows] = await Promise.all([
    stats.times(query, scheduled),
    scheduledInScope.length === 0
      ? Promise.resolve([])
      : stats.tickets({ ...query, typeIds: scheduledInScope }),
  ]);
  if (times.length + scheduledRows.length <= maxTickets) return readStats(stats, request);
  const [openNow, reopens, messages] = await Promise.all([
    stats.openNow(query),
    stats.reopens(query),
    stats.staffMessages(query),
  ]);
  const measured = measureTickets(scheduledRows, {
    from: query.from,
    to: query.to,
    types: request.types,
  });
  return headlineFigures({
    from: query.from,
    to: query.to,
    times: measured.length === 0 ? times : [...times, ...measured],
    openNow,
    reopens,
    messages,
    ...(request.notStaff ? { notStaff: request.notStaff } : {}),
  });
}
