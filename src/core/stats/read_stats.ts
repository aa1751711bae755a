/**
 * Reads and computes a guild's statistics for a period: the one entry point
 * `/stats`, the statistics page and `ticketeer stats` share. Database only.
 */
import type { GuildId, UserId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import type { StatsStore } from "../ports.ts";
import { type StatsFigures, statsFigures } from "./stats_figures.ts";

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

/** The figures of the request's period. */
export async function readStats(
  stats: StatsStore,
  request: StatsRequest,
): Promise<StatsFigures> {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_STATS_DAYS) {
    throw new RangeError(
      `Cannot read statistics over ${request.days} days: use 1-${MAX_STATS_DAYS}`,
    );
  }
  const to = request.now;
  const from = new Date(to.getTime() - request.days * DAY_MS);
  const query = {
    guildId: request.guildId,
    from,
    to,
    typeIds: request.allTypes ? null : request.types.map((t) => t.id),
    staffId: request.staffId,
  };
  const [tickets, openNow, reopens, messages] = await Promise.all([
    stats.tickets(query),
    stats.openNow(query),
    stats.reopens(query),
    stats.staffMessages(query),
  ]);
  return statsFigures({
    from,
    to,
    tickets,
    types: request.types,
    openNow,
    reopens,
    messages,
    ...(request.notStaff ? { notStaff: request.notStaff } : {}),
  });
}
