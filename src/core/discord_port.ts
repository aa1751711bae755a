/**
 * The Discord port: what handlers may ask of Discord, and the records it answers
 * with. Interfaces only; `src/discord/rest` implements it, tests fake it.
 */
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "./ids.ts";
import type { ChannelKind, UserRef } from "./interaction.ts";
import type { MessageBody } from "./message_body.ts";

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
  /** The channel's topic (text channels; null when none or not given). */
  topic?: string | null;
}

export interface NewChannel {
  name: string;
  kind: "text" | "category";
  parentId?: ChannelId | null;
  topic?: string;
  overwrites: Overwrite[];
}

/** A private thread to start in a text channel (members are added one by one). */
export interface NewThread {
  name: string;
  /** Minutes without a message before Discord archives it: 60, 1440, 4320 or 10080. */
  autoArchiveMinutes?: 60 | 1440 | 4320 | 10080;
}

/** A change of a channel in one request; only the fields given are sent. */
export interface ChannelPatch {
  /** Send only when it differs from the current name: renames are rate limited hard. */
  name?: string;
  parentId?: ChannelId | null;
  /** The whole list: it replaces the channel's overwrites. */
  overwrites?: Overwrite[];
}

export interface Role {
  id: RoleId;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  /** Whether anyone may mention the role (so a mention notifies its members). */
  mentionable?: boolean;
  /** Discord's integer colour (0 = none). */
  color?: number;
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

export interface DiscordPort {
  /** The bot's own user (cached after the first call). */
  botUser(): Promise<UserRef>;

  channel(id: ChannelId): Promise<Channel | null>;
  guildChannels(guildId: GuildId): Promise<Channel[]>;
  createChannel(guildId: GuildId, channel: NewChannel): Promise<Channel>;
  deleteChannel(id: ChannelId, reason?: string): Promise<void>;
  /** Changes a channel's name, category and overwrites in one `PATCH`. */
  editChannel(id: ChannelId, patch: ChannelPatch): Promise<Channel>;
  editOverwrite(channelId: ChannelId, overwrite: Overwrite): Promise<void>;
  deleteOverwrite(
    channelId: ChannelId,
    targetId: RoleId | UserId,
  ): Promise<void>;

  /** Starts a private thread (type 12, not invitable) in `parentId`; the bot is its first member. */
  createPrivateThread(parentId: ChannelId, thread: NewThread): Promise<Channel>;
  addThreadMember(threadId: ChannelId, userId: UserId): Promise<void>;
  removeThreadMember(threadId: ChannelId, userId: UserId): Promise<void>;
  /** Archives a thread; `locked` keeps anyone without Manage Threads from unarchiving it. */
  archiveThread(threadId: ChannelId, options: { locked: boolean; reason?: string }): Promise<void>;
  /** Unarchives (and unlocks) a thread. */
  unarchiveThread(threadId: ChannelId): Promise<void>;
  /** The guild's active (not archived) threads the bot can see. */
  activeThreads(guildId: GuildId): Promise<Channel[]>;

  /** The guilds the bot is in (`GET /users/@me/guilds`, every page). */
  guilds(): Promise<Array<{ id: GuildId; name: string }>>;

  roles(guildId: GuildId): Promise<Role[]>;
  /** Creates a role with no guild-wide permissions that members can mention. */
  createRole(guildId: GuildId, name: string): Promise<Role>;
  /** A guild member, or null when they are not in the guild. */
  member(guildId: GuildId, userId: UserId): Promise<Member | null>;

  sendMessage(channelId: ChannelId, body: MessageBody): Promise<MessageId>;
  editMessage(
    channelId: ChannelId,
    messageId: MessageId,
    body: MessageBody,
  ): Promise<void>;
  deleteMessage(channelId: ChannelId, messageId: MessageId): Promise<void>;
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
}
