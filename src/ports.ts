/**
 * The two ports handlers work through (a ticket repository and Discord), the
 * domain records they exchange, and a clock. Handlers import these types only;
 * `src/db` and `src/discord` implement them, tests fake them.
 */
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "./core/ids.ts";
import type { ChannelKind, UserRef } from "./core/interaction.ts";
import type { MessageBody } from "./core/message_body.ts";

// ---------------------------------------------------------------------------
// Domain records
// ---------------------------------------------------------------------------

/** Per-guild settings that are not per ticket type. */
export interface GuildSettings {
  guildId: GuildId;
  logChannelId: ChannelId | null;
  /** DM the opener a copy of the transcript on close. */
  transcriptDm: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The editable part of the guild settings. */
export type GuildSettingsPatch = Partial<
  Pick<GuildSettings, "logChannelId" | "transcriptDm">
>;

export type TicketTypeId = number & { readonly __ticketType: true };

/** A kind of ticket: a guild has one default type now, and may have many later. */
export interface TicketType {
  id: TicketTypeId;
  guildId: GuildId;
  name: string;
  isDefault: boolean;
  categoryId: ChannelId | null;
  staffRoleIds: RoleId[];
  /** Channel name scheme with tokens `{number}` `{username}` `{user_id}`. */
  namingScheme: string;
  welcomeText: string | null;
  /** Questions asked in a modal before opening (0–5; the first answer is the topic). */
  questions: string[];
  /** Open tickets one member may hold of this type (1–100). */
  maxOpenPerMember: number;
  openersMayAddMembers: boolean;
}

export type TicketTypePatch = Partial<
  Pick<
    TicketType,
    | "name"
    | "categoryId"
    | "staffRoleIds"
    | "namingScheme"
    | "welcomeText"
    | "questions"
    | "maxOpenPerMember"
    | "openersMayAddMembers"
  >
>;

export const DEFAULT_NAMING_SCHEME = "ticket-{number}";
export const DEFAULT_MAX_OPEN_PER_MEMBER = 1;

/** A posted panel: the message whose button opens tickets of `typeId`. */
export interface Panel {
  id: number;
  guildId: GuildId;
  channelId: ChannelId;
  messageId: MessageId;
  typeId: TicketTypeId;
  title: string;
  description: string;
  buttonLabel: string;
  createdBy: UserId;
  createdAt: Date;
}

export type TicketId = number & { readonly __ticket: true };
export type TicketStatus = "open" | "closing" | "closed";

/** The steps of a close, in order; `closeStep` is the last one finished. */
export type CloseStep =
  | "requested"
  | "history_fetched"
  | "transcript_stored"
  | "log_posted"
  | "dm_sent"
  | "channel_deleted";

export interface TicketAnswer {
  question: string;
  answer: string;
}

export interface Ticket {
  id: TicketId;
  guildId: GuildId;
  /** Per guild, unique, never reused. */
  number: number;
  typeId: TicketTypeId;
  /** Null only between the row being reserved and the channel being created. */
  channelId: ChannelId | null;
  openerId: UserId;
  status: TicketStatus;
  claimedBy: UserId | null;
  topic: string | null;
  answers: TicketAnswer[];
  createdAt: Date;
  closedAt: Date | null;
  closedBy: UserId | null;
  closeReason: string | null;
  closeStep: CloseStep | null;
  assistantPaused: boolean;
  /** When the relay last posted its "assistant unavailable" notice here. */
  relayNoticeAt: Date | null;
}

export interface TicketMember {
  ticketId: TicketId;
  userId: UserId;
  addedBy: UserId;
  addedAt: Date;
}

/** A stored transcript: both renderings, as written (compression is the store's business). */
export interface Transcript {
  ticketId: TicketId;
  html: string;
  text: string;
  messageCount: number;
  /** Size in bytes of the uncompressed HTML. */
  byteSize: number;
  createdAt: Date;
}

/** A copy of an attachment, kept because Discord's CDN links expire. */
export interface StoredAttachment {
  ticketId: TicketId;
  messageId: MessageId;
  attachmentId: string;
  filename: string;
  contentType: string | null;
  size: number;
  data: Uint8Array;
}

/** A message of an open ticket as the live archive recorded it. */
export interface ArchivedMessage {
  ticketId: TicketId;
  messageId: MessageId;
  authorId: UserId;
  /** Discord's message JSON as received (content, embeds, attachments, …). */
  payload: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export interface AuditEvent {
  id: number;
  guildId: GuildId;
  ticketId: TicketId | null;
  actorId: UserId | null;
  /** What happened, e.g. `ticket.open`, `ticket.claim`, `config.set`. */
  action: string;
  /** Free-form JSON details. */
  detail: Record<string, unknown>;
  createdAt: Date;
}

export type NewAuditEvent = Omit<AuditEvent, "id" | "createdAt">;

// ---------------------------------------------------------------------------
// Ticket repository
// ---------------------------------------------------------------------------

export interface OpenTicketRequest {
  guildId: GuildId;
  typeId: TicketTypeId;
  openerId: UserId;
  topic: string | null;
  answers: TicketAnswer[];
}

/** Outcome of reserving a ticket: the limit check and number allocation are atomic. */
export type OpenTicketResult =
  | { kind: "opened"; ticket: Ticket }
  | { kind: "limit_reached"; existing: Ticket[]; limit: number };

export interface TicketRepository {
  /** Settings of a guild, created with defaults on first use. */
  guildSettings(guildId: GuildId): Promise<GuildSettings>;
  updateGuildSettings(
    guildId: GuildId,
    patch: GuildSettingsPatch,
  ): Promise<GuildSettings>;

  /** The guild's default ticket type, created with defaults on first use. */
  defaultTicketType(guildId: GuildId): Promise<TicketType>;
  ticketType(id: TicketTypeId): Promise<TicketType | null>;
  /** Every ticket type that has a Discord category, all guilds (guilds that ran `/setup`). */
  ticketTypesWithCategory(): Promise<TicketType[]>;
  updateTicketType(
    id: TicketTypeId,
    patch: TicketTypePatch,
  ): Promise<TicketType>;

  savePanel(panel: Omit<Panel, "id" | "createdAt">): Promise<Panel>;
  panelByMessage(messageId: MessageId): Promise<Panel | null>;

  /**
   * Atomically: refuse when the opener already holds `maxOpenPerMember` open or
   * closing tickets of this type; otherwise take the guild's next number and
   * insert the ticket (status open, no channel yet).
   */
  openTicket(request: OpenTicketRequest): Promise<OpenTicketResult>;
  /** Removes a reserved ticket whose channel could not be created (its number stays used). */
  discardTicket(id: TicketId): Promise<void>;
  setTicketChannel(id: TicketId, channelId: ChannelId): Promise<Ticket>;

  ticket(id: TicketId): Promise<Ticket | null>;
  ticketByChannel(channelId: ChannelId): Promise<Ticket | null>;
  ticketByNumber(guildId: GuildId, number: number): Promise<Ticket | null>;
  /** Open and closing tickets of a member in a guild. */
  openTicketsOf(guildId: GuildId, openerId: UserId): Promise<Ticket[]>;
  /** Tickets in `statuses`, all guilds (for reconciliation). */
  ticketsWithStatus(statuses: TicketStatus[]): Promise<Ticket[]>;
  countOpenTickets(): Promise<number>;

  /** Sets `claimedBy` only if it is currently `expected` (compare-and-set). */
  claimTicket(
    id: TicketId,
    claimer: UserId | null,
    expected: UserId | null,
  ): Promise<boolean>;
  setAssistantPaused(id: TicketId, paused: boolean): Promise<void>;
  /** Sets `relayNoticeAt` to `at` only if the last notice is older than `notBefore`. */
  takeRelayNoticeSlot(
    id: TicketId,
    at: Date,
    notBefore: Date,
  ): Promise<boolean>;

  /** Moves an open ticket to `closing` (once); false when it was not open. */
  beginClose(id: TicketId, by: UserId, reason: string | null): Promise<boolean>;
  recordCloseStep(id: TicketId, step: CloseStep): Promise<void>;
  finishClose(id: TicketId, at: Date): Promise<void>;

  addMember(member: TicketMember): Promise<boolean>;
  removeMember(ticketId: TicketId, userId: UserId): Promise<boolean>;
  members(ticketId: TicketId): Promise<TicketMember[]>;

  saveTranscript(transcript: Omit<Transcript, "createdAt">): Promise<void>;
  transcript(ticketId: TicketId): Promise<Transcript | null>;
  saveAttachment(attachment: StoredAttachment): Promise<void>;
  attachments(ticketId: TicketId): Promise<StoredAttachment[]>;

  archiveMessage(
    message: Omit<ArchivedMessage, "editedAt" | "deletedAt">,
  ): Promise<void>;
  markMessageEdited(
    messageId: MessageId,
    payload: string,
    at: Date,
  ): Promise<void>;
  markMessageDeleted(messageId: MessageId, at: Date): Promise<void>;
  archivedMessages(ticketId: TicketId): Promise<ArchivedMessage[]>;

  audit(event: NewAuditEvent): Promise<void>;
  auditEvents(guildId: GuildId, limit: number): Promise<AuditEvent[]>;

  /** A small key/value store for process-wide facts (e.g. the command hash). */
  meta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  /**
   * Atomically takes the lock `key` for `ttlMs` when it is free or expired, and
   * gives a random holder token; null when someone else holds it. Held in the
   * database, so it works across every process sharing it.
   */
  acquireLock(key: string, ttlMs: number): Promise<string | null>;
  /** Extends a held lock to `ttlMs` from now; false when `holder` no longer holds it. */
  renewLock(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock if `holder` still holds it; otherwise does nothing. */
  releaseLock(key: string, holder: string): Promise<void>;
}

// ---------------------------------------------------------------------------
// Discord port
// ---------------------------------------------------------------------------

/** Why a Discord request failed, precise enough to tell the member what to do. */
export type DiscordFailure =
  | { kind: "missing_permissions" } // 50013
  | { kind: "missing_access" } // 50001
  | { kind: "unknown_channel" } // 10003
  | { kind: "unknown_member" } // 10007
  | { kind: "unknown_message" } // 10008
  | { kind: "unknown_role" } // 10011
  | { kind: "category_full" } // 50035 on parent_id: max channels in category
  | { kind: "guild_channel_limit" } // 30013
  | { kind: "cannot_dm" } // 50007
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "unavailable"; status: number } // 5xx after retries, network errors
  | { kind: "other"; status: number; code: number | null; message: string };

/** A Discord request that failed; handlers catch it and read `failure`. */
export class DiscordRequestError extends Error {
  readonly failure: DiscordFailure;
  constructor(failure: DiscordFailure, message: string) {
    super(message);
    this.name = "DiscordRequestError";
    this.failure = failure;
  }
}

/** True when `error` is a `DiscordRequestError` whose failure is one of `kinds`. */
export function isDiscordFailure(
  error: unknown,
  ...kinds: DiscordFailure["kind"][]
): error is DiscordRequestError {
  return error instanceof DiscordRequestError && kinds.includes(error.failure.kind);
}

/** A permission overwrite: `type` role or member; allow/deny are bitfields. */
export interface Overwrite {
  id: RoleId | UserId;
  type: "role" | "member";
  allow: bigint;
  deny: bigint;
}

export interface Channel {
  id: ChannelId;
  guildId: GuildId;
  name: string;
  kind: ChannelKind;
  parentId: ChannelId | null;
  position: number;
  overwrites: Overwrite[];
}

export interface NewChannel {
  name: string;
  kind: "text" | "category";
  parentId?: ChannelId | null;
  topic?: string;
  overwrites: Overwrite[];
}

export interface Role {
  id: RoleId;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
}

export interface Member {
  user: UserRef;
  nick: string | null;
  roles: RoleId[];
}

/** A message as fetched from a channel's history (the subset transcripts use). */
export interface FetchedMessage {
  id: MessageId;
  /** Discord's message JSON as received; the transcript renderer reads it. */
  raw: Record<string, unknown>;
}

/** Identifies an interaction for follow-ups (the token is a secret). */
export interface InteractionToken {
  applicationId: string;
  token: string;
}

export interface DiscordPort {
  /** The bot's own user (cached after the first call). */
  botUser(): Promise<UserRef>;

  channel(id: ChannelId): Promise<Channel | null>;
  guildChannels(guildId: GuildId): Promise<Channel[]>;
  createChannel(guildId: GuildId, channel: NewChannel): Promise<Channel>;
  deleteChannel(id: ChannelId, reason?: string): Promise<void>;
  editOverwrite(channelId: ChannelId, overwrite: Overwrite): Promise<void>;
  deleteOverwrite(
    channelId: ChannelId,
    targetId: RoleId | UserId,
  ): Promise<void>;

  /** The guilds the bot is in (`GET /users/@me/guilds`, every page). */
  guilds(): Promise<Array<{ id: GuildId; name: string }>>;

  roles(guildId: GuildId): Promise<Role[]>;
  createRole(guildId: GuildId, name: string): Promise<Role>;
  /** A guild member, or null when they are not in the guild. */
  member(guildId: GuildId, userId: UserId): Promise<Member | null>;

  sendMessage(channelId: ChannelId, body: MessageBody): Promise<MessageId>;
  editMessage(
    channelId: ChannelId,
    messageId: MessageId,
    body: MessageBody,
  ): Promise<void>;
  /** One page of history, oldest first, strictly after `after` (or from the start). */
  messagesAfter(
    channelId: ChannelId,
    after: MessageId | null,
    limit: number,
  ): Promise<FetchedMessage[]>;
  /** Downloads an attachment (bounded by `maxBytes`; null when larger). */
  download(url: string, maxBytes: number): Promise<Uint8Array | null>;
  /** Opens (or reuses) the DM channel with a user. */
  dmChannel(userId: UserId): Promise<ChannelId>;

  /** Follow-up message after the first answer (interaction tokens live 15 min). */
  followUp(
    interaction: InteractionToken,
    body: MessageBody,
    ephemeral: boolean,
  ): Promise<void>;
}

/** The time source handlers use, so tests can set it. */
export interface Clock {
  now(): Date;
}

/** A clock that reads the system time. */
export const systemClock: Clock = { now: () => new Date() };
