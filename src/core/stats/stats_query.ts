/**
 * What the statistics read from the database: the period and filters asked
 * for, and one row per ticket opened or closed in it, or (for a period too
 * long to read row by row) each ticket's handler and times, measured by the
 * database. The figures are computed from either in `src/core/stats/`, by the
 * same code, so every database and both reads give the same answer.
 */
import type { GuildId, UserId } from "../ids.ts";
import type { TicketId, TicketPriority, TicketStatus, TicketTypeId } from "../model.ts";

/** A guild's tickets in `[from, to)`, of `typeIds` (null: every type), handled by `staffId`. */
export interface StatsQuery {
  guildId: GuildId;
  from: Date;
  to: Date;
  typeIds: readonly TicketTypeId[] | null;
  /** Only tickets this member claimed or is credited with (null: everyone's). */
  staffId: UserId | null;
}

/** One ticket as the statistics see it. */
export interface StatsTicket {
  id: TicketId;
  number: number;
  typeId: TicketTypeId;
  openerId: UserId;
  claimedBy: UserId | null;
  /** Who its rating is attributed to (claimer, else the staff who wrote most), once asked. */
  creditedStaffId: UserId | null;
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Date;
  firstStaffResponseAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  rating: number | null;
}

/** The open tickets now, and the one that has waited longest for staff. */
export interface OpenNow {
  count: number;
  oldestWaiting: { number: number; since: Date } | null;
}

/** Messages one member wrote in the period's tickets that are not theirs. */
export interface AuthorCount {
  authorId: UserId;
  count: number;
}

/** One ticket's part in the figures: who handled it, and its times in the period. */
export interface TicketTimes {
  /** Its claimer, else the staff member its rating is credited to (null: neither). */
  handler: UserId | null;
  /** Opened in the period. */
  opened: boolean;
  /** Opened in the period and answered: time to the first staff response, in ms. */
  firstResponseMs: number | null;
  /** Closed in the period: time from opening to the close, in ms. */
  resolutionMs: number | null;
  rating: number | null;
  /** True when its times count support hours only. */
  inSupportHours: boolean;
}
