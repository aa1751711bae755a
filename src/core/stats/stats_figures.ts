/**
 * The statistics of a period, computed from the rows the store read: counts,
 * the median and 90th percentile (nearest rank) of first staff response and of
 * resolution, ratings, and the load per staff member. A ticket of a type with
 * support hours has its times counted within those hours only.
 */
import type { UserId } from "../ids.ts";
import type { TicketType, TicketTypeId } from "../model.ts";
import { parseSupportHours, type Schedule } from "../types/support_hours.ts";
import { type DurationSummary, nearestRank, summarize } from "./percentile.ts";
import type { AuthorCount, OpenNow, StatsTicket } from "./stats_query.ts";
import { timeInHours } from "./time_in_hours.ts";

/** One ticket with its measured times (null where it has none in the period). */
export interface MeasuredTicket extends StatsTicket {
  /** Opened in the period and answered: time to the first staff response. */
  firstResponseMs: number | null;
  /** Closed in the period: time from opening to the close. */
  resolutionMs: number | null;
  /** True when its times count support hours only. */
  inSupportHours: boolean;
}

/** One staff member's load in the period. */
export interface StaffLoad {
  staffId: UserId;
  /** Tickets they claimed, or (unclaimed) are credited with. */
  handled: number;
  messages: number;
  medianFirstResponseMs: number | null;
}

/** Ratings: how many, their mean, and how many of each 1-5. */
export interface RatingFigures {
  count: number;
  mean: number | null;
  /** Counts of ratings 1, 2, 3, 4, 5. */
  distribution: [number, number, number, number, number];
}

/** Everything `/stats`, the statistics page and `ticketeer stats` show. */
export interface StatsFigures {
  from: Date;
  to: Date;
  opened: number;
  closed: number;
  reopened: number;
  firstResponse: DurationSummary;
  resolution: DurationSummary;
  /** True when some measured ticket's type has support hours (its times count them only). */
  supportHours: boolean;
  openNow: OpenNow;
  ratings: RatingFigures;
  staff: StaffLoad[];
  tickets: MeasuredTicket[];
}

/** What the figures are computed from. */
export interface StatsInput {
  from: Date;
  to: Date;
  tickets: readonly StatsTicket[];
  types: readonly TicketType[];
  openNow: OpenNow;
  reopens: number;
  messages: readonly AuthorCount[];
  /** Authors that are not staff (the bot itself). */
  notStaff?: readonly string[];
}

function schedules(types: readonly TicketType[]): Map<TicketTypeId, Schedule> {
  const map = new Map<TicketTypeId, Schedule>();
  for (const type of types) {
    if (type.supportHours === null) continue;
    const schedule = parseSupportHours(type.supportHours.schedule);
    if (!("problem" in schedule)) map.set(type.id, schedule);
  }
  return map;
}

function within(from: Date, to: Date, at: Date | null): boolean {
  return at !== null && at.getTime() >= from.getTime() && at.getTime() < to.getTime();
}

/** The ticket's times, counted within its type's support hours when it has them. */
function measure(
  ticket: StatsTicket,
  period: { from: Date; to: Date },
  hours: ReadonlyMap<TicketTypeId, Schedule>,
): MeasuredTicket {
  const schedule = hours.get(ticket.typeId);
  const span = (end: Date) =>
    schedule === undefined
      ? Math.max(0, end.getTime() - ticket.createdAt.getTime())
      : timeInHours(schedule, ticket.createdAt, end);
  const opened = within(period.from, period.to, ticket.createdAt);
  const closed = ticket.status === "closed" && within(period.from, period.to, ticket.closedAt);
  return {
    ...ticket,
    firstResponseMs: opened && ticket.firstStaffResponseAt !== null
      ? span(ticket.firstStaffResponseAt)
      : null,
    resolutionMs: closed && ticket.closedAt !== null ? span(ticket.closedAt) : null,
    inSupportHours: schedule !== undefined,
  };
}

/** Who handled a ticket: its claimer, else the staff member its rating is credited to. */
export function handlerOf(ticket: StatsTicket): UserId | null {
  return ticket.claimedBy ?? ticket.creditedStaffId;
}

function ratingsOf(tickets: readonly MeasuredTicket[]): RatingFigures {
  const distribution: RatingFigures["distribution"] = [0, 0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const ticket of tickets) {
    if (ticket.resolutionMs === null || ticket.rating === null) continue;
    const index = ticket.rating - 1;
    if (index < 0 || index > 4) continue;
    distribution[index as 0 | 1 | 2 | 3 | 4] += 1;
    sum += ticket.rating;
    count += 1;
  }
  return { count, mean: count === 0 ? null : sum / count, distribution };
}

function staffOf(
  tickets: readonly MeasuredTicket[],
  messages: readonly AuthorCount[],
  notStaff: ReadonlySet<string>,
): StaffLoad[] {
  const handled = new Map<UserId, MeasuredTicket[]>();
  for (const ticket of tickets) {
    const handler = handlerOf(ticket);
    if (handler === null) continue;
    const list = handled.get(handler);
    if (list === undefined) handled.set(handler, [ticket]);
    else list.push(ticket);
  }
  const written = new Map(messages.map((m) => [m.authorId, m.count]));
  const ids = new Set([...handled.keys(), ...written.keys()]);
  return [...ids].filter((id) => !notStaff.has(id)).map((staffId) => {
    const mine = handled.get(staffId) ?? [];
    const responses = mine.flatMap((t) => t.firstResponseMs === null ? [] : [t.firstResponseMs]);
    return {
      staffId,
      handled: mine.length,
      messages: written.get(staffId) ?? 0,
      medianFirstResponseMs: nearestRank(responses, 50),
    };
  }).sort((a, b) =>
    b.handled - a.handled || b.messages - a.messages || a.staffId.localeCompare(b.staffId)
  );
}

/** Computes the figures of a period from the rows read for it. */
export function statsFigures(input: StatsInput): StatsFigures {
  const period = { from: input.from, to: input.to };
  const hours = schedules(input.types);
  const tickets = input.tickets.map((t) => measure(t, period, hours));
  const responses = tickets.flatMap((t) => t.firstResponseMs === null ? [] : [t.firstResponseMs]);
  const resolutions = tickets.flatMap((t) => t.resolutionMs === null ? [] : [t.resolutionMs]);
  return {
    ...period,
    opened: tickets.filter((t) => within(input.from, input.to, t.createdAt)).length,
    closed: resolutions.length,
    reopened: input.reopens,
    firstResponse: summarize(responses),
    resolution: summarize(resolutions),
    supportHours: tickets.some((t) => t.inSupportHours),
    openNow: input.openNow,
    ratings: ratingsOf(tickets),
    staff: staffOf(tickets, input.messages, new Set(input.notStaff ?? [])),
    tickets,
  };
}
