/**
 * The records the fake Discord keeps: close to Discord's own JSON (snake_case,
 * ids and permission bitfields as strings) so serialising them is a copy.
 */

/** A Discord user the fake knows. */
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  avatar: string | null;
  bot: boolean;
  /** When true, the user does not accept DMs: sending there answers 403 code 50007. */
  dmsClosed: boolean;
}

/** A guild role; `permissions` is a decimal bitfield string. */
export interface FakeRole {
  id: string;
  guild_id: string;
  name: string;
  permissions: string;
  position: number;
  managed: boolean;
  color: number;
  hoist: boolean;
  mentionable: boolean;
}

/** A member of a guild. */
export interface FakeMember {
  guild_id: string;
  user_id: string;
  roles: string[];
  nick: string | null;
  joined_at: string;
}

/** A channel permission overwrite: type 0 role, 1 member. */
export interface FakeOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** A channel: type 0 text, 1 DM, 4 category (other numbers are kept as given). */
export interface FakeChannel {
  id: string;
  type: number;
  guild_id: string | null;
  name: string | null;
  parent_id: string | null;
  position: number;
  topic: string | null;
  permission_overwrites: FakeOverwrite[];
  /** DM channels only: the other user. */
  recipient_id: string | null;
  last_message_id: string | null;
  /** Threads only (types 11 and 12): their metadata and members. */
  thread?: FakeThread;
}

/** What a thread holds besides a channel's fields. */
export interface FakeThread {
  owner_id: string;
  archived: boolean;
  locked: boolean;
  /** Private threads: whether members who are not moderators may add others. */
  invitable: boolean;
  auto_archive_duration: number;
  archive_timestamp: string;
  create_timestamp: string;
  /** User ids of the thread's members, in the order they joined. */
  members: string[];
  message_count: number;
}

/** An uploaded file, kept as bytes and served back from the fake CDN. */
export interface FakeAttachment {
  id: string;
  filename: string;
  content_type: string | null;
  size: number;
  url: string;
  proxy_url: string;
  data: Uint8Array;
}

/** A message in a channel (or an ephemeral interaction message, kept apart). */
export interface FakeMessage {
  id: string;
  channel_id: string;
  author_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: FakeAttachment[];
  timestamp: string;
  edited_timestamp: string | null;
  flags: number;
  /** Set on messages sent through an interaction webhook. */
  webhook_id: string | null;
  /** The interaction that produced the message, if any. */
  interaction_id: string | null;
  /** Users the message notifies through a mention. */
  mentions: string[];
  /** Roles the message notifies (mentionable, or the author may mention any role). */
  mention_roles: string[];
}

/** A guild. */
export interface FakeGuild {
  id: string;
  name: string;
  owner_id: string;
}

/** An application command, global (`guild_id` null) or per guild. */
export interface FakeCommand {
  id: string;
  application_id: string;
  guild_id: string | null;
  name: string;
  type: number;
  description: string;
  /** The definition as the bot sent it (options, permissions, localisations …). */
  definition: Record<string, unknown>;
  version: string;
}

/** One REST request the fake received. */
export interface CallRecord {
  method: string;
  /** The path with ids replaced by `:id` (tokens by `:token`), e.g. `/channels/:id/messages`. */
  route: string;
  /** The concrete path below `/api/v10`, without the query string. */
  path: string;
  query: Record<string, string>;
  /** The JSON body, or the parsed `payload_json` of a multipart body. */
  body: unknown;
  /** Files of a multipart body. */
  files: { field: string; filename: string; size: number }[];
  status: number;
  /** The `X-Audit-Log-Reason` header, decoded, or null. */
  reason: string | null;
  /** `performance.now()` when the request arrived. */
  at: number;
}

/** Something the bot did that Discord would refuse, or a rule of the fake it broke. */
export interface Violation {
  kind:
    | "schema"
    | "unknown_route"
    | "unauthorized"
    | "deadline"
    | "already_acknowledged"
    | "gateway"
    | "oauth2";
  method: string;
  route: string;
  detail: string;
  at: number;
}

/** A request sent to a route before the `retry_after` of its 429 had elapsed. */
export interface EarlyRetry {
  method: string;
  route: string;
  path: string;
  /** Milliseconds before the retry was allowed. */
  earlyByMs: number;
  global: boolean;
}
