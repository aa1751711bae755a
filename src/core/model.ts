/**
 * The domain records handlers and stores exchange: guild settings, ticket types,
 * panels, tickets and their members, transcripts, the live archive and audit
 * events, with their branded ids.
 */
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "./ids.ts";
import type { Locale } from "../i18n/locale.ts";

/** Per-guild settings that are not per ticket type. */
export interface GuildSettings {
  guildId: GuildId;
  logChannelId: ChannelId | null;
  /** DM the opener a copy of the transcript on close. */
  transcriptDm: boolean;
  /** The language of public messages; null until `/config set language` chooses one. */
  language: Locale | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The editable part of the guild settings. */
export type GuildSettingsPatch = Partial<
  Pick<GuildSettings, "logChannelId" | "transcriptDm" | "language">
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
