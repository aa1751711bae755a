/**
 * The ports handlers work through: narrow stores over the database, a clock and
 * ids (the Discord port is in `discord_port.ts`). Interfaces only; `src/db`
 * implements them, tests fake them. Kept in one file because it is the one page
 * that lists every store the core may reach; it holds no code.
 */
import type { ChannelId, GuildId, MessageId, UserId } from "./ids.ts";
import type {
  ArchivedMessage,
  AuditEvent,
  CloseStep,
  GuildSettings,
  GuildSettingsPatch,
  NewAuditEvent,
  NewPanel,
  OpenTicketRequest,
  OpenTicketResult,
  Panel,
  PanelPatch,
  StaffNote,
  StoredAttachment,
  Tag,
  Ticket,
  TicketFeedback,
  TicketId,
  TicketMember,
  TicketPriority,
  TicketStatus,
  TicketType,
  TicketTypeId,
  TicketTypePatch,
  TicketTypeSettings,
  Transcript,
  TranscriptInfo,
  WaitingFor,
} from "./model.ts";
import type { QueueFilter } from "./queue_filter.ts";
import type { CloseRequest, DueTimer, TicketTimings } from "./tickets/timings.ts";
import type { AuthorCount, OpenNow, StatsQuery, StatsTicket } from "./stats/stats_query.ts";

/** Tickets: the atomic open, lookups, claims, the close's steps and members. */
export interface TicketStore {
  /**
   * Atomically: refuse when the opener already holds `maxOpenPerMember` open or
   * closing tickets of this type, when the type holds `totalOpenCap`, or when
   * the opener's last ticket of it is younger than `cooldownSeconds`; otherwise
   * take the guild's next number and insert the ticket (status open, no channel yet).
   */
  open(request: OpenTicketRequest): Promise<OpenTicketResult>;
  /** Removes a reserved ticket whose channel could not be created (its number stays used). */
  discard(id: TicketId): Promise<void>;
  setChannel(id: TicketId, channelId: ChannelId): Promise<Ticket>;

  get(id: TicketId): Promise<Ticket | null>;
  byChannel(channelId: ChannelId): Promise<Ticket | null>;
  byNumber(guildId: GuildId, number: number): Promise<Ticket | null>;
  /** Open and closing tickets of a member in a guild. */
  heldBy(guildId: GuildId, openerId: UserId): Promise<Ticket[]>;
  /** Tickets in `statuses`, all guilds (for reconciliation). */
  withStatus(statuses: TicketStatus[]): Promise<Ticket[]>;
  /** Open and closing tickets across all guilds. */
  countOpen(): Promise<number>;
  /** One page of a guild's open tickets of `typeIds` that pass the filter, oldest first. */
  queue(guildId: GuildId, query: QueueQuery): Promise<QueuePage>;

  /** Sets `claimedBy` only if it is currently `expected` (compare-and-set). */
  claim(id: TicketId, claimer: UserId | null, expected: UserId | null): Promise<boolean>;
  /**
   * Atomically moves an open ticket of type `from` to the existing type `to`, with
   * its claim going from `claimedBy` to `claimTo`; false (nothing changed) when the
   * ticket, its claim or the type changed meanwhile.
   */
  changeType(id: TicketId, change: TypeChange): Promise<boolean>;
  setAssistantPaused(id: TicketId, paused: boolean): Promise<void>;
  setPriority(id: TicketId, priority: TicketPriority): Promise<void>;
  /** Records who the ticket waits for now; writes only when it changed. */
  setWaitingFor(id: TicketId, waitingFor: WaitingFor): Promise<void>;
  /** Sets `relayNoticeAt` to `at` only if the last notice is older than `notBefore`. */
  takeRelayNoticeSlot(id: TicketId, at: Date, notBefore: Date): Promise<boolean>;

  /** Moves an open ticket to `closing` (once); false when it was not open. */
  beginClose(id: TicketId, by: UserId, reason: string | null): Promise<boolean>;
  recordCloseStep(id: TicketId, step: CloseStep): Promise<void>;
  finishClose(id: TicketId, at: Date): Promise<void>;
  /**
   * Atomically brings a closed ticket whose data has not expired back: open, in
   * `channelId`, its close fields and claim cleared, `reopenCount` one higher.
   * Null (and nothing changed) when it was not closed, or is gone.
   */
  reopen(id: TicketId, channelId: ChannelId): Promise<Ticket | null>;

  addMember(member: TicketMember): Promise<boolean>;
  removeMember(ticketId: TicketId, userId: UserId): Promise<boolean>;
  members(ticketId: TicketId): Promise<TicketMember[]>;
}

/** A ticket's move to another type: the types and the claim, before and after. */
export interface TypeChange {
  from: TicketTypeId;
  to: TicketTypeId;
  claimedBy: UserId | null;
  claimTo: UserId | null;
}

/** What `/ticket list` asks for: whose types, which filter, and the page. */
export interface QueueQuery {
  typeIds: readonly TicketTypeId[];
  filter: QueueFilter;
  /** Who asks (`mine` is what they claimed). */
  viewerId: UserId;
  offset: number;
  limit: number;
}

/** One page of the queue and how many tickets pass the filter in all. */
export interface QueuePage {
  tickets: Ticket[];
  total: number;
}

/** Outcome of creating a ticket type: names are unique per guild, types at most 25. */
export type CreateTypeResult =
  | { kind: "created"; type: TicketType }
  | { kind: "name_taken" }
  | { kind: "too_many"; max: number };

/** Outcome of deleting a ticket type: the default and types with open tickets stay. */
export type RemoveTypeResult =
  | { kind: "deleted" }
  | { kind: "is_default" }
  | { kind: "has_open_tickets"; count: number }
  | { kind: "missing" };

/** Ticket types: the kinds of ticket a guild offers (deleted ones are never returned). */
export interface TypeStore {
  /** The guild's default ticket type, created with defaults on first use. */
  defaultFor(guildId: GuildId): Promise<TicketType>;
  get(id: TicketTypeId): Promise<TicketType | null>;
  /** The guild's types: the default first, then by creation. */
  list(guildId: GuildId): Promise<TicketType[]>;
  /** The guild's type of that name, ignoring case. */
  byName(guildId: GuildId, name: string): Promise<TicketType | null>;
  /** Every ticket type that has a Discord category, all guilds (guilds that ran `/setup`). */
  withCategory(): Promise<TicketType[]>;
  /**
   * Atomically (with the guild's opens): a new type with `settings`, unless the
   * name is taken or the guild has its maximum of types.
   */
  create(guildId: GuildId, settings: TicketTypeSettings): Promise<CreateTypeResult>;
  /** Throws a `RangeError` naming the rule when the patch breaks one. */
  update(id: TicketTypeId, patch: TicketTypePatch): Promise<TicketType>;
  /** Atomically (with the guild's opens): deletes a type that holds no open or closing ticket. */
  remove(id: TicketTypeId): Promise<RemoveTypeResult>;
}

/** Panels: the messages with open buttons or a select menu of types. */
export interface PanelStore {
  save(panel: NewPanel): Promise<Panel>;
  get(id: number): Promise<Panel | null>;
  byMessage(messageId: MessageId): Promise<Panel | null>;
  /** The guild's panels, oldest first. */
  list(guildId: GuildId): Promise<Panel[]>;
  update(id: number, patch: PanelPatch): Promise<Panel>;
  /** Forgets a panel; false when there was none. */
  remove(id: number): Promise<boolean>;
}

/** The live archive of a ticket's messages, kept as they arrive. */
export interface ArchiveStore {
  /** Keeps a message; a second delivery of the same message is ignored. */
  add(message: Omit<ArchivedMessage, "editedAt" | "deletedAt">): Promise<void>;
  markEdited(messageId: MessageId, payload: string, at: Date): Promise<void>;
  markDeleted(messageId: MessageId, at: Date): Promise<void>;
  /** Replaces a message's payload without marking it edited (an embed unfurled). */
  refresh(messageId: MessageId, payload: string): Promise<void>;
  messages(ticketId: TicketId): Promise<ArchivedMessage[]>;
  /** Up to `limit` messages of a ticket strictly after `after` (or from the first), by id. */
  page(ticketId: TicketId, after: MessageId | null, limit: number): Promise<ArchivedMessage[]>;
  /** How many messages of a ticket the archive holds (deleted ones too), sent until `until`. */
  count(ticketId: TicketId, until?: Date): Promise<number>;
  /** Messages per author in a ticket (deleted ones left out), most first. */
  authorCounts(ticketId: TicketId): Promise<Array<{ authorId: UserId; count: number }>>;
  /** Records a gateway session that began (READY after IDENTIFY). */
  sessionStarted(session: Omit<GatewaySession, "live" | "seenAt">): Promise<void>;
  /** The session was connected at `at`; `live` false once it is disconnected or stopped. */
  sessionSeen(id: string, at: Date, live: boolean): Promise<void>;
  /** Sessions seen at or after `since`, and every live one. */
  sessions(since: Date): Promise<GatewaySession[]>;
}

/** A gateway session of one shard, as the live archive's coverage. */
export interface GatewaySession {
  id: string;
  shardId: number;
  shardCount: number;
  startedAt: Date;
  /** When it was last known to be connected. */
  seenAt: Date;
  /** Connected when last written (a process that died leaves it true, with an old `seenAt`). */
  live: boolean;
}

/** Transcripts of closed tickets and the attachments they keep. */
export interface TranscriptStore {
  /** Saves transcript `sequence` (default 1) of a ticket, replacing an earlier copy of it. */
  save(
    transcript: Omit<Transcript, "createdAt" | "sequence"> & { sequence?: number },
  ): Promise<void>;
  /** The ticket's transcript numbered `sequence`, or its latest when none is given. */
  get(ticketId: TicketId, sequence?: number): Promise<Transcript | null>;
  /** The ticket's transcripts without their contents, first to latest. */
  list(ticketId: TicketId): Promise<TranscriptInfo[]>;
  /** Keeps an attachment; saving the same one again keeps the first copy. */
  saveAttachment(attachment: StoredAttachment): Promise<void>;
  attachments(ticketId: TicketId): Promise<StoredAttachment[]>;
  /** Bytes of the attachment copies a ticket holds. */
  attachmentBytes(ticketId: TicketId): Promise<number>;
}

/** The audit trail: what happened, who did it, when. */
export interface AuditLog {
  record(event: NewAuditEvent): Promise<void>;
  /** The guild's latest `limit` events, newest first. */
  recent(guildId: GuildId, limit: number): Promise<AuditEvent[]>;
}

/** Guild settings, and a small key/value store for process-wide facts. */
export interface SettingsStore {
  /** Settings of a guild, created with defaults on first use. */
  guild(guildId: GuildId): Promise<GuildSettings>;
  updateGuild(guildId: GuildId, patch: GuildSettingsPatch): Promise<GuildSettings>;
  /** The member's last known Discord locale (`de`, `en-US`...), or null. */
  memberLocale(userId: UserId): Promise<string | null>;
  /** Keeps the member's Discord locale, for the direct messages they get later. */
  rememberLocale(userId: UserId, locale: string): Promise<void>;
  /** A process-wide fact (e.g. the command hash), or null. */
  meta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** Every meta fact whose key starts with `prefix`. */
  metaWithPrefix(prefix: string): Promise<Array<{ key: string; value: string }>>;
}

/** What erasing a member changed, in counts. */
export interface ErasureCounts {
  tickets: number;
  messages: number;
  transcripts: number;
}

/** A member's data in a guild: erasing their words, and the copy of what is theirs. */
export interface PrivacyStore {
  /**
   * In one transaction: removes `userId`'s words from the guild's archives and
   * transcripts and records a `privacy.erase` audit row naming `actorId` (null: the command line).
   */
  erase(
    guildId: GuildId,
    options: { userId: UserId; actorId: UserId | null },
  ): Promise<ErasureCounts>;
  /** The tickets `userId` opened and the messages they wrote, as JSON, without others' words. */
  exportOwn(
    guildId: GuildId,
    userId: UserId,
  ): Promise<{ json: string; tickets: number; messages: number }>;
  /**
   * Atomically takes the member's export slot at `at` when their last one is at
   * least `windowMs` old (or there is none); otherwise gives when it frees up.
   */
  takeExportSlot(
    guildId: GuildId,
    userId: UserId,
    options: { at: Date; windowMs: number },
  ): Promise<{ taken: true } | { taken: false; freeAt: Date }>;
  /** Gives back the slot taken at `at` (the copy could not be delivered). */
  releaseExportSlot(guildId: GuildId, userId: UserId, at: Date): Promise<void>;
}

/**
 * What retention deletes once its time is up: closed tickets past their type's
 * `retentionDays`, and guilds the bot left long enough ago. Every deletion is
 * conditional, so several processes running the same pass delete each thing once.
 */
export interface RetentionStore {
  /** Records that the bot left `guildId` at `at` (default: the database's time); the first record stays. */
  recordDeparture(guildId: GuildId, at?: Date): Promise<void>;
  /** The bot is in `guildId` again: nothing of it is deleted for that departure. */
  cancelDeparture(guildId: GuildId): Promise<void>;
  /** Up to `limit` closed, unexpired tickets whose type's retention ran out by `at`, oldest first. */
  ticketsDue(at: Date, limit: number): Promise<TicketId[]>;
  /**
   * In one transaction, when the ticket is still due at `at` and not yet expired:
   * deletes its transcript, archive, attachment copies, search words and share
   * links, clears its topic, answers and close reason (in its audit rows too), and
   * marks it expired at `at`. False when there was nothing to do.
   */
  expireTicket(id: TicketId, at: Date): Promise<boolean>;
  /** Up to `limit` guilds the bot left at or before `before`, and has not come back to. */
  guildsLeftBefore(before: Date, limit: number): Promise<GuildId[]>;
  /**
   * In one transaction, when the bot left `guildId` at or before `before` and has
   * not come back: deletes every row of the guild. False when there was nothing to do.
   */
  purgeGuild(guildId: GuildId, before: Date): Promise<boolean>;
}

/** How long a lock is held and how long to wait for it. */
export interface LockOptions {
  /**
   * How long the lock lasts without renewal. While the work runs it is renewed every
   * third of this, so the TTL only bounds how long a crashed holder blocks others.
   */
  ttlMs: number;
  /** How long to wait for a lock someone else holds before giving up. */
  waitMs: number;
}

/**
 * Locks held in the database, so they work across every process sharing it.
 * Leases run on the database's clock, never on a process's own.
 */
export interface LockStore {
  /**
   * Takes the lock `key` (waiting up to `waitMs`), runs `work`, renews the lock
   * while it runs and releases it after. Callers of one process line up first.
   * Throws `LockTimeoutError` when someone else holds it for the whole wait.
   */
  withLock<T>(key: string, options: LockOptions, work: () => Promise<T>): Promise<T>;
  /**
   * Atomically takes the lock `key` for `ttlMs` when it is free or expired, and
   * gives a random holder token; null when someone else holds it.
   */
  acquire(key: string, ttlMs: number): Promise<string | null>;
  /** Extends a held lock to `ttlMs` from now; false when `holder` no longer holds it. */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock if `holder` still holds it; otherwise does nothing. */
  release(key: string, holder: string): Promise<void>;
}

/** Filters of a guild's ticket list; an absent field does not filter. */
export interface TicketFilter {
  typeId?: TicketTypeId;
  status?: TicketStatus;
  claimedBy?: UserId;
  openerId?: UserId;
  priority?: TicketPriority;
  /** Words that must all occur in one of the ticket's archived messages. */
  text?: string;
}

/** What the web pages read: tickets across guilds, a guild's list with search, audit trails. */
export interface TicketBrowser {
  /** Tickets `userId` opened or was added to, every guild, newest first. */
  involving(userId: UserId, limit: number): Promise<Ticket[]>;
  /** One page of a guild's tickets that match `filter`, newest first. */
  inGuild(
    guildId: GuildId,
    filter: TicketFilter,
    page: { offset: number; limit: number },
  ): Promise<Ticket[]>;
  /** Every ticket type of a guild. */
  typesOf(guildId: GuildId): Promise<TicketType[]>;
  /** The guilds that have a ticket type (those that ever used the bot). */
  guildsWithTypes(): Promise<GuildId[]>;
  /** The audit events of one ticket, oldest first. */
  auditTrail(ticketId: TicketId): Promise<AuditEvent[]>;
}

/** A signed link to one transcript that works without signing in, until it expires. */
export interface ShareLink {
  id: string;
  ticketId: TicketId;
  createdBy: UserId;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Share links, kept so that revoking one is remembered. */
export interface ShareLinkStore {
  create(link: Omit<ShareLink, "revokedAt">): Promise<void>;
  get(id: string): Promise<ShareLink | null>;
  /** Revokes a link of `ticketId`; false when there is none or it was revoked already. */
  revoke(ticketId: TicketId, id: string, by: UserId, at: Date): Promise<boolean>;
  /** A ticket's links that are neither revoked nor expired at `now`, newest first. */
  activeFor(ticketId: TicketId, now: Date): Promise<ShareLink[]>;
}

/** The stores the web pages use besides `Stores`. */
export interface WebStores {
  browser: TicketBrowser;
  shareLinks: ShareLinkStore;
}

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

/** The stores that can share one database transaction. */
export interface TransactionStores {
  tickets: TicketStore;
  types: TypeStore;
  panels: PanelStore;
  archive: ArchiveStore;
  transcripts: TranscriptStore;
  audit: AuditLog;
  settings: SettingsStore;
  tags: TagStore;
  feedback: FeedbackStore;
  timers: TicketTimerStore;
  notes: NoteStore;
}

/** Every store, and the unit of work that composes writes into one transaction. */
export interface Stores extends TransactionStores {
  locks: LockStore;
  privacy: PrivacyStore;
  retention: RetentionStore;
  stats: StatsStore;
  /** The database server's clock: the one every process shares. */
  databaseClock: SharedClock;
  /**
   * Runs `work` with stores bound to one database transaction: its writes all
   * commit or none does. On a deadlock or busy database the whole `work` runs again.
   */
  atomically<T>(work: (stores: TransactionStores) => Promise<T>): Promise<T>;
}

/** The time source handlers use, so tests can set it. */
export interface Clock {
  now(): Date;
}

/** A clock every process reads alike (the database's), for what must not rest on one machine's. */
export interface SharedClock {
  now(): Promise<Date>;
}

/** Where handlers get fresh ids, so tests can make them predictable. */
export interface IdSource {
  /** A short id that ties a member's apology to the log line of the failure. */
  errorId(): string;
}
