/**
 * The `DiscordPort` over discordeno's REST manager. Requests go through
 * `rest.makeRequest`, which keeps discordeno's rate-limit queue and 429 handling
 * but sends our bodies in Discord's own JSON shape (snake_case keys pass through
 * its formatter unchanged) and hands back Discord's raw JSON, which we map here.
 */
import { createRestManager, type FileContent, type RestManager } from "@discordeno/bot";
import { applicationIdFromToken } from "../../config.ts";
import {
  type ChannelId,
  channelId,
  compareSnowflakes,
  type GuildId,
  guildId,
  type MessageId,
  messageId,
  type RoleId,
  roleId,
  type UserId,
  userId,
} from "../../core/ids.ts";
import type { UserRef } from "../../core/interaction.ts";
import type { MessageBody } from "../../core/message_body.ts";
import type {
  Channel,
  DiscordPort,
  FetchedMessage,
  InteractionToken,
  Member,
  NewChannel,
  Overwrite,
  Role,
} from "../../core/ports.ts";
import { DiscordRequestError, isDiscordFailure } from "../../core/discord_failure.ts";
import { readBounded } from "../../lib/read_bounded.ts";
import { callDiscord, type CallOptions, reopenQueue, type RetryPolicy } from "./rest_failure.ts";
import { createGlobalPacer, type GlobalPacer, isInteractionRoute } from "./global_pacer.ts";
import { channelKind } from "../interactions/parse_interaction.ts";

/** Read from the token as configuration does (`src/config.ts`). */
export { applicationIdFromToken };

/** The logger shape discordeno's managers accept. */
export type DiscordenoLogger = RestManager["logger"];

/** Options of `createDiscordRest`. */
export interface DiscordRestOptions {
  token: string;
  /** REST base URL without `/v10`, e.g. `https://discord.com/api`. */
  baseUrl: string;
  applicationId?: string | null;
  logger?: DiscordenoLogger;
}

/** Timers discordeno's REST manager leaves behind, cleared by `closeDiscordRest`. */
const pendingTimers = new WeakMap<RestManager, Set<ReturnType<typeof setTimeout>>>();
/** The global-limit pacer of each REST manager, closed by `closeDiscordRest`. */
const pacers = new WeakMap<RestManager, GlobalPacer>();

/**
 * discordeno's REST manager pointed at `baseUrl`, with its real rate-limit queue
 * on even when the URL is not Discord's: discordeno marks any other base URL as a
 * proxy and then skips the queue and 429 retries, which would make a REST proxy
 * or a test double behave unlike Discord.
 */
export function createDiscordRest(options: DiscordRestOptions): RestManager {
  const rest = createRestManager({
    token: options.token,
    applicationId: options.applicationId ?? applicationIdFromToken(options.token) ?? "0",
    proxy: { baseUrl: options.baseUrl.replace(/\/+$/, "") },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  rest.isProxied = false;
  // Stay under the global limit rather than collect a global 429 for every
  // request of a burst (discordeno's queues are per route).
  const pacer = createGlobalPacer();
  pacers.set(rest, pacer);
  const send = rest.sendRequest.bind(rest);
  rest.sendRequest = async (request) => {
    if (!isInteractionRoute(request.route)) await pacer.acquire();
    try {
      return await send(request);
    } catch (error) {
      // discordeno throws here only when the request got no answer at all.
      reopenQueue(rest, request.method, request.route);
      throw error;
    }
  };
  // discordeno re-checks rate-limited paths every second with an untracked
  // timer; track it so `closeDiscordRest` can stop it.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  pendingTimers.set(rest, timers);
  rest.processRateLimitedPaths = function () {
    const now = Date.now();
    for (const [key, value] of rest.rateLimitedPaths.entries()) {
      if (value.resetTimestamp > now) continue;
      rest.rateLimitedPaths.delete(key);
      if (key === "global") rest.globallyRateLimited = false;
    }
    if (rest.rateLimitedPaths.size === 0) {
      rest.processingRateLimitedPaths = false;
      return;
    }
    rest.processingRateLimitedPaths = true;
    const timer = setTimeout(() => {
      timers.delete(timer);
      rest.processRateLimitedPaths();
    }, 1000);
    timers.add(timer);
  };
  return rest;
}

/** Stops the timers discordeno's REST manager keeps (queue clean-up, rate-limit checks). */
export function closeDiscordRest(rest: RestManager): void {
  for (const queue of rest.queues.values()) {
    clearTimeout(queue.deleteQueueTimeout);
    clearTimeout(queue.timeoutId);
    queue.waiting = [];
    queue.pending = [];
  }
  rest.queues.clear();
  rest.rateLimitedPaths.clear();
  rest.processingRateLimitedPaths = false;
  pacers.get(rest)?.close();
  const timers = pendingTimers.get(rest);
  for (const timer of timers ?? []) clearTimeout(timer);
  timers?.clear();
}

/** Options of `createDiscordPort`. */
export interface DiscordPortOptions {
  retry?: RetryPolicy;
  /** Told the outcome of every REST attempt (for metrics). */
  observe?: (route: string, status: number) => void;
  /** Fetch used by `download` (tests may swap it). */
  fetch?: typeof fetch;
  /** Give up a download after this long (default 30 s). */
  downloadTimeoutMs?: number;
}

// ---------------------------------------------------------------------------
// Discord JSON → port records
// ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function strOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function toOverwrite(raw: Json): Overwrite {
  const id = str(raw.id);
  return {
    id: raw.type === 1 ? userId(id) : roleId(id),
    type: raw.type === 1 ? "member" : "role",
    allow: BigInt(str(raw.allow) || "0"),
    deny: BigInt(str(raw.deny) || "0"),
  };
}

function toChannel(raw: Json, fallbackGuild?: GuildId): Channel {
  const overwrites = Array.isArray(raw.permission_overwrites)
    ? (raw.permission_overwrites as Json[]).map(toOverwrite)
    : [];
  const guild = strOrNull(raw.guild_id);
  const parent = strOrNull(raw.parent_id);
  return {
    id: channelId(str(raw.id)),
    guildId: guild === null ? (fallbackGuild ?? guildId("0")) : guildId(guild),
    name: str(raw.name),
    kind: channelKind(raw.type),
    parentId: parent === null ? null : channelId(parent),
    position: typeof raw.position === "number" ? raw.position : 0,
    overwrites,
  };
}

function toUser(raw: Json): UserRef {
  return {
    id: userId(str(raw.id)),
    username: str(raw.username),
    globalName: strOrNull(raw.global_name),
    avatar: strOrNull(raw.avatar),
    bot: raw.bot === true,
  };
}

function toRole(raw: Json): Role {
  return {
    id: roleId(str(raw.id)),
    name: str(raw.name),
    permissions: BigInt(str(raw.permissions) || "0"),
    position: typeof raw.position === "number" ? raw.position : 0,
    managed: raw.managed === true,
    ...(typeof raw.color === "number" ? { color: raw.color } : {}),
  };
}

function toMember(raw: Json): Member {
  return {
    user: toUser((raw.user ?? {}) as Json),
    nick: strOrNull(raw.nick),
    roles: Array.isArray(raw.roles) ? (raw.roles as string[]).map((r) => roleId(r)) : [],
  };
}

/** An overwrite in Discord's JSON: type 0 role, 1 member; bitfields as decimal strings. */
function overwriteJson(overwrite: Overwrite): Json {
  return {
    id: overwrite.id,
    type: overwrite.type === "member" ? 1 : 0,
    allow: overwrite.allow.toString(),
    deny: overwrite.deny.toString(),
  };
}

/** Splits a message body into Discord JSON and the multipart files, if any. */
export function messageRequest(
  body: MessageBody,
  extra: Json = {},
): Pick<CallOptions, "body" | "files"> {
  const { files, ...json } = body;
  if (files === undefined || files.length === 0) return { body: { ...json, ...extra } };
  const uploads: FileContent[] = files.map((file) => ({
    name: file.name,
    blob: new Blob([file.data as Uint8Array<ArrayBuffer>], {
      ...(file.contentType === undefined ? {} : { type: file.contentType }),
    }),
  }));
  return {
    body: {
      ...json,
      ...extra,
      attachments: files.map((file, index) => ({ id: index, filename: file.name })),
    },
    files: uploads,
  };
}

/** The `DiscordPort` over discordeno REST. */
export function createDiscordPort(
  rest: RestManager,
  options: DiscordPortOptions = {},
): DiscordPort {
  const call = <T>(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    route: string,
    callOptions: CallOptions = {},
  ): Promise<T> =>
    callDiscord<T>(rest, method, route, {
      ...callOptions,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.observe === undefined ? {} : { observe: options.observe }),
    });
  const doFetch = options.fetch ?? fetch;
  let botUser: Promise<UserRef> | null = null;

  return {
    botUser() {
      botUser ??= call<Json>("GET", "/users/@me").then(toUser).catch((error) => {
        botUser = null;
        throw error;
      });
      return botUser;
    },

    async channel(id: ChannelId) {
      try {
        return toChannel(await call<Json>("GET", `/channels/${id}`));
      } catch (error) {
        if (isDiscordFailure(error, "unknown_channel")) return null;
        throw error;
      }
    },

    async guildChannels(guild: GuildId) {
      const list = await call<Json[]>("GET", `/guilds/${guild}/channels`);
      return list.map((raw) => toChannel(raw, guild));
    },

    async createChannel(guild: GuildId, channel: NewChannel) {
      const body: Json = {
        name: channel.name,
        type: channel.kind === "category" ? 4 : 0,
        permission_overwrites: channel.overwrites.map(overwriteJson),
      };
      if (channel.parentId !== undefined && channel.parentId !== null) {
        body.parent_id = channel.parentId;
      }
      if (channel.topic !== undefined) body.topic = channel.topic;
      return toChannel(await call<Json>("POST", `/guilds/${guild}/channels`, { body }), guild);
    },

    async deleteChannel(id: ChannelId, reason?: string) {
      await call("DELETE", `/channels/${id}`, reason === undefined ? {} : { reason });
    },

    async editOverwrite(channel: ChannelId, overwrite: Overwrite) {
      const { id: _id, ...body } = overwriteJson(overwrite);
      await call("PUT", `/channels/${channel}/permissions/${overwrite.id}`, { body });
    },

    async deleteOverwrite(channel: ChannelId, target: RoleId | UserId) {
      await call("DELETE", `/channels/${channel}/permissions/${target}`);
    },

    async guilds() {
      const all: Array<{ id: GuildId; name: string }> = [];
      let after = "0";
      for (;;) {
        const page = await call<Json[]>("GET", `/users/@me/guilds?limit=200&after=${after}`);
        for (const raw of page) all.push({ id: guildId(str(raw.id)), name: str(raw.name) });
        const last = page.at(-1);
        if (page.length < 200 || last === undefined) return all;
        after = str(last.id);
      }
    },

    async roles(guild: GuildId) {
      const list = await call<Json[]>("GET", `/guilds/${guild}/roles`);
      return list.map(toRole);
    },

    async createRole(guild: GuildId, name: string) {
      // No guild-wide permissions: staff get access through channel overwrites.
      const body = { name, permissions: "0", mentionable: false, hoist: false };
      return toRole(await call<Json>("POST", `/guilds/${guild}/roles`, { body }));
    },

    async member(guild: GuildId, user: UserId) {
      try {
        return toMember(await call<Json>("GET", `/guilds/${guild}/members/${user}`));
      } catch (error) {
        if (isDiscordFailure(error, "unknown_member")) return null;
        if (
          error instanceof DiscordRequestError && error.failure.kind === "other" &&
          error.failure.code === 10013
        ) {
          return null; // unknown user
        }
        throw error;
      }
    },

    async sendMessage(channel: ChannelId, body: MessageBody) {
      const sent = await call<Json>(
        "POST",
        `/channels/${channel}/messages`,
        messageRequest(body),
      );
      return messageId(str(sent.id));
    },

    async editMessage(channel: ChannelId, message: MessageId, body: MessageBody) {
      await call("PATCH", `/channels/${channel}/messages/${message}`, messageRequest(body));
    },

    async messagesAfter(channel: ChannelId, after: MessageId | null, limit: number) {
      const size = Math.max(1, Math.min(100, Math.trunc(limit)));
      const query = `after=${after ?? "0"}&limit=${size}`;
      const list = await call<Json[]>("GET", `/channels/${channel}/messages?${query}`);
      return list
        .map((raw): FetchedMessage => ({ id: messageId(str(raw.id)), raw }))
        .sort((a, b) => compareSnowflakes(a.id, b.id));
    },

    async download(url: string, maxBytes: number) {
      const response = await doFetch(url, {
        signal: AbortSignal.timeout(options.downloadTimeoutMs ?? 30_000),
      }).catch((error: unknown) => {
        throw new DiscordRequestError(
          { kind: "unavailable", status: 0 },
          `Cannot download attachment: ${error instanceof Error ? error.message : error}`,
        );
      });
      if (!response.ok) {
        await response.body?.cancel();
        const failure = response.status >= 500
          ? { kind: "unavailable" as const, status: response.status }
          : {
            kind: "other" as const,
            status: response.status,
            code: null,
            message: response.statusText,
          };
        throw new DiscordRequestError(
          failure,
          `Cannot download attachment: the server answered ${response.status}`,
        );
      }
      return await readBounded(response, maxBytes);
    },

    async dmChannel(user: UserId) {
      const dm = await call<Json>("POST", "/users/@me/channels", {
        body: { recipient_id: user },
      });
      return channelId(str(dm.id));
    },

    async followUp(interaction: InteractionToken, body: MessageBody, ephemeral: boolean) {
      const extra = ephemeral ? { flags: 64 } : {};
      await call(
        "POST",
        `/webhooks/${interaction.applicationId}/${interaction.token}`,
        messageRequest(body, extra),
      );
    },
  };
}
