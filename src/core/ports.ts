/**
 * The ports handlers work through: narrow stores over the database, a clock and
 * ids (the Discord port is in `discord_port.ts`). Interfaces only; `src/db`
 * implements them, tests fake them. The stores of privacy, of working a ticket and
 * of the web pages are in `ports/`, re-exported here. Longer than 300 lines because this
 * stays the one page that lists every store the core may reach; it holds no code.
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
  StoredAttachment,
  Ticket,
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
import type { PrivacyStore, RetentionStore } from "./ports/privacy_stores.ts";
import type {
  FeedbackStore,
  NoteStore,
  StatsStore,
  TagStore,
  TicketTimerStore,
} from "./ports/work_stores.ts";
export type { ErasureCounts, PrivacyStore, RetentionStore } from "./ports/privacy_stores.ts";
export type {
  ShareLink,
  ShareLinkStore,
  TicketBrowser,
  TicketFilter,
  WebStores,
} from "./ports/web_stores.ts";
export type {
  FeedbackStore,
  NoteStore,
  RateResult,
  SaveTagResult,
  StatsStore,
  TagStore,
  TicketTimerStore,
} from "./ports/work_stores.ts";

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
  /**
   * Saves transcript `sequence` (default 1) of a ticket, replacing an earlier copy
   * of it; each rendering as a string or as its UTF-8 bytes.
   */
  save(
    transcript: Omit<Transcript, "createdAt" | "sequence" | "html" | "text"> & {
      sequence?: number;
      html: string | Uint8Array;
      text: string | Uint8Array;
    },
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
