/**
 * The `DiscordPort` over discordeno's REST manager. Requests go through
 * `rest.makeRequest`, which keeps discordeno's rate-limit queue and 429 handling
 * but sends our bodies in Discord's own JSON shape (snake_case keys pass through
 * its formatter unchanged) and hands back Discord's raw JSON (mapped in `discord_json.ts`).
 */
import type { RestManager } from "@discordeno/rest";
import type { FileContent } from "@discordeno/types";
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
  type UserId,
} from "../../core/ids.ts";
import type { UserRef } from "../../core/interaction.ts";
import type { MessageBody } from "../../core/message_body.ts";
import type {
  ChannelPatch,
  DiscordPort,
  FetchedMessage,
  NewChannel,
  Overwrite,
} from "../../core/discord_port.ts";
import { DiscordRequestError, isDiscordFailure } from "../../core/discord_failure.ts";
import { readBounded } from "../../lib/read_bounded.ts";
import type { RetryOptions } from "../../lib/retry.ts";
import { callDiscord, type CallOptions } from "./rest_failure.ts";
import type { RequestPriority } from "./request_priority.ts";
import { threadRequests } from "./thread_requests.ts";
import {
  CLOCK_SKEW_MS,
  isSameNewChannel,
  type Json,
  overwriteJson,
  randomNonce,
  str,
  toChannel,
  toMember,
  toRole,
  toUser,
} from "./discord_json.ts";

/** Read from the token as configuration does (`src/config.ts`). */
export { applicationIdFromToken };

/** Options of `createDiscordPort`. */
export interface DiscordPortOptions {
  retry?: RetryOptions;
  /** Told the outcome of every REST attempt (for metrics). */
  observe?: (route: string, status: number) => void;
  /** Fetch used by `download` (tests may swap it). */
  fetch?: typeof fetch;
  /** Give up a download after this long (default 30 s). */
  downloadTimeoutMs?: number;
  /** A new message nonce (default: random, 25 characters at most). */
  nonce?: () => string;
  /** `background`: every request of this port gives way to a person's (default `person`). */
  priority?: RequestPriority;
  /** Retry requests that got no answer (default true; false behind a REST proxy). */
  retryUnanswered?: boolean;
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
    callOptions: CallOptions<T> = {},
  ): Promise<T> =>
    callDiscord<T>(rest, method, route, {
      ...callOptions,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.observe === undefined ? {} : { observe: options.observe }),
      ...(options.priority === undefined ? {} : { priority: options.priority }),
      ...(options.retryUnanswered === undefined
        ? {}
        : { retryUnanswered: options.retryUnanswered }),
    });
  const doFetch = options.fetch ?? fetch;
  const newNonce = options.nonce ?? randomNonce;
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
      // A retried create may follow an attempt Discord carried out whose answer was
      // lost: look for that channel first rather than make a second one.
      const since = Date.now() - CLOCK_SKEW_MS;
      const findEarlierResult = async () => {
        const list = await call<Json[]>("GET", `/guilds/${guild}/channels`);
        return list.findLast((raw) => isSameNewChannel(raw, body, since)) ?? null;
      };
      const created = await call<Json>("POST", `/guilds/${guild}/channels`, {
        body,
        findEarlierResult,
      });
      return toChannel(created, guild);
    },

    async deleteChannel(id: ChannelId, reason?: string) {
      await call("DELETE", `/channels/${id}`, reason === undefined ? {} : { reason });
    },

    async editChannel(id: ChannelId, patch: ChannelPatch) {
      const body: Json = {};
      if (patch.name !== undefined) body.name = patch.name;
      if (patch.parentId !== undefined) body.parent_id = patch.parentId;
      if (patch.overwrites !== undefined) {
        body.permission_overwrites = patch.overwrites.map(overwriteJson);
      }
      return toChannel(await call<Json>("PATCH", `/channels/${id}`, { body }));
    },

    async editOverwrite(channel: ChannelId, overwrite: Overwrite) {
      const { id: _id, ...body } = overwriteJson(overwrite);
      await call("PUT", `/channels/${channel}/permissions/${overwrite.id}`, { body });
    },

    async deleteOverwrite(channel: ChannelId, target: RoleId | UserId) {
      await call("DELETE", `/channels/${channel}/permissions/${target}`);
    },

    ...threadRequests(call),

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
      // Mentionable, so the welcome message's mention notifies staff.
      const body = { name, permissions: "0", mentionable: true, hoist: false };
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
      // One nonce per message, kept across its retries: Discord returns the first
      // message for a repeated enforced nonce instead of posting it twice.
      const once: MessageBody = body.nonce === undefined
        ? { ...body, nonce: newNonce(), enforce_nonce: true }
        : body;
      const sent = await call<Json>(
        "POST",
        `/channels/${channel}/messages`,
        messageRequest(once),
      );
      return messageId(str(sent.id));
    },

    async editMessage(channel: ChannelId, message: MessageId, body: MessageBody) {
      await call("PATCH", `/channels/${channel}/messages/${message}`, messageRequest(body));
    },

    async deleteMessage(channel: ChannelId, message: MessageId) {
      await call("DELETE", `/channels/${channel}/messages/${message}`);
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
  };
}
