/**
 * Rows to domain records: epoch milliseconds to `Date`, 0/1 to booleans, JSON
 * text to values, driver byte buffers to plain `Uint8Array`, ids to branded
 * strings.
 */
import { Buffer } from "node:buffer";
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "../core/ids.ts";
import { isLocale } from "../i18n/locale.ts";
import type {
  ArchivedMessage,
  AuditEvent,
  AutoClose,
  CloseStep,
  GuildSettings,
  Panel,
  StoredAttachment,
  SupportHours,
  Tag,
  Ticket,
  TicketAnswer,
  TicketId,
  TicketMember,
  TicketPriority,
  TicketStatus,
  TicketType,
  TicketTypeId,
  TypeQuestion,
  WaitingFor,
} from "../core/model.ts";
import type {
  ArchivedMessageRow,
  AttachmentRow,
  AuditEventRow,
  GuildSettingsRow,
  PanelRow,
  TagRow,
  TicketMemberRow,
  TicketRow,
  TicketTypeRow,
} from "./schema.ts";

/** A number column the driver may return as a string (`bigint`, `count(*)`). */
export function toNumber(value: number | string | bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new RangeError(`Cannot read database number "${value}": it is not a safe integer`);
  }
  return number;
}

/** Epoch milliseconds to a `Date`. */
export function toDate(value: number | string): Date {
  return new Date(toNumber(value));
}

/** Nullable epoch milliseconds to a `Date` or null. */
export function toNullableDate(value: number | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** A driver's bytes (`Buffer` on PostgreSQL/MySQL) as a plain `Uint8Array` copy. */
export function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value);
}

/** Bytes in the form every driver binds as a blob. */
export function toDriverBytes(value: Uint8Array): Uint8Array {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SyntaxError(`Cannot read stored ${what}: it is not valid JSON`, { cause: error });
  }
}

/** A `guild_settings` row as `GuildSettings`. */
export function toGuildSettings(row: GuildSettingsRow): GuildSettings {
  return {
    guildId: row.guild_id as GuildId,
    logChannelId: row.log_channel_id as ChannelId | null,
    transcriptDm: row.transcript_dm === 1,
    language: row.language !== null && isLocale(row.language) ? row.language : null,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** Stored questions; a plain string (written before questions had a style) is a short text. */
function toQuestions(text: string): TypeQuestion[] {
  return parseJson<Array<TypeQuestion | string>>(text, "questions").map((q) =>
    typeof q === "string" ? { label: q, style: "short", required: true, options: [] } : q
  );
}

function nullableJson<T>(text: string | null, what: string): T | null {
  return text === null ? null : parseJson<T>(text, what);
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : toNumber(value);
}

/** A `ticket_types` row as a `TicketType`. */
export function toTicketType(row: TicketTypeRow): TicketType {
  return {
    id: toNumber(row.id) as TicketTypeId,
    guildId: row.guild_id as GuildId,
    name: row.name,
    isDefault: row.is_default !== null && toNumber(row.is_default) === 1,
    emoji: row.emoji,
    description: row.description,
    categoryId: row.category_id as ChannelId | null,
    mode: row.mode === "thread" ? "thread" : "channel",
    parentChannelId: row.parent_channel_id as ChannelId | null,
    staffRoleIds: parseJson<RoleId[]>(row.staff_role_ids, "staff role ids"),
    namingScheme: row.naming_scheme,
    welcomeText: row.welcome_text,
    questions: toQuestions(row.questions),
    maxOpenPerMember: toNumber(row.max_open_per_member),
    totalOpenCap: nullableNumber(row.total_open_cap),
    cooldownSeconds: nullableNumber(row.cooldown_seconds),
    requiredRoleIds: nullableJson<RoleId[]>(row.required_role_ids, "required roles") ?? [],
    blockedRoleIds: nullableJson<RoleId[]>(row.blocked_role_ids, "blocked roles") ?? [],
    openersMayAddMembers: toNumber(row.openers_may_add_members) === 1,
    claimMode: row.claim_mode === "hide" || row.claim_mode === "readonly" ? row.claim_mode : "open",
    supportHours: nullableJson<SupportHours>(row.support_hours, "support hours"),
    autoClose: nullableJson<AutoClose>(row.auto_close, "auto close"),
    closeWhenOpenerLeaves: toNumber(row.close_when_opener_leaves) === 1,
    feedback: toNumber(row.feedback) === 1,
    transcriptChannelId: row.transcript_channel_id as ChannelId | null,
    retentionDays: nullableNumber(row.retention_days),
    closeRequestTimeoutHours: toNumber(row.close_request_timeout_hours),
    threadClose: row.thread_close === "delete" ? "delete" : "archive",
  };
}

/** A `panels` row as a `Panel`. */
export function toPanel(row: PanelRow): Panel {
  const typeId = toNumber(row.type_id) as TicketTypeId;
  const typeIds = nullableJson<number[]>(row.type_ids, "panel types") ?? [typeId];
  return {
    id: toNumber(row.id),
    guildId: row.guild_id as GuildId,
    channelId: row.channel_id as ChannelId,
    messageId: row.message_id as MessageId,
    typeId,
    typeIds: typeIds as TicketTypeId[],
    style: row.style === "select" ? "select" : "buttons",
    title: row.title,
    description: row.description,
    buttonLabel: row.button_label,
    createdBy: row.created_by as UserId,
    createdAt: toDate(row.created_at),
  };
}

/** A `tickets` row as a `Ticket`. */
export function toTicket(row: TicketRow): Ticket {
  return {
    id: toNumber(row.id) as TicketId,
    guildId: row.guild_id as GuildId,
    number: toNumber(row.number),
    typeId: toNumber(row.type_id) as TicketTypeId,
    channelId: row.channel_id as ChannelId | null,
    openerId: row.opener_id as UserId,
    status: row.status as TicketStatus,
    claimedBy: row.claimed_by as UserId | null,
    topic: row.topic,
    answers: parseJson<TicketAnswer[]>(row.answers, "ticket answers"),
    createdAt: toDate(row.created_at),
    closedAt: toNullableDate(row.closed_at),
    closedBy: row.closed_by as UserId | null,
    closeReason: row.close_reason,
    closeStep: row.close_step as CloseStep | null,
    assistantPaused: row.assistant_paused === 1,
    relayNoticeAt: toNullableDate(row.relay_notice_at),
    priority: row.priority as TicketPriority,
    waitingFor: row.waiting_for as WaitingFor | null,
    expiredAt: toNullableDate(row.expired_at),
    reopenCount: toNumber(row.reopen_count),
    // Set only once staff opened one, so tickets without stay as they always were.
    ...(row.notes_thread_id == null ? {} : { notesThreadId: row.notes_thread_id as ChannelId }),
  };
}

/** A `tags` row as a `Tag`. */
export function toTag(row: TagRow): Tag {
  return {
    guildId: row.guild_id as GuildId,
    name: row.name,
    content: row.content,
    createdBy: row.created_by as UserId,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A `ticket_members` row as a `TicketMember`. */
export function toTicketMember(row: TicketMemberRow): TicketMember {
  return {
    ticketId: toNumber(row.ticket_id) as TicketId,
    userId: row.user_id as UserId,
    addedBy: row.added_by as UserId,
    addedAt: toDate(row.added_at),
  };
}

/** An `attachments` row as a `StoredAttachment` (bytes copied). */
export function toStoredAttachment(row: AttachmentRow): StoredAttachment {
  return {
    ticketId: toNumber(row.ticket_id) as TicketId,
    messageId: row.message_id as MessageId,
    attachmentId: row.attachment_id,
    filename: row.filename,
    contentType: row.content_type,
    size: toNumber(row.size),
    data: toBytes(row.data),
  };
}

/** An `archived_messages` row as an `ArchivedMessage`. */
export function toArchivedMessage(row: ArchivedMessageRow): ArchivedMessage {
  return {
    ticketId: toNumber(row.ticket_id) as TicketId,
    messageId: row.message_id as MessageId,
    authorId: row.author_id as UserId,
    payload: row.payload,
    createdAt: toDate(row.created_at),
    editedAt: toNullableDate(row.edited_at),
    deletedAt: toNullableDate(row.deleted_at),
  };
}

/** An `audit_events` row as an `AuditEvent`. */
export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: toNumber(row.id),
    guildId: row.guild_id as GuildId,
    ticketId: row.ticket_id === null ? null : toNumber(row.ticket_id) as TicketId,
    actorId: row.actor_id as UserId | null,
    action: row.action,
    detail: parseJson<Record<string, unknown>>(row.detail, "audit detail"),
    createdAt: toDate(row.created_at),
  };
}
