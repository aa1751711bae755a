/**
 * The statistics of a period, computed from its tickets' measured times (from
 * the rows the store read, or as the database measured them): counts, the
 * median and 90th percentile (nearest rank) of first staff response and of
 * resolution, ratings, and the load per staff member. A ticket of a type with
 * support hours has its times counted within those hours only.
 */
import type { UserId } from "../ids.ts";
import type { TicketType, TicketTypeId } from "../model.ts";
import { parseSupportHours, type Schedule } from "../types/support_hours.ts";
import { type DurationSummary, nearestRank, summarize } from "./percentile.ts";
import type { AuthorCount, OpenNow, StatsTicket, TicketTimes } from "./stats_query.ts";
import { timeInHours } from "./time_in_hours.ts";

/** One ticket with its measured times (null where it has none in the period). */
export interface MeasuredTicket extends StatsTicket, TicketTimes {}

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

/** The figures `/stats` shows: everything but the tickets themselves. */
export interface StatsHeadline {
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
}

/** Everything the statistics page and `ticketeer stats` show: the figures and their tickets. */
export interface StatsFigures extends StatsHeadline {
  tickets: MeasuredTicket[];
}

/** What the figures are computed from when the tickets' times are measured already. */
export interface HeadlineInput {
  from: Date;
  to: Date;
  times: readonly TicketTimes[];
  openNow: OpenNow;
  reopens: number;
  messages: readonly AuthorCount[];
  /** Authors that are not staff (the bot itself). */
  notStaff?: readonly string[];
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

/** The types whose times count support hours only (those with a schedule that reads). */
export function scheduledTypeIds(types: readonly TicketType[]): TicketTypeId[] {
  return [...schedules(types).keys()];
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
    handler: handlerOf(ticket),
    opened,
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

function ratingsOf(tickets: readonly TicketTimes[]): RatingFigures {
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
  tickets: readonly TicketTimes[],
  messages: readonly AuthorCount[],
  notStaff: ReadonlySet<string>,
): StaffLoad[] {
  const handled = new Map<UserId, { count: number; responses: number[] }>();
  for (const ticket of tickets) {
    const handler = ticket.handler;
    if (handler === null) continue;
    let mine = handled.get(handler);
    if (mine === undefined) handled.set(handler, mine = { count: 0, responses: [] });
    mine.count += 1;
    if (ticket.firstResponseMs !== null) mine.responses.push(ticket.firstResponseMs);
  }
  const written = new Map(messages.map((m) => [m.authorId, m.count]));
  const ids = new Set([...handled.keys(), ...written.keys()]);
  return [...ids].filter((id) => !notStaff.has(id)).map((staffId) => {
    const mine = handled.get(staffId);
    return {
      staffId,
      handled: mine?.count ?? 0,
      messages: written.get(staffId) ?? 0,
      medianFirstResponseMs: nearestRank(mine?.responses ?? [], 50),
    };
  }).sort((a, b) =>
    b.handled - a.handled || b.messages - a.messages || a.staffId.localeCompare(b.staffId)
  );
}

/** Measures each ticket's times, within its type's support hours when it has them. */
export function measureTickets(
  tickets: readonly StatsTicket[],
  period: { from: Date; to: Date; types: readonly TicketType[] },
): MeasuredTicket[] {
  const hours = schedules(period.types);
  return tickets.map((t) => measure(t, period, hours));
}

/** Computes the figures of a period from its tickets' measured times. */
export function headlineFigures(input: HeadlineInput): StatsHeadline {
  const responses: number[] = [];
  const resolutions: number[] = [];
  let opened = 0;
  let supportHours = false;
  for (const t of input.times) {
    if (t.opened) opened += 1;
    if (t.firstResponseMs !== null) responses.push(t.firstResponseMs);
    if (t.resolutionMs !== null) resolutions.push(t.resolutionMs);
    if (t.inSupportHours) supportHours = true;
  }
  return {
    from: input.from,
    to: input.to,
    opened,
    closed: resolutions.length,
    reopened: input.reopens,
    firstResponse: summarize(responses),
    resolution: summarize(resolutions),
    supportHours,
    openNow: input.openNow,
    ratings: ratingsOf(input.times),
    staff: staffOf(input.times, input.messages, new Set(input.notStaff ?? [])),
  };
}

/** Computes the figures of a period from the rows read for it. */
export function statsFigures(input: StatsInput): StatsFigures {
  const tickets = measureTickets(input.tickets, input);
  return { ...headlineFigures({ ...input, times: tickets }), tickets };
}
