/** The stores of working a ticket: staff notes, saved answers, timers, feedback and statistics. */
import type { ChannelId, GuildId, MessageId, UserId } from "../ids.ts";
import type { StaffNote, Tag, Ticket, TicketFeedback, TicketId, TicketTypeId } from "../model.ts";
import type { CloseRequest, DueTimer, TicketTimings } from "../tickets/timings.ts";
import type {
  AuthorCount,
  OpenNow,
  StatsQuery,
  StatsTicket,
  TicketTimes,
} from "../stats/stats_query.ts";

/** Staff notes of a ticket and its private staff thread, kept apart from the transcript. */
export interface NoteStore {
  /** Keeps a note; a note seen twice (the same id) is kept once. */
  add(note: StaffNote): Promise<void>;
  /** A ticket's notes, oldest first. */
  list(ticketId: TicketId): Promise<StaffNote[]>;
  /** Records the staff thread of a ticket; false when it already has one. */
  setThread(ticketId: TicketId, threadId: ChannelId): Promise<boolean>;
  /** The ticket whose staff thread `threadId` is, or null. */
  ticketOfThread(threadId: ChannelId): Promise<Ticket | null>;
}

/** Outcome of saving a tag: names are unique per guild (any case). */
export type SaveTagResult = { kind: "saved"; tag: Tag } | { kind: "name_taken" } | {
  kind: "missing";
};

/** Saved answers, by guild and name (names compared without case). */
export interface TagStore {
  /** The guild's tags by name. */
  list(guildId: GuildId): Promise<Tag[]>;
  get(guildId: GuildId, name: string): Promise<Tag | null>;
  /** Adds a tag; `name_taken` when the guild has one of that name. */
  create(tag: Pick<Tag, "guildId" | "name" | "content" | "createdBy">): Promise<SaveTagResult>;
  /** Changes a tag's content (and its name's case); `missing` when there is none. */
  update(guildId: GuildId, name: string, content: string): Promise<SaveTagResult>;
  /** False when there was none. */
  remove(guildId: GuildId, name: string): Promise<boolean>;
}

/**
 * A ticket's timings and timers, kept on its row: who wrote when, the auto
 * close's next step, the pending close request, the opener's last lookup. Every
 * step a pass takes is a compare-and-set, so two processes never both take it.
 */
export interface TicketTimerStore {
  /** The ticket's timings, or null when there is no such ticket. */
  timings(id: TicketId): Promise<TicketTimings | null>;
  /**
   * Staff wrote at `at`: the first response (once), the last staff message, waiting
   * for the member, and the auto close armed to warn at `warnAt` (null: none runs).
   * Writes nothing when the last staff message is less than a minute older and the
   * rest is as it would become (the times are kept to the minute).
   */
  staffWrote(id: TicketId, at: Date, warnAt: Date | null): Promise<void>;
  /**
   * The opener wrote at `at`: the last opener message, waiting for staff, no auto
   * close; nothing is written when that is so already, to the minute.
   */
  openerWrote(id: TicketId, at: Date): Promise<void>;
  /** Timers of open tickets due at `now`, soonest first, at most `limit`. */
  due(now: Date, limit: number): Promise<DueTimer[]>;
  /**
   * Moves the auto close from `step` due at `dueAt` to `next` (null: ends it);
   * false when another process took it or a message changed it meanwhile.
   */
  advanceAutoClose(
    id: TicketId,
    from: { step: "warn" | "close"; dueAt: Date },
    next: { step: "warn" | "close"; dueAt: Date } | null,
  ): Promise<boolean>;
  /** Starts a close request, replacing any pending one; gives it with its number. */
  requestClose(
    id: TicketId,
    request: Omit<CloseRequest, "seq">,
  ): Promise<CloseRequest>;
  /** Ends close request `seq` (answered or timed out); null when it is not the pending one. */
  endCloseRequest(id: TicketId, seq: number): Promise<CloseRequest | null>;
  /** Stops the ticket's auto close and close request (it closed); its timings stay. */
  stop(id: TicketId): Promise<void>;
  /**
   * Open tickets (with a channel) whose opener was last looked up at or before
   * `before`, or never and opened at or before it.
   */
  openerChecksDue(
    before: Date,
    limit: number,
  ): Promise<Array<{ ticket: Ticket; checkedAt: Date | null }>>;
  /** Takes the opener lookup of a ticket last checked at `previous`; false when taken already. */
  takeOpenerCheck(id: TicketId, previous: Date | null, at: Date): Promise<boolean>;
}

/** How giving a rating went: stored, given before (one per ticket), or never asked. */
export type RateResult = "rated" | "already_rated" | "not_asked";

/** Feedback after close, one row per ticket. */
export interface FeedbackStore {
  get(ticketId: TicketId): Promise<TicketFeedback | null>;
  /** Keeps where the close summary of `ticketId` was posted. */
  recordSummary(
    ticketId: TicketId,
    guildId: GuildId,
    summary: { channelId: ChannelId; messageId: MessageId },
  ): Promise<void>;
  /** Marks the opener as asked, crediting `staffId`; false when asked before. */
  ask(ticketId: TicketId, guildId: GuildId, staffId: UserId | null, at: Date): Promise<boolean>;
  /** Stores the rating once (compare-and-set on an empty rating). */
  rate(ticketId: TicketId, rating: number, at: Date): Promise<RateResult>;
  /** Stores the comment of a rated ticket once; false when there is none to add to. */
  comment(ticketId: TicketId, comment: string): Promise<boolean>;
  /** The rated feedback of a guild's tickets rated in `[from, to)`. */
  rated(guildId: GuildId, from: Date, to: Date): Promise<TicketFeedback[]>;
}

/** The reads behind the statistics: from the database only, never from Discord. */
export interface StatsStore {
  /** The query's tickets opened in `[from, to)`, and those closed in it that opened before; by number. */
  tickets(query: StatsQuery): Promise<StatsTicket[]>;
  /** How many tickets `tickets(query)` would read (counted, not read). */
  count(query: StatsQuery): Promise<number>;
  /**
   * The handler and times of the tickets `tickets(query)` would read, but those
   * of the types in `except`, measured by the database (every minute counts)
   * and read without a row per ticket, in no particular order.
   */
  times(query: StatsQuery, except: readonly TicketTypeId[]): Promise<TicketTimes[]>;
  /** The query's open (and closing) tickets now, and the oldest of them waiting for staff. */
  openNow(query: Pick<StatsQuery, "guildId" | "typeIds" | "staffId">): Promise<OpenNow>;
  /** How many times the query's tickets were reopened in `[from, to)` (audit rows). */
  reopens(query: StatsQuery): Promise<number>;
  /**
   * Messages written in `[from, to)` in the guild's tickets of `typeIds` by members
   * who are neither the ticket's opener nor added to it, per author, most first.
   */
  staffMessages(query: StatsQuery): Promise<AuthorCount[]>;
}
