/**
 * The tables as Kysely sees them. Conventions shared by every dialect:
 * snowflakes are `varchar(20)` strings; times are epoch milliseconds in
 * `bigint` columns; booleans are `smallint` 0/1; lists and details are JSON
 * text; bytes are `blob`/`bytea`/`longblob`. PostgreSQL and MySQL return
 * `bigint` as a string, so selected times read as `number | string`. Kept in
 * one file because `Database` must list every table and the row types follow them.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Epoch milliseconds; drivers return `bigint` columns as numbers or strings. */
export type Millis = ColumnType<number | string, number, number>;
/** A nullable epoch-milliseconds column. */
export type NullableMillis = ColumnType<number | string | null, number | null, number | null>;
/** A 0/1 flag. */
export type Flag = number;
/** An auto-incremented id. */
export type AutoId = Generated<number>;

/** The `guild_settings` table. */
export interface GuildSettingsTable {
  guild_id: string;
  log_channel_id: string | null;
  transcript_dm: Flag;
  /** A shipped language code (`de`, `pt-BR`...), NULL until chosen. */
  language: string | null;
  created_at: Millis;
  updated_at: Millis;
}

/** The `member_locales` table: each member's last known Discord locale. */
export interface MemberLocalesTable {
  user_id: string;
  locale: string;
  updated_at: Millis;
}

/** The `privacy_exports` table: when a member last had `/privacy mydata` send their data. */
export interface PrivacyExportsTable {
  guild_id: string;
  user_id: string;
  exported_at: Millis;
}

/** The `ticket_types` table. */
export interface TicketTypesTable {
  id: AutoId;
  guild_id: string;
  name: string;
  /** 1 for the guild's default type, NULL otherwise: unique (guild_id, is_default) keeps one default. */
  is_default: 1 | null;
  category_id: string | null;
  /** JSON array of role ids. */
  staff_role_ids: string;
  naming_scheme: string;
  welcome_text: string | null;
  /** JSON array of `{ label, style, required, options }`. */
  questions: string;
  max_open_per_member: number;
  openers_may_add_members: Flag;
  created_at: Millis;
  updated_at: Millis;
  /** The name in lower case: unique per guild while the type exists. */
  name_key: string | null;
  emoji: string | null;
  description: string | null;
  /** `channel` or `thread`. */
  mode: ColumnType<string, string | undefined, string>;
  parent_channel_id: string | null;
  total_open_cap: number | null;
  cooldown_seconds: number | null;
  /** JSON array of role ids (NULL read as none). */
  required_role_ids: string | null;
  /** JSON array of role ids (NULL read as none). */
  blocked_role_ids: string | null;
  /** `open`, `hide` or `readonly`. */
  claim_mode: ColumnType<string, string | undefined, string>;
  /** JSON `{ schedule, policy }` or NULL. */
  support_hours: string | null;
  /** JSON `{ warnAfterHours, closeAfterHours }` or NULL. */
  auto_close: string | null;
  close_when_opener_leaves: ColumnType<Flag, Flag | undefined, Flag>;
  feedback: ColumnType<Flag, Flag | undefined, Flag>;
  transcript_channel_id: string | null;
  retention_days: number | null;
  close_request_timeout_hours: ColumnType<number, number | undefined, number>;
  /** `archive` or `delete`: what closing a thread-mode ticket does with its thread. */
  thread_close: ColumnType<string, string | undefined, string>;
  /** When the type was deleted (its closed tickets keep it); NULL while it exists. */
  deleted_at: NullableMillis;
}

/** The `panels` table. */
export interface PanelsTable {
  id: AutoId;
  guild_id: string;
  channel_id: string;
  message_id: string;
  type_id: number;
  title: string;
  description: string;
  button_label: string;
  created_by: string;
  created_at: Millis;
  /** JSON array of the type ids offered, in order (NULL: only `type_id`). */
  type_ids: string | null;
  /** `buttons` or `select`. */
  style: ColumnType<string, string | undefined, string>;
}

/** The `tickets` table. */
export interface TicketsTable {
  id: AutoId;
  guild_id: string;
  number: number;
  type_id: number;
  channel_id: string | null;
  opener_id: string;
  status: string;
  claimed_by: string | null;
  topic: string | null;
  /** JSON array of `{ question, answer }`. */
  answers: string;
  created_at: Millis;
  closed_at: NullableMillis;
  closed_by: string | null;
  close_reason: string | null;
  close_step: string | null;
  assistant_paused: Flag;
  relay_notice_at: NullableMillis;
  priority: ColumnType<string, string | undefined, string>;
  waiting_for: string | null;
  expired_at: NullableMillis;
  reopen_count: ColumnType<number, number | undefined, number>;
  first_staff_response_at: NullableMillis;
  last_opener_message_at: NullableMillis;
  last_staff_message_at: NullableMillis;
  /** The next step of an auto close (`warn` or `close`), due at `auto_close_at`. */
  auto_close_step: string | null;
  auto_close_at: NullableMillis;
  /** The number of the pending close request (NULL: none); each new one counts up. */
  close_request_seq: number | null;
  close_request_by: string | null;
  close_request_reason: string | null;
  /** When the pending close request times out. */
  close_request_at: NullableMillis;
  opener_checked_at: NullableMillis;
  /** The private staff thread of a channel ticket (`/ticket notes`). */
  notes_thread_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The `ticket_feedback` table: a closed ticket's rating and where its summary is. */
export interface TicketFeedbackTable {
  ticket_id: number;
  guild_id: string;
  summary_channel_id: string | null;
  summary_message_id: string | null;
  staff_id: string | null;
  asked_at: NullableMillis;
  rating: number | null;
  /** Sealed when `ENCRYPTION_KEY` is set. */
  comment: string | null;
  rated_at: NullableMillis;
}

/** The `tags` table: saved answers, one per guild and lower-case name. */
export interface TagsTable {
  guild_id: string;
  name_key: string;
  name: string;
  content: string;
  created_by: string;
  created_at: Millis;
  updated_at: Millis;
}

/** The `ticket_members` table. */
export interface TicketMembersTable {
  ticket_id: number;
  user_id: string;
  added_by: string;
  added_at: Millis;
}

/** The `transcripts` table. */
export interface TranscriptsTable {
  ticket_id: number;
  /** 1 for the ticket's first close, one more for each close after a reopen. */
  sequence: ColumnType<number, number | undefined, number>;
  /** UTF-8 HTML, gzipped when `compressed` is 1. */
  html: Uint8Array;
  /** UTF-8 plain text, gzipped when `compressed` is 1. */
  text: Uint8Array;
  compressed: Flag;
  byte_size: number;
  message_count: number;
  created_at: Millis;
}

/** The `attachments` table. */
export interface AttachmentsTable {
  ticket_id: number;
  message_id: string;
  attachment_id: string;
  filename: string;
  content_type: string | null;
  size: number;
  data: Uint8Array;
}

/** The `archived_messages` table. */
export interface ArchivedMessagesTable {
  message_id: string;
  ticket_id: number;
  author_id: string;
  payload: string;
  created_at: Millis;
  edited_at: NullableMillis;
  deleted_at: NullableMillis;
}

/** The `ticket_notes` table: staff notes, never part of what the opener receives. */
export interface TicketNotesTable {
  ticket_id: number;
  /** The note's Discord message id (notes thread) or interaction id (`/ticket notes text`). */
  note_id: string;
  author_id: string;
  /** A Discord message JSON (sealed with `ENCRYPTION_KEY`). */
  payload: string;
  created_at: Millis;
}

/** The `gateway_sessions` table: what the live archive covers, per shard. */
export interface GatewaySessionsTable {
  id: string;
  shard_id: number;
  shard_count: number;
  started_at: Millis;
  seen_at: Millis;
  live: Flag;
}

/** The `audit_events` table. */
export interface AuditEventsTable {
  id: AutoId;
  guild_id: string;
  ticket_id: number | null;
  actor_id: string | null;
  action: string;
  /** JSON object. */
  detail: string;
  created_at: Millis;
}

/** The `guild_counters` table. */
export interface GuildCountersTable {
  guild_id: string;
  /** The number the guild's next ticket gets. */
  next_number: number;
}

/** The `meta` table. */
export interface MetaTable {
  key: string;
  value: string;
}

/** The `locks` table: a lock is held while its row exists and has not expired. */
export interface LocksTable {
  key: string;
  /** The random token of the process that holds it. */
  holder: string;
  expires_at: Millis;
}

/**
 * The `message_search` full-text index (an FTS5 virtual table on SQLite): the
 * searchable text of each archived message that is not deleted.
 */
export interface MessageSearchTable {
  message_id: string;
  ticket_id: number;
  content: string;
}

/** The `share_links` table: signed links to a transcript, revocable. */
export interface ShareLinksTable {
  id: string;
  ticket_id: number;
  created_by: string;
  created_at: Millis;
  expires_at: Millis;
  revoked_at: NullableMillis;
  revoked_by: string | null;
}

/** The `guild_departures` table: when the bot was removed from a guild (the database's clock). */
export interface GuildDeparturesTable {
  guild_id: string;
  left_at: Millis;
}

/**
 * The `request_schedule` table: the next free slot of a request budget shared by
 * every process (microseconds of the database's clock), read and written by
 * `src/discord/rest/shared_budget.ts` through its own connections.
 */
export interface RequestScheduleTable {
  name: string;
  next_slot: ColumnType<number | string, number, number>;
}

/** Every table of the database, for `Kysely<Database>`. */
export interface Database {
  guild_settings: GuildSettingsTable;
  member_locales: MemberLocalesTable;
  privacy_exports: PrivacyExportsTable;
  ticket_types: TicketTypesTable;
  panels: PanelsTable;
  tickets: TicketsTable;
  ticket_members: TicketMembersTable;
  transcripts: TranscriptsTable;
  attachments: AttachmentsTable;
  archived_messages: ArchivedMessagesTable;
  ticket_notes: TicketNotesTable;
  gateway_sessions: GatewaySessionsTable;
  audit_events: AuditEventsTable;
  guild_counters: GuildCountersTable;
  meta: MetaTable;
  locks: LocksTable;
  message_search: MessageSearchTable;
  share_links: ShareLinksTable;
  tags: TagsTable;
  ticket_feedback: TicketFeedbackTable;
  guild_departures: GuildDeparturesTable;
  request_schedule: RequestScheduleTable;
}

export type GuildSettingsRow = Selectable<GuildSettingsTable>;
export type NewGuildSettingsRow = Insertable<GuildSettingsTable>;
export type GuildSettingsUpdate = Updateable<GuildSettingsTable>;
export type TicketTypeRow = Selectable<TicketTypesTable>;
export type NewTicketTypeRow = Insertable<TicketTypesTable>;
export type TicketTypeUpdate = Updateable<TicketTypesTable>;
export type PanelRow = Selectable<PanelsTable>;
export type PanelUpdate = Updateable<PanelsTable>;
export type NewPanelRow = Insertable<PanelsTable>;
export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type TicketUpdate = Updateable<TicketsTable>;
export type TicketMemberRow = Selectable<TicketMembersTable>;
export type TranscriptRow = Selectable<TranscriptsTable>;
export type NewTranscriptRow = Insertable<TranscriptsTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type ArchivedMessageRow = Selectable<ArchivedMessagesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type MetaRow = Selectable<MetaTable>;
export type ShareLinkRow = Selectable<ShareLinksTable>;
export type TagRow = Selectable<TagsTable>;
export type TicketFeedbackRow = Selectable<TicketFeedbackTable>;
