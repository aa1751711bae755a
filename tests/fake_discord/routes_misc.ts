import type { FakeContext, Handler, RestRequest } from "./context.ts";
import { discordError, fieldError, invalidFormBody, unknown } from "./http_errors.ts";
import { mergeErrors } from "./validation.ts";
import type { FakeCommand } from "./types.ts";

const json = (value: unknown, status = 200) => Response.json(value, { status });
const obj = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? body as Record<string, unknown>
    : {};

export const gatewayBot: Handler = (_request, ctx) =>
  json({
    url: ctx.gateway.url,
    shards: ctx.gateway.shards,
    session_start_limit: {
      total: 1000,
      remaining: Math.max(0, 1000 - ctx.gateway.identifyCount),
      reset_after: 86_400_000,
      max_concurrency: ctx.maxConcurrency,
    },
  });

export const gateway: Handler = (_request, ctx) => json({ url: ctx.gateway.url });

export const currentUser: Handler = (_request, ctx) => json(ctx.state.userJson(ctx.state.botUser));

/** The guilds the bot is in, by id, paged with `after` and `limit` (1–200, default 200). */
export const currentUserGuilds: Handler = (request, ctx) => {
  const after = BigInt(request.query.get("after") ?? "0");
  const limit = Math.min(200, Math.max(1, Number(request.query.get("limit") ?? "200") || 200));
  const guilds = [...ctx.state.guilds.values()]
    .filter((guild) => ctx.state.members.get(guild.id)?.has(ctx.state.botUser.id) ?? false)
    .filter((guild) => BigInt(guild.id) > after)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
    .slice(0, limit)
    .map((guild) => ({
      id: guild.id,
      name: guild.name,
      icon: null,
      owner: false,
      permissions: "0",
      features: [],
    }));
  return json(guilds);
};

export const getUser: Handler = (request, ctx) => {
  const user = ctx.state.users.get(request.params.user_id ?? "");
  return user === undefined ? unknown.user() : json(ctx.state.userJson(user));
};

/** Application flag GATEWAY_MESSAGE_CONTENT_LIMITED: the intent is on (fewer than 100 guilds). */
const GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;

/** `GET /applications/@me`: Discord's PrivateApplicationResponse for the bot's application. */
export const currentApplication: Handler = (_request, ctx) => {
  const flags = ctx.messageContentIntent ? GATEWAY_MESSAGE_CONTENT_LIMITED : 0;
  const bot = { ...ctx.state.userJson(ctx.state.botUser), primary_guild: null };
  return json({
    id: ctx.state.botUser.id,
    name: ctx.state.botUser.username,
    icon: null,
    description: "",
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: ctx.publicKeyHex,
    flags,
    flags_new: String(flags),
    bot,
    owner: { ...bot, id: "100000000000000001", username: "owner", bot: false },
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    approximate_guild_count: ctx.state.guilds.size,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    explicit_content_filter: 0,
    team: null,
    eligible_oauth2_scopes: ["bot", "applications.commands"],
  });
};

export const openDm: Handler = (request, ctx) => {
  const recipient = String(obj(request.body).recipient_id ?? "");
  if (!ctx.state.users.has(recipient)) return unknown.user();
  return json(ctx.state.channelJson(ctx.state.dmChannelWith(recipient)));
};

function applicationRefusal(ctx: FakeContext, request: RestRequest): Response | null {
  if (request.params.application_id !== ctx.state.botUser.id) {
    return discordError(
      403,
      20012,
      "You are not authorized to perform this action on this application",
    );
  }
  const guildId = request.params.guild_id;
  if (guildId !== undefined && !ctx.state.guilds.has(guildId)) return unknown.guild();
  return null;
}

function commandJson(command: FakeCommand): Record<string, unknown> {
  return {
    ...command.definition,
    id: command.id,
    application_id: command.application_id,
    guild_id: command.guild_id ?? undefined,
    name: command.name,
    type: command.type,
    description: command.description,
    version: command.version,
    default_member_permissions: command.definition.default_member_permissions ?? null,
    options: command.definition.options ?? [],
  };
}

function commandsOf(ctx: FakeContext, guildId: string | null): FakeCommand[] {
  return [...ctx.state.commands.values()].filter((c) => c.guild_id === guildId);
}

function upsertCommand(
  ctx: FakeContext,
  guildId: string | null,
  definition: Record<string, unknown>,
): FakeCommand {
  const name = String(definition.name ?? "");
  const type = Number(definition.type ?? 1);
  const existing = commandsOf(ctx, guildId).find((c) => c.name === name && c.type === type);
  const command: FakeCommand = {
    id: existing?.id ?? ctx.state.ids.next(),
    application_id: ctx.state.botUser.id,
    guild_id: guildId,
    name,
    type,
    description: String(definition.description ?? ""),
    definition,
    version: ctx.state.ids.next(),
  };
  ctx.state.commands.set(command.id, command);
  return command;
}

export const listCommands: Handler = (request, ctx) => {
  const refusal = applicationRefusal(ctx, request);
  if (refusal !== null) return refusal;
  return json(commandsOf(ctx, request.params.guild_id ?? null).map(commandJson));
};

/**
 * Discord's rules the spec's schema does not spell out: a user (2) or message (3)
 * command takes no description but an empty one and no options; a slash command's
 * name is lower case. Field errors by path (`[index, field]` in a bulk overwrite).
 */
function commandRuleErrors(
  definition: Record<string, unknown>,
  path: (string | number)[],
): Record<string, unknown> | null {
  const type = Number(definition.type ?? 1);
  let errors: Record<string, unknown> | null = null;
  const add = (field: string, code: string, message: string) => {
    errors = mergeErrors(errors ?? {}, fieldError([...path, field], code, message));
  };
  if (type === 2 || type === 3) {
    if (typeof definition.description === "string" && definition.description !== "") {
      add(
        "description",
        "APPLICATION_COMMAND_CONTEXT_MENU_NO_DESCRIPTION",
        "Context menu commands cannot have description",
      );
    }
    if (Array.isArray(definition.options) && definition.options.length > 0) {
      add(
        "options",
        "APPLICATION_COMMAND_CONTEXT_MENU_NO_OPTIONS",
        "Context menu commands cannot have options",
      );
    }
  } else if (
    typeof definition.name === "string" && definition.name !== definition.name.toLowerCase()
  ) {
    add("name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  return errors;
}

export const overwriteCommands: Handler = (request, ctx) => {
  const refusal = applicationRefusal(ctx, request);
  if (refusal !== null) return refusal;
  const guildId = request.params.guild_id ?? null;
  const definitions = Array.isArray(request.body) ? request.body.map(obj) : [];
  let errors: Record<string, unknown> = {};
  definitions.forEach((definition, index) => {
    const found = commandRuleErrors(definition, [index]);
    if (found !== null) errors = mergeErrors(errors, found);
  });
  if (Object.keys(errors).length > 0) return invalidFormBody(errors);
  const kept = new Set<string>();
  const out: FakeCommand[] = [];
  for (const definition of definitions) {
    const command = upsertCommand(ctx, guildId, definition);
    kept.add(command.id);
    out.push(command);
  }
  for (const command of commandsOf(ctx, guildId)) {
    if (!kept.has(command.id)) ctx.state.commands.delete(command.id);
  }
  ctx.state.changed();
  return json(out.map(commandJson));
};

export const createCommand: Handler = (request, ctx) => {
  const refusal = applicationRefusal(ctx, request);
  if (refusal !== null) return refusal;
  const errors = commandRuleErrors(obj(request.body), []);
  if (errors !== null) return invalidFormBody(errors);
  const command = upsertCommand(ctx, request.params.guild_id ?? null, obj(request.body));
  ctx.state.changed();
  return json(commandJson(command), 201);
};

export const deleteCommand: Handler = (request, ctx) => {
  const refusal = applicationRefusal(ctx, request);
  if (refusal !== null) return refusal;
  const command = ctx.state.commands.get(request.params.command_id ?? "");
  if (command === undefined || command.guild_id !== (request.params.guild_id ?? null)) {
    return unknown.command();
  }
  ctx.state.commands.delete(command.id);
  ctx.state.changed();
  return new Response(null, { status: 204 });
};
