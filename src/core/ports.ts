/**
 * The ports handlers work through: the ticket repository, Discord and a clock.
 * Interfaces only; `src/db` and `src/discord` implement them, tests fake them.
 */
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "./ids.ts";
import type { ChannelKind, UserRef } from "./interaction.ts";
import type { MessageBody } from "./message_body.ts";
import type {
  ArchivedMessage,
  AuditEvent,
  CloseStep,
  GuildSettings,
  GuildSettingsPatch,
  NewAuditEvent,
  OpenTicketRequest,
  OpenTicketResult,
  Panel,
  StoredAttachment,
  Ticket,
  TicketId,
  TicketMember,
  TicketStatus,
  TicketType,
  TicketTypeId,
  TicketTypePatch,
  Transcript,
} from "./model.ts";

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

/** Where handlers get fresh ids, so tests can make them predictable. */
export interface IdSource {
  /** A short id that ties a member's apology to the log line of the failure. */
  errorId(): string;
}
