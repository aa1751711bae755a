/**
 * What the statistics read from the database: the period and filters asked
 * for, and one row per ticket opened or closed in it. The figures are computed
 * from these rows in `src/core/stats/`, so every database gives the same answer.
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
