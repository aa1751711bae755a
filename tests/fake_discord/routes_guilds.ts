import type { FakeContext, Handler, RestRequest } from "./context.ts";
import { Intent } from "./context.ts";
import {
  discordError,
  fieldError,
  invalidFormBody,
  missingAccess,
  missingPermissions,
  unknown,
} from "./http_errors.ts";
import { textChannelName } from "./message_rules.ts";
import { basePermissions, channelPermissions } from "./permissions.ts";
import { deleteThread, editThread, isThread } from "./threads.ts";
import type { FakeChannel, FakeOverwrite } from "./types.ts";

const ADMINISTRATOR = 1n << 3n;
const MANAGE_CHANNELS = 1n << 4n;
const VIEW_CHANNEL = 1n << 10n;
const MANAGE_ROLES = 1n << 28n;

/** Discord's per-category and per-guild channel limits. */
export const CHANNELS_PER_CATEGORY = 50;
export const CHANNELS_PER_GUILD = 500;

const json = (value: unknown, status = 200) => Response.json(value, { status });
const obj = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? body as Record<string, unknown>
    : {};

function botBase(ctx: FakeContext, guildId: string): bigint {
  return basePermissions(ctx.state, guildId, ctx.state.botUser.id);
}

function botIn(ctx: FakeContext, channelId: string): bigint {
  return channelPermissions(ctx.state, channelId, ctx.state.botUser.id);
}

const isAdmin = (permissions: bigint) => (permissions & ADMINISTRATOR) !== 0n;

function botTopPosition(ctx: FakeContext, guildId: string): number {
  const member = ctx.state.member(guildId, ctx.state.botUser.id);
  let top = 0;
  for (const roleId of member?.roles ?? []) {
    top = Math.max(top, ctx.state.roles.get(roleId)?.position ?? 0);
  }
  return top;
}

/** Checks overwrites the bot wants to set: it may only allow or deny what it holds. */
function overwriteRefusal(
  held: bigint,
  overwrites: { allow?: unknown; deny?: unknown }[],
): Response | null {
  if (isAdmin(held) || held === (1n << 52n) - 1n) return null;
  for (const overwrite of overwrites) {
    const bits = BigInt(String(overwrite.allow ?? "0")) | BigInt(String(overwrite.deny ?? "0"));
    // Manage Roles in an overwrite is reserved to administrators.
    if ((bits & MANAGE_ROLES) !== 0n) return missingPermissions();
    if ((bits & ~held) !== 0n) return missingPermissions();
  }
  return null;
}

function toOverwrites(raw: unknown): FakeOverwrite[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry) => {
    const o = obj(entry);
    return {
      id: String(o.id),
      type: Number(o.type ?? 0) === 1 ? 1 : 0,
      allow: String(o.allow ?? "0"),
      deny: String(o.deny ?? "0"),
    };
  });
}

function guildOf(ctx: FakeContext, request: RestRequest): string | Response {
  const guildId = request.params.guild_id ?? "";
  if (!ctx.state.guilds.has(guildId)) return unknown.guild();
  if (ctx.state.member(guildId, ctx.state.botUser.id) === undefined) return missingAccess();
  return guildId;
}

/** A handler for a route below `/guilds/{guild_id}`, run only where the bot is a member. */
function inGuild(
  handler: (guildId: string, ctx: FakeContext, request: RestRequest) => Response,
): Handler {
  return (request, ctx) => {
    const guildId = guildOf(ctx, request);
    return guildId instanceof Response ? guildId : handler(guildId, ctx, request);
  };
}

/** The category `parentId` names in this guild, or Discord's refusal. */
function categoryOf(ctx: FakeContext, guildId: string, parentId: string): FakeChannel | Response {
  const parent = ctx.state.channels.get(parentId);
  if (parent === undefined || parent.guild_id !== guildId || parent.type !== 4) {
    return invalidFormBody(
      fieldError(["parent_id"], "CHANNEL_PARENT_INVALID", "Not a category in this guild."),
    );
  }
  return parent;
}

/** Discord's refusal when the category already holds its most channels, else null. */
function categoryFull(ctx: FakeContext, guildId: string, parentId: string): Response | null {
  const children = ctx.state.channelsOf(guildId).filter((c) => c.parent_id === parentId);
  if (children.length < CHANNELS_PER_CATEGORY) return null;
  return invalidFormBody(
    fieldError(
      ["parent_id"],
      "CHANNEL_PARENT_MAX_CHANNELS",
      "Maximum number of channels in category reached (50)",
    ),
  );
}

/** The name Discord stores for a channel of `type` (text channels are slugged), or its refusal. */
function channelName(type: number, raw: string): string | Response {
  const name = type === 0 ? textChannelName(raw) : raw.trim();
  if (name.length < 1 || name.length > 100) {
    return invalidFormBody(
      fieldError(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."),
    );
  }
  return name;
}

/** The channel named in the path, or the refusal Discord would give the bot. */
export function visibleChannel(ctx: FakeContext, request: RestRequest): FakeChannel | Response {
  const channel = ctx.state.channels.get(request.params.channel_id ?? "");
  if (channel === undefined) return unknown.channel();
  if (channel.guild_id === null) return channel;
  if ((botIn(ctx, channel.id) & VIEW_CHANNEL) === 0n) return missingAccess();
  return channel;
}

export const getGuild: Handler = inGuild((guildId, ctx) => {
  const guild = ctx.state.guilds.get(guildId);
  return guild === undefined ? unknown.guild() : json(ctx.state.guildJson(guild));
});

export const listGuildChannels: Handler = inGuild((guildId, ctx) => {
  return json(ctx.state.channelsOf(guildId).map((c) => ctx.state.channelJson(c)));
});

export const createGuildChannel: Handler = inGuild((guildId, ctx, request) => {
  const body = obj(request.body);
  const type = Number(body.type ?? 0);
  const parentId = typeof body.parent_id === "string" ? body.parent_id : null;
  let held = botBase(ctx, guildId);
  let parent: FakeChannel | undefined;
  if (parentId !== null) {
    const category = categoryOf(ctx, guildId, parentId);
    if (category instanceof Response) return category;
    parent = category;
    held = botIn(ctx, parent.id);
  }
  if ((held & MANAGE_CHANNELS) === 0n) return missingPermissions();
  const overwrites = toOverwrites(body.permission_overwrites);
  if (overwrites.length > 0) {
    if ((held & MANAGE_ROLES) === 0n) return missingPermissions();
    const refusal = overwriteRefusal(held, overwrites);
    if (refusal !== null) return refusal;
  }
  if (ctx.state.channelsOf(guildId).length >= CHANNELS_PER_GUILD) {
    return discordError(400, 30013, "Maximum number of guild channels reached (500)");
  }
  if (parent !== undefined) {
    const full = categoryFull(ctx, guildId, parent.id);
    if (full !== null) return full;
  }
  const name = channelName(type, String(body.name ?? ""));
  if (name instanceof Response) return name;
  const channel = ctx.state.createChannel(guildId, {
    name,
    type,
    parentId,
    topic: typeof body.topic === "string" ? body.topic : null,
    // Without overwrites, a channel made in a category is synced with it.
    overwrites: body.permission_overwrites === undefined && parent !== undefined
      ? parent.permission_overwrites.map((o) => ({ ...o }))
      : overwrites,
    ...(typeof body.position === "number" ? { position: body.position } : {}),
  });
  const payload = ctx.state.channelJson(channel);
  ctx.emit(guildId, "CHANNEL_CREATE", payload, Intent.Guilds);
  return json(payload, 201);
});

export const getChannel: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  return json(ctx.state.channelJson(channel));
};

export const editChannel: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  if (channel.guild_id === null) {
    return discordError(400, 50003, "Cannot execute action on a DM channel");
  }
  const guildId = channel.guild_id;
  const held = botIn(ctx, channel.id);
  if (isThread(channel)) return editThread(ctx, channel, obj(request.body), held);
  if ((held & MANAGE_CHANNELS) === 0n) return missingPermissions();
  const body = obj(request.body);
  if (body.permission_overwrites !== undefined && body.permission_overwrites !== null) {
    if ((held & MANAGE_ROLES) === 0n) return missingPermissions();
    const refusal = overwriteRefusal(held, toOverwrites(body.permission_overwrites));
    if (refusal !== null) return refusal;
  }
  if (typeof body.name === "string") {
    const name = channelName(channel.type, body.name);
    if (name instanceof Response) return name;
    channel.name = name;
  }
  if (body.parent_id !== undefined) {
    const parentId = typeof body.parent_id === "string" ? body.parent_id : null;
    if (parentId !== null && parentId !== channel.parent_id) {
      const parent = categoryOf(ctx, guildId, parentId);
      if (parent instanceof Response) return parent;
      const full = categoryFull(ctx, guildId, parentId);
      if (full !== null) return full;
    }
    channel.parent_id = parentId;
  }
  if (body.topic !== undefined) channel.topic = typeof body.topic === "string" ? body.topic : null;
  if (typeof body.position === "number") channel.position = body.position;
  if (Array.isArray(body.permission_overwrites)) {
    channel.permission_overwrites = toOverwrites(body.permission_overwrites);
  }
  ctx.state.changed();
  const payload = ctx.state.channelJson(channel);
  ctx.emit(guildId, "CHANNEL_UPDATE", payload, Intent.Guilds);
  return json(payload);
};

export const deleteChannel: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  if (isThread(channel)) return deleteThread(ctx, channel, botIn(ctx, channel.id));
  if (channel.guild_id !== null && (botIn(ctx, channel.id) & MANAGE_CHANNELS) === 0n) {
    return missingPermissions();
  }
  const payload = ctx.state.channelJson(channel);
  if (channel.type === 4) {
    for (const child of ctx.state.channels.values()) {
      if (child.parent_id === channel.id) child.parent_id = null;
    }
  }
  if (channel.recipient_id !== null) ctx.state.dmChannels.delete(channel.recipient_id);
  ctx.state.deleteChannel(channel.id);
  ctx.emit(channel.guild_id, "CHANNEL_DELETE", payload, Intent.Guilds);
  return json(payload);
};

export const putOverwrite: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  if (isThread(channel)) {
    return discordError(400, 50024, "Cannot execute action on this channel type");
  }
  if (channel.guild_id === null) {
    return discordError(400, 50003, "Cannot execute action on a DM channel");
  }
  const held = botIn(ctx, channel.id);
  if ((held & MANAGE_ROLES) === 0n) return missingPermissions();
  const body = obj(request.body);
  const targetId = request.params.overwrite_id ?? "";
  const type = Number(body.type ?? 0) === 1 ? 1 : 0;
  if (type === 0 && ctx.state.roles.get(targetId)?.guild_id !== channel.guild_id) {
    return unknown.role();
  }
  if (type === 1 && !ctx.state.users.has(targetId)) return unknown.user();
  const refusal = overwriteRefusal(held, [body]);
  if (refusal !== null) return refusal;
  const overwrite: FakeOverwrite = {
    id: targetId,
    type,
    allow: String(body.allow ?? "0"),
    deny: String(body.deny ?? "0"),
  };
  const index = channel.permission_overwrites.findIndex((o) => o.id === targetId);
  if (index >= 0) channel.permission_overwrites[index] = overwrite;
  else channel.permission_overwrites.push(overwrite);
  ctx.state.changed();
  ctx.emit(channel.guild_id, "CHANNEL_UPDATE", ctx.state.channelJson(channel), Intent.Guilds);
  return new Response(null, { status: 204 });
};

export const deleteOverwrite: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  if (isThread(channel)) {
    return discordError(400, 50024, "Cannot execute action on this channel type");
  }
  if (channel.guild_id === null) {
    return discordError(400, 50003, "Cannot execute action on a DM channel");
  }
  if ((botIn(ctx, channel.id) & MANAGE_ROLES) === 0n) return missingPermissions();
  const targetId = request.params.overwrite_id ?? "";
  channel.permission_overwrites = channel.permission_overwrites.filter((o) => o.id !== targetId);
  ctx.state.changed();
  ctx.emit(channel.guild_id, "CHANNEL_UPDATE", ctx.state.channelJson(channel), Intent.Guilds);
  return new Response(null, { status: 204 });
};

export const listRoles: Handler = inGuild((guildId, ctx) => {
  return json(ctx.state.rolesOf(guildId).map((r) => ctx.state.roleJson(r)));
});

export const createRole: Handler = inGuild((guildId, ctx, request) => {
  const held = botBase(ctx, guildId);
  if ((held & MANAGE_ROLES) === 0n) return missingPermissions();
  const body = obj(request.body);
  const permissions = BigInt(String(body.permissions ?? "0"));
  if (!isAdmin(held) && (permissions & ~held) !== 0n) return missingPermissions();
  const role = ctx.state.createRole(guildId, {
    name: typeof body.name === "string" ? body.name : "new role",
    permissions,
  });
  if (typeof body.color === "number") role.color = body.color;
  if (typeof body.hoist === "boolean") role.hoist = body.hoist;
  if (typeof body.mentionable === "boolean") role.mentionable = body.mentionable;
  const payload = ctx.state.roleJson(role);
  ctx.emit(guildId, "GUILD_ROLE_CREATE", { guild_id: guildId, role: payload }, Intent.Guilds);
  return json(payload);
});

export const deleteRole: Handler = inGuild((guildId, ctx, request) => {
  const role = ctx.state.roles.get(request.params.role_id ?? "");
  if (role === undefined || role.guild_id !== guildId) return unknown.role();
  if ((botBase(ctx, guildId) & MANAGE_ROLES) === 0n) return missingPermissions();
  ctx.state.deleteRole(role.id);
  ctx.emit(guildId, "GUILD_ROLE_DELETE", { guild_id: guildId, role_id: role.id }, Intent.Guilds);
  return new Response(null, { status: 204 });
});

export const getMember: Handler = inGuild((guildId, ctx, request) => {
  const member = ctx.state.member(guildId, request.params.user_id ?? "");
  if (member === undefined) return unknown.member();
  return json(ctx.state.memberJson(member));
});

export const listMembers: Handler = inGuild((guildId, ctx, request) => {
  const limit = Number(request.query.get("limit") ?? "1");
  const after = request.query.get("after") ?? "0";
  const members = [...(ctx.state.members.get(guildId)?.values() ?? [])]
    .filter((m) => BigInt(m.user_id) > BigInt(after))
    .sort((a, b) => (BigInt(a.user_id) < BigInt(b.user_id) ? -1 : 1))
    .slice(0, Math.max(1, Math.min(1000, limit)));
  return json(members.map((m) => ctx.state.memberJson(m)));
});

export const addMemberRole: Handler = inGuild((guildId, ctx, request) => {
  const member = ctx.state.member(guildId, request.params.user_id ?? "");
  if (member === undefined) return unknown.member();
  const role = ctx.state.roles.get(request.params.role_id ?? "");
  if (role === undefined || role.guild_id !== guildId) return unknown.role();
  if ((botBase(ctx, guildId) & MANAGE_ROLES) === 0n) return missingPermissions();
  // A bot may only hand out roles below its own highest role.
  if (!isAdmin(botBase(ctx, guildId)) && role.position >= botTopPosition(ctx, guildId)) {
    return missingPermissions();
  }
  if (request.method === "PUT") {
    if (!member.roles.includes(role.id)) member.roles.push(role.id);
  } else {
    member.roles = member.roles.filter((r) => r !== role.id);
  }
  ctx.state.changed();
  return new Response(null, { status: 204 });
});
