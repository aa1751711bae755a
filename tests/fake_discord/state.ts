import { signLink } from "./cdn_links.ts";
import { threadJson } from "./thread_json.ts";
import { compareSnowflakes, SnowflakeSource, snowflakeTime } from "./snowflake.ts";
import type {
  FakeAttachment,
  FakeChannel,
  FakeCommand,
  FakeGuild,
  FakeMember,
  FakeMessage,
  FakeOverwrite,
  FakeRole,
  FakeUser,
} from "./types.ts";

/** Permissions a bot is usually invited with (everything a ticket bot needs). */
export const TYPICAL_BOT_PERMISSIONS: bigint = (1n << 4n) | // Manage Channels
  (1n << 6n) | // Add Reactions
  (1n << 10n) | // View Channel
  (1n << 11n) | // Send Messages
  (1n << 13n) | // Manage Messages
  (1n << 14n) | // Embed Links
  (1n << 15n) | // Attach Files
  (1n << 16n) | // Read Message History
  (1n << 18n) | // Use External Emojis
  (1n << 28n); // Manage Roles

/** What @everyone may do in a new guild (view, send, read history, react …). */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint = (1n << 0n) | (1n << 6n) | (1n << 10n) |
  (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 18n);

/** The fake's whole world: users, guilds, roles, members, channels, messages, commands. */
export class FakeState {
  readonly ids: SnowflakeSource = new SnowflakeSource();
  readonly users: Map<string, FakeUser> = new Map();
  readonly guilds: Map<string, FakeGuild> = new Map();
  readonly roles: Map<string, FakeRole> = new Map();
  /** Members by guild id, then user id. */
  readonly members: Map<string, Map<string, FakeMember>> = new Map();
  readonly channels: Map<string, FakeChannel> = new Map();
  /** Messages by channel id, oldest first. */
  readonly messages: Map<string, FakeMessage[]> = new Map();
  /** Ephemeral interaction messages (never in channel history), by id. */
  readonly ephemeralMessages: Map<string, FakeMessage> = new Map();
  readonly commands: Map<string, FakeCommand> = new Map();
  /** DM channel id by user id. */
  readonly dmChannels: Map<string, string> = new Map();
  /** The role holding the bot's permissions, by guild id (when the fake made one). */
  readonly botRoles: Map<string, string> = new Map();
  /** Every stored upload by attachment id (served by the fake CDN). */
  readonly attachments: Map<string, FakeAttachment> = new Map();
  /** Nonces of the bot's messages sent with `enforce_nonce`: the message and when. */
  readonly nonces: Map<string, { channelId: string; messageId: string; at: number }> = new Map();
  readonly botUser: FakeUser;
  readonly #channelsByGuild = new Map<string, Set<string>>();
  readonly #rolesByGuild = new Map<string, Set<string>>();
  #onChange: () => void;

  constructor(botUser: FakeUser, onChange: () => void) {
    this.botUser = botUser;
    this.users.set(botUser.id, botUser);
    this.#onChange = onChange;
  }

  /** Tells waiters the state changed. */
  changed(): void {
    this.#onChange();
  }

  // --- builders ------------------------------------------------------------

  /** Removes a role from the guild and from its members. */
  deleteRole(roleId: string): void {
    const role = this.roles.get(roleId);
    if (role === undefined) return;
    this.roles.delete(roleId);
    this.#rolesByGuild.get(role.guild_id)?.delete(roleId);
    for (const member of this.members.get(role.guild_id)?.values() ?? []) {
      member.roles = member.roles.filter((r) => r !== roleId);
    }
    this.changed();
  }

  /** Adds a user (not yet a member of any guild). */
  createUser(
    options: { username: string; bot?: boolean; globalName?: string; id?: string },
  ): FakeUser {
    const user: FakeUser = {
      id: options.id ?? this.ids.next(),
      username: options.username,
      global_name: options.globalName ?? null,
      avatar: null,
      bot: options.bot ?? false,
      dmsClosed: false,
    };
    this.users.set(user.id, user);
    this.changed();
    return user;
  }

  /** Adds a guild with its @everyone role; the bot joins with a role of typical permissions. */
  createGuild(
    options: {
      name: string;
      ownerId?: string;
      botPermissions?: bigint;
      botJoins?: boolean;
      everyonePermissions?: bigint;
    },
  ): FakeGuild {
    const id = this.ids.nextSpread();
    const owner = options.ownerId ?? this.createUser({ username: `${options.name}-owner` }).id;
    const guild: FakeGuild = { id, name: options.name, owner_id: owner };
    this.guilds.set(id, guild);
    this.members.set(id, new Map());
    this.#rolesByGuild.set(id, new Set([id]));
    this.roles.set(id, {
      id,
      guild_id: id,
      name: "@everyone",
      permissions: String(options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
      position: 0,
      managed: false,
      color: 0,
      hoist: false,
      mentionable: false,
    });
    this.addMember(id, owner, []);
    if (options.botJoins !== false) {
      const role = this.createRole(id, {
        name: this.botUser.username,
        permissions: options.botPermissions ?? TYPICAL_BOT_PERMISSIONS,
        managed: true,
      });
      this.botRoles.set(id, role.id);
      this.addMember(id, this.botUser.id, [role.id]);
    }
    this.changed();
    return guild;
  }

  /** Adds a role just above @everyone, as Discord places new roles. */
  createRole(
    guildId: string,
    options: { name: string; permissions?: bigint | string; managed?: boolean },
  ): FakeRole {
    for (const other of this.rolesOf(guildId)) {
      if (other.position >= 1) other.position++;
    }
    const position = 1;
    const role: FakeRole = {
      id: this.ids.next(),
      guild_id: guildId,
      name: options.name,
      permissions: String(options.permissions ?? 0n),
      position,
      managed: options.managed ?? false,
      color: 0,
      hoist: false,
      mentionable: false,
    };
    this.roles.set(role.id, role);
    this.#rolesByGuild.get(guildId)?.add(role.id);
    this.changed();
    return role;
  }

  /** Makes `userId` a member of the guild with `roles`. */
  addMember(guildId: string, userId: string, roles: string[]): FakeMember {
    const member: FakeMember = {
      guild_id: guildId,
      user_id: userId,
      roles: [...roles],
      nick: null,
      joined_at: new Date().toISOString(),
    };
    this.members.get(guildId)?.set(userId, member);
    this.changed();
    return member;
  }

  /** Adds a channel directly (no permission checks). */
  createChannel(
    guildId: string,
    options: {
      name: string;
      type?: number;
      parentId?: string | null;
      topic?: string | null;
      overwrites?: FakeOverwrite[];
      position?: number;
    },
  ): FakeChannel {
    const siblings = options.position === undefined
      ? this.channelsOf(guildId).filter((c) => c.parent_id === (options.parentId ?? null))
      : [];
    const channel: FakeChannel = {
      id: this.ids.next(),
      type: options.type ?? 0,
      guild_id: guildId,
      name: options.name,
      parent_id: options.parentId ?? null,
      position: options.position ?? siblings.length,
      topic: options.topic ?? null,
      permission_overwrites: options.overwrites ?? [],
      recipient_id: null,
      last_message_id: null,
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    let index = this.#channelsByGuild.get(guildId);
    if (index === undefined) {
      index = new Set();
      this.#channelsByGuild.set(guildId, index);
    }
    index.add(channel.id);
    this.changed();
    return channel;
  }

  /** The DM channel with a user, made on first use. */
  dmChannelWith(userId: string): FakeChannel {
    const existing = this.dmChannels.get(userId);
    const found = existing === undefined ? undefined : this.channels.get(existing);
    if (found !== undefined) return found;
    const channel: FakeChannel = {
      id: this.ids.next(),
      type: 1,
      guild_id: null,
      name: null,
      parent_id: null,
      position: 0,
      topic: null,
      permission_overwrites: [],
      recipient_id: userId,
      last_message_id: null,
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    this.dmChannels.set(userId, channel.id);
    this.changed();
    return channel;
  }

  /** Stores a message in its channel's history. */
  addMessage(
    channelId: string,
    authorId: string,
    fields: Partial<Omit<FakeMessage, "id" | "channel_id" | "author_id">> = {},
  ): FakeMessage {
    const message: FakeMessage = {
      id: this.ids.next(),
      channel_id: channelId,
      author_id: authorId,
      content: fields.content ?? "",
      embeds: fields.embeds ?? [],
      components: fields.components ?? [],
      attachments: fields.attachments ?? [],
      timestamp: fields.timestamp ?? new Date().toISOString(),
      edited_timestamp: fields.edited_timestamp ?? null,
      flags: fields.flags ?? 0,
      webhook_id: fields.webhook_id ?? null,
      interaction_id: fields.interaction_id ?? null,
      mentions: fields.mentions ?? [],
      mention_roles: fields.mention_roles ?? [],
    };
    message.timestamp = fields.timestamp ?? snowflakeTime(message.id).toISOString();
    if ((message.flags & 64) !== 0) {
      this.ephemeralMessages.set(message.id, message);
    } else {
      const list = this.messages.get(channelId) ?? [];
      list.push(message);
      this.messages.set(channelId, list);
      const channel = this.channels.get(channelId);
      if (channel !== undefined) channel.last_message_id = message.id;
      if (channel?.thread !== undefined) channel.thread.message_count++;
    }
    this.changed();
    return message;
  }

  /** Makes a stored file for a message (its URL points at the fake CDN). */
  makeAttachment(
    baseUrl: string,
    channelId: string,
    file: { filename: string; data: Uint8Array; contentType?: string | null },
  ): FakeAttachment {
    const id = this.ids.next();
    const url = `${baseUrl}/cdn/attachments/${channelId}/${id}/${
      encodeURIComponent(file.filename)
    }`;
    const attachment: FakeAttachment = {
      id,
      filename: file.filename,
      content_type: file.contentType ?? null,
      size: file.data.byteLength,
      url,
      proxy_url: url,
      data: file.data,
    };
    this.attachments.set(id, attachment);
    return attachment;
  }

  // --- queries -------------------------------------------------------------

  /** Roles of a guild, @everyone first, by position. */
  rolesOf(guildId: string): FakeRole[] {
    const ids = this.#rolesByGuild.get(guildId) ?? new Set<string>();
    const roles: FakeRole[] = [];
    for (const id of ids) {
      const role = this.roles.get(id);
      if (role !== undefined) roles.push(role);
    }
    return roles.sort((a, b) => a.position - b.position);
  }

  /** Channels of a guild (not DMs). */
  channelsOf(guildId: string): FakeChannel[] {
    const ids = this.#channelsByGuild.get(guildId) ?? new Set<string>();
    const channels: FakeChannel[] = [];
    for (const id of ids) {
      const channel = this.channels.get(id);
      if (channel !== undefined) channels.push(channel);
    }
    return channels;
  }

  /** Users a message notifies: those it mentions and the members of the roles it mentions. */
  notifiedBy(message: FakeMessage): string[] {
    const guildId = this.channels.get(message.channel_id)?.guild_id ?? null;
    const notified = new Set(message.mentions);
    if (guildId !== null) {
      for (const member of this.members.get(guildId)?.values() ?? []) {
        if (member.roles.some((r) => message.mention_roles.includes(r))) {
          notified.add(member.user_id);
        }
      }
    }
    return [...notified];
  }

  /** A channel's history, oldest first. */
  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.get(channelId) ?? [];
  }

  /** A message in a channel's history, or an ephemeral one. */
  findMessage(channelId: string, messageId: string): FakeMessage | undefined {
    return this.messagesIn(channelId).find((m) => m.id === messageId) ??
      this.ephemeralMessages.get(messageId);
  }

  /** Removes a message from history (or the ephemeral store). */
  deleteMessage(channelId: string, messageId: string): boolean {
    if (this.ephemeralMessages.delete(messageId)) return true;
    const list = this.messagesIn(channelId);
    const index = list.findIndex((m) => m.id === messageId);
    if (index < 0) return false;
    list.splice(index, 1);
    this.changed();
    return true;
  }

  /** Removes a channel and its messages. */
  deleteChannel(channelId: string): void {
    const guildId = this.channels.get(channelId)?.guild_id;
    if (guildId !== undefined && guildId !== null) {
      this.#channelsByGuild.get(guildId)?.delete(channelId);
    }
    this.channels.delete(channelId);
    this.messages.delete(channelId);
    this.changed();
  }

  member(guildId: string, userId: string): FakeMember | undefined {
    return this.members.get(guildId)?.get(userId);
  }

  /** The messages of a channel, newest first, paged like Discord. */
  pageMessages(
    channelId: string,
    options: { limit: number; before?: string; after?: string; around?: string },
  ): FakeMessage[] {
    const all = [...this.messagesIn(channelId)].sort((a, b) => compareSnowflakes(a.id, b.id));
    const { limit } = options;
    if (options.after !== undefined) {
      const after = options.after;
      const newer = all.filter((m) => compareSnowflakes(m.id, after) > 0);
      return newer.slice(0, limit).reverse();
    }
    if (options.before !== undefined) {
      const before = options.before;
      const older = all.filter((m) => compareSnowflakes(m.id, before) < 0);
      return older.slice(Math.max(0, older.length - limit)).reverse();
    }
    if (options.around !== undefined) {
      const around = options.around;
      const index = all.findIndex((m) => compareSnowflakes(m.id, around) >= 0);
      const center = index < 0 ? all.length : index;
      const start = Math.max(0, center - Math.floor(limit / 2));
      return all.slice(start, start + limit).reverse();
    }
    return all.slice(Math.max(0, all.length - limit)).reverse();
  }

  // --- Discord JSON ----------------------------------------------------------

  userJson(user: FakeUser): Record<string, unknown> {
    return {
      id: user.id,
      username: user.username,
      global_name: user.global_name,
      avatar: user.avatar,
      discriminator: "0",
      public_flags: 0,
      flags: 0,
      bot: user.bot,
    };
  }

  roleJson(role: FakeRole): Record<string, unknown> {
    return {
      id: role.id,
      name: role.name,
      color: role.color,
      colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
      hoist: role.hoist,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions,
      managed: role.managed,
      mentionable: role.mentionable,
      flags: 0,
    };
  }

  memberJson(member: FakeMember): Record<string, unknown> {
    const user = this.users.get(member.user_id);
    return {
      user: user === undefined ? { id: member.user_id } : this.userJson(user),
      nick: member.nick,
      avatar: null,
      roles: member.roles,
      joined_at: member.joined_at,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    };
  }

  channelJson(channel: FakeChannel): Record<string, unknown> {
    if (channel.thread !== undefined) return threadJson({ ...channel, thread: channel.thread });
    if (channel.type === 1) {
      const user = channel.recipient_id === null ? undefined : this.users.get(channel.recipient_id);
      return {
        id: channel.id,
        type: 1,
        last_message_id: channel.last_message_id,
        flags: 0,
        recipients: user === undefined ? [] : [this.userJson(user)],
      };
    }
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guild_id,
      name: channel.name,
      parent_id: channel.parent_id,
      position: channel.position,
      topic: channel.topic,
      nsfw: false,
      flags: 0,
      rate_limit_per_user: 0,
      last_message_id: channel.type === 0 ? channel.last_message_id : undefined,
      permission_overwrites: channel.permission_overwrites.map((o) => ({ ...o })),
    };
  }

  /** The CDN's clock runs this far ahead of the real one (`advanceCdnClock`). */
  cdnOffsetMs = 0;

  /** Now, as the CDN sees it. */
  cdnNow(): number {
    return Date.now() + this.cdnOffsetMs;
  }

  attachmentJson(attachment: FakeAttachment): Record<string, unknown> {
    // Every read signs the links afresh, as Discord does.
    const now = this.cdnNow();
    return {
      id: attachment.id,
      filename: attachment.filename,
      size: attachment.size,
      url: signLink(attachment.url, now),
      proxy_url: signLink(attachment.proxy_url, now),
      content_type: attachment.content_type ?? undefined,
    };
  }

  /** A message as REST and the gateway show it; `hideContent` blanks privileged fields. */
  messageJson(message: FakeMessage, hideContent = false): Record<string, unknown> {
    const author = this.users.get(message.author_id);
    const channel = this.channels.get(message.channel_id);
    return {
      id: message.id,
      type: message.interaction_id !== null ? 20 : 0,
      channel_id: message.channel_id,
      guild_id: channel?.guild_id ?? undefined,
      author: author === undefined ? { id: message.author_id } : this.userJson(author),
      content: hideContent ? "" : message.content,
      embeds: hideContent ? [] : message.embeds,
      components: message.components,
      attachments: hideContent ? [] : message.attachments.map((a) => this.attachmentJson(a)),
      timestamp: message.timestamp,
      edited_timestamp: message.edited_timestamp,
      flags: message.flags,
      tts: false,
      mention_everyone: false,
      mentions: message.mentions.flatMap((id) => {
        const user = this.users.get(id);
        return user === undefined ? [] : [this.userJson(user)];
      }),
      mention_roles: message.mention_roles,
      pinned: false,
      webhook_id: message.webhook_id ?? undefined,
    };
  }

  guildJson(guild: FakeGuild): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: guild.owner_id,
      roles: this.rolesOf(guild.id).map((r) => this.roleJson(r)),
      emojis: [],
      features: [],
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
      stickers: [],
    };
  }

  /** The GUILD_CREATE payload: the guild plus channels and members. */
  guildCreateJson(guild: FakeGuild): Record<string, unknown> {
    const members = [...(this.members.get(guild.id)?.values() ?? [])];
    return {
      ...this.guildJson(guild),
      unavailable: false,
      large: members.length > 250,
      member_count: members.length,
      joined_at: new Date().toISOString(),
      channels: this.channelsOf(guild.id).map((c) => this.channelJson(c)),
      members: members.map((m) => this.memberJson(m)),
      threads: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }
}
