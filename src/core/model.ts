/**
 * The domain records handlers and stores exchange: guild settings, ticket types,
 * panels, tickets and their members, saved answers, transcripts, the live archive,
 * audit events and staff notes, with their branded ids. Kept in one file because the
 * records refer to each other and are read together: it holds types and defaults only.
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

/** How a question is answered: one line, several lines, or one of a list. */
export type QuestionStyle = "short" | "paragraph" | "choice";

/** A field of the form a type shows before opening. */
export interface TypeQuestion {
  label: string;
  style: QuestionStyle;
  required: boolean;
  /** The options of a `choice` (2-25); empty for text fields. */
  options: string[];
}

/** Where a type's tickets live: a private channel, or a private thread in `parentChannelId`. */
export type TicketMode = "channel" | "thread";

/** What closing a thread-mode ticket does with its thread. */
export type ThreadClose = "archive" | "delete";

/** What a claim does: a label only, hides the ticket from other staff, or makes it read-only for them. */
export type ClaimMode = "open" | "hide" | "readonly";

/** When staff answer, e.g. `Mon-Fri 09:00-17:00 Europe/Berlin`, and what happens outside them. */
export interface SupportHours {
  /** Days, times and time zone as written, e.g. `Mon-Fri 09:00-17:00 Europe/Berlin`. */
  schedule: string;
  /** `warn`: open and say when staff are back; `block`: refuse until then. */
  policy: "warn" | "block";
}

/** Closing quiet tickets: a warning after `warnAfterHours`, a close `closeAfterHours` later. */
export interface AutoClose {
  warnAfterHours: number;
  closeAfterHours: number;
}

/** A kind of ticket: every guild has a default type and may add more. */
export interface TicketType {
  id: TicketTypeId;
  guildId: GuildId;
  name: string;
  isDefault: boolean;
  emoji: string | null;
  description: string | null;
  categoryId: ChannelId | null;
  mode: TicketMode;
  /** The channel whose private threads hold the tickets in `thread` mode. */
  parentChannelId: ChannelId | null;
  staffRoleIds: RoleId[];
  /** Channel name scheme with tokens `{number}` `{username}` `{user_id}`. */
  namingScheme: string;
  welcomeText: string | null;
  /** Fields asked in a form before opening (0-5; the first answer is the topic). */
  questions: TypeQuestion[];
  /** Open tickets one member may hold of this type (1-100). */
  maxOpenPerMember: number;
  /** Open tickets of this type across the guild; null for no cap. */
  totalOpenCap: number | null;
  /** Seconds a member waits after opening one before opening another; null for none. */
  cooldownSeconds: number | null;
  /** A member needs one of these roles to open this type (empty: anyone). */
  requiredRoleIds: RoleId[];
  /** A member with one of these roles may not open this type. */
  blockedRoleIds: RoleId[];
  openersMayAddMembers: boolean;
  claimMode: ClaimMode;
  supportHours: SupportHours | null;
  autoClose: AutoClose | null;
  closeWhenOpenerLeaves: boolean;
  feedback: boolean;
  /** Where summaries and transcripts go; null for the guild's log channel. */
  transcriptChannelId: ChannelId | null;
  /** Days after close until the transcript is deleted; null keeps it forever. */
  retentionDays: number | null;
  /** Hours a close request waits for the opener's answer. */
  closeRequestTimeoutHours: number;
  /** What closing a `thread` ticket does with its thread: archive and lock it, or delete it. */
  threadClose: ThreadClose;
}

/** The settings of a type a person may change (everything but its identity). */
export type TicketTypeSettings = Omit<TicketType, "id" | "guildId" | "isDefault">;

export type TicketTypePatch = Partial<TicketTypeSettings>;

export const DEFAULT_NAMING_SCHEME = "ticket-{number}";
export const DEFAULT_MAX_OPEN_PER_MEMBER = 1;
export const DEFAULT_CLOSE_REQUEST_TIMEOUT_HOURS = 24;
/** At most this many ticket types per guild (a panel shows at most 25 buttons). */
export const MAX_TYPES_PER_GUILD = 25;

/** The settings a new type starts with. */
export function defaultTypeSettings(name: string): TicketTypeSettings {
  return {
    name,
    emoji: null,
    description: null,
    categoryId: null,
    mode: "channel",
    parentChannelId: null,
    staffRoleIds: [],
    namingScheme: DEFAULT_NAMING_SCHEME,
    welcomeText: null,
    questions: [],
    maxOpenPerMember: DEFAULT_MAX_OPEN_PER_MEMBER,
    totalOpenCap: null,
    cooldownSeconds: null,
    requiredRoleIds: [],
    blockedRoleIds: [],
    openersMayAddMembers: false,
    claimMode: "open",
    supportHours: null,
    autoClose: null,
    closeWhenOpenerLeaves: true,
    feedback: true,
    transcriptChannelId: null,
    retentionDays: null,
    closeRequestTimeoutHours: DEFAULT_CLOSE_REQUEST_TIMEOUT_HOURS,
    threadClose: "archive",
  };
}

/** How a panel offers its types: a button each, or one select menu. */
export type PanelStyle = "buttons" | "select";

/** A posted panel: the message whose buttons (or select menu) open tickets of `typeIds`. */
export interface Panel {
  id: number;
  guildId: GuildId;
  channelId: ChannelId;
  messageId: MessageId;
  /** The first of `typeIds` (panels posted before several types offered only it). */
  typeId: TicketTypeId;
  /** The types offered, in order (1-25). */
  typeIds: TicketTypeId[];
  style: PanelStyle;
  title: string;
  description: string;
  buttonLabel: string;
  createdBy: UserId;
  createdAt: Date;
}

/** What a panel is saved with (its id and time come from the store). */
export type NewPanel = Omit<Panel, "id" | "createdAt" | "typeId">;

/** The editable part of a panel. */
export type PanelPatch = Partial<
  Pick<Panel, "typeIds" | "style" | "title" | "description" | "buttonLabel">
>;

export type TicketId = number & { readonly __ticket: true };
export type TicketStatus = "open" | "closing" | "closed";

/** How urgent staff consider a ticket; shown in lists and summaries, never in its name. */
export type TicketPriority = "low" | "normal" | "high" | "urgent";

export const TICKET_PRIORITIES: readonly TicketPriority[] = ["low", "normal", "high", "urgent"];

/** Who a ticket waits for: staff after the member wrote last, the member after staff did. */
export type WaitingFor = "staff" | "member";

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
  priority: TicketPriority;
  /** Null until someone writes in the ticket. */
  waitingFor: WaitingFor | null;
  /** When its transcripts and archive were deleted under its type's retention. */
  expiredAt: Date | null;
  /** How often it was reopened; its next close stores transcript `reopenCount + 1`. */
  reopenCount: number;
  /** The private staff thread of a channel ticket (`/ticket notes`), once opened. */
  notesThreadId?: ChannelId | null;
}

/** A staff note: a message of the notes thread, or a `/ticket notes text` of a thread ticket. */
export interface StaffNote {
  ticketId: TicketId;
  /** The Discord message id, or the interaction id of a typed note. */
  noteId: string;
  authorId: UserId;
  /** A Discord message JSON (author, content, timestamp ...) the transcript renderer reads. */
  payload: string;
  createdAt: Date;
}

/** A saved answer staff post in tickets (`/tag send`); names are unique per guild, any case. */
export interface Tag {
  guildId: GuildId;
  name: string;
  /** Up to 2,000 characters; `{opener}`, `{staff}` and `{number}` are filled in when sent. */
  content: string;
  createdBy: UserId;
  createdAt: Date;
  updatedAt: Date;
}

/** A closed ticket's feedback: who it is credited to and, once given, the rating and comment. */
export interface TicketFeedback {
  ticketId: TicketId;
  guildId: GuildId;
  /** The claimer, else the staff member who wrote most; null when nobody did. */
  staffId: UserId | null;
  /** 1-5, null until the opener answers. */
  rating: number | null;
  /** At most `MAX_FEEDBACK_COMMENT` characters. */
  comment: string | null;
  askedAt: Date | null;
  ratedAt: Date | null;
  /** Where the close summary was posted, so it can show the rating. */
  summary: { channelId: ChannelId; messageId: MessageId } | null;
}

/** Longest feedback comment. */
export const MAX_FEEDBACK_COMMENT = 1000;

/** Longest tag content (one Discord message). */
export const MAX_TAG_LENGTH = 2000;

export interface TicketMember {
  ticketId: TicketId;
  userId: UserId;
  addedBy: UserId;
  addedAt: Date;
}

/** A stored transcript: both renderings, as written (compression is the store's business). */
export interface Transcript {
  ticketId: TicketId;
  /** 1 for the first close, 2 after a reopen and the next close, ... */
  sequence: number;
  html: string;
  text: string;
  messageCount: number;
  /** Size in bytes of the uncompressed HTML. */
  byteSize: number;
  createdAt: Date;
}

/** A stored transcript without its contents, for lists. */
export type TranscriptInfo = Omit<Transcript, "html" | "text">;

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
  /** Discord's message JSON as received (content, embeds, attachments, ...). */
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

/**
 * Outcome of reserving a ticket: the limit checks and number allocation are
 * atomic. `limit_reached` is the member's own limit, `cap_reached` the type's
 * total, `cooling_down` the type's cooldown (`retryAt` says when to try again).
 */
export type OpenTicketResult =
  | { kind: "opened"; ticket: Ticket }
  | { kind: "limit_reached"; existing: Ticket[]; limit: number }
  | { kind: "cap_reached"; cap: number }
  | { kind: "cooling_down"; retryAt: Date };

/** An open refused by one of the type's limits. */
export type OpenLimitOutcome = Exclude<OpenTicketResult, { kind: "opened" }>;
