/**
 * Threads as Discord has them: a thread is a channel (type 11 public, 12 private)
 * under a text channel, with `thread_metadata` and its own members. It is not
 * listed with the guild's channels. Permissions come from the parent channel;
 * a private thread is seen only by its members and by those with Manage Threads.
 * Sending there takes Send Messages in Threads; an archived thread is unarchived
 * by a message, a locked one refuses it (50083). Routes: start a thread without a
 * message, add and remove thread members, edit (archive, lock) and delete.
 */
import type { FakeContext, Handler, RestRequest } from "./context.ts";
import { Intent } from "./context.ts";
import {
  discordError,
  fieldError,
  invalidFormBody,
  missingPermissions,
  unknown,
} from "./http_errors.ts";
import { channelPermissions } from "./permissions.ts";
import type { FakeState } from "./state.ts";
import { threadJson } from "./thread_json.ts";
import type { FakeChannel, FakeThread } from "./types.ts";

export { threadJson };

const VIEW_CHANNEL = 1n << 10n;
const MANAGE_THREADS = 1n << 34n;
const CREATE_PUBLIC_THREADS = 1n << 35n;
const CREATE_PRIVATE_THREADS = 1n << 36n;
const SEND_MESSAGES_IN_THREADS = 1n << 38n;

/** Discord's private and public thread types. */
export const PRIVATE_THREAD = 12;
export const PUBLIC_THREAD = 11;

const json = (value: unknown, status = 200) => Response.json(value, { status });
const obj = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? body as Record<string, unknown>
    : {};

/** True for a thread channel. */
export function isThread(channel: FakeChannel): channel is FakeChannel & { thread: FakeThread } {
  return channel.thread !== undefined;
}

/** 400 code 50083: the thread is archived (and, here, locked or closed to the caller). */
export const archivedThread = (): Response => discordError(400, 50083, "Thread is archived");

/** Adds a thread under `parent` (not listed with the guild's channels). */
export function addThread(
  state: FakeState,
  parent: FakeChannel,
  options: {
    name: string;
    type: number;
    ownerId: string;
    invitable: boolean;
    archiveAfter: number;
  },
): FakeChannel & { thread: FakeThread } {
  const thread: FakeChannel & { thread: FakeThread } = {
    id: state.ids.next(),
    type: options.type,
    guild_id: parent.guild_id,
    name: options.name,
    parent_id: parent.id,
    position: 0,
    topic: null,
    permission_overwrites: [],
    recipient_id: null,
    last_message_id: null,
    thread: {
      owner_id: options.ownerId,
      archived: false,
      locked: false,
      invitable: options.invitable,
      auto_archive_duration: options.archiveAfter,
      archive_timestamp: new Date().toISOString(),
      create_timestamp: new Date().toISOString(),
      members: [options.ownerId],
      message_count: 0,
    },
  };
  state.channels.set(thread.id, thread);
  state.messages.set(thread.id, []);
  state.changed();
  return thread;
}

/** Adds `userIds` to the thread and tells the gateway (THREAD_MEMBERS_UPDATE). */
export function joinThread(
  ctx: FakeContext,
  thread: FakeChannel & { thread: FakeThread },
  userIds: readonly string[],
): void {
  const added = userIds.filter((id) => !thread.thread.members.includes(id));
  if (added.length === 0) return;
  thread.thread.members.push(...added);
  ctx.state.changed();
  ctx.emit(thread.guild_id, "THREAD_MEMBERS_UPDATE", {
    id: thread.id,
    guild_id: thread.guild_id,
    member_count: Math.min(thread.thread.members.length, 50),
    added_members: added.map((id) => ({
      id: thread.id,
      user_id: id,
      join_timestamp: new Date().toISOString(),
      flags: 0,
    })),
  }, Intent.GuildMembers);
}

/**
 * Who a message in a thread adds to it, as Discord does: the users it mentions and
 * the members of the roles it mentions (those who can see the parent channel).
 */
export function joinByMentions(
  ctx: FakeContext,
  thread: FakeChannel & { thread: FakeThread },
  mentioned: { users: readonly string[]; roles: readonly string[] },
  canSeeParent: (userId: string) => boolean,
): void {
  const guildId = thread.guild_id ?? "";
  const joining = new Set(mentioned.users.filter(canSeeParent));
  if (mentioned.roles.length > 0) {
    for (const member of ctx.state.members.get(guildId)?.values() ?? []) {
      if (member.roles.some((r) => mentioned.roles.includes(r)) && canSeeParent(member.user_id)) {
        joining.add(member.user_id);
      }
    }
  }
  joinThread(ctx, thread, [...joining]);
}

/**
 * What a message sent to a thread meets: a locked archived thread refuses it, an
 * archived one is unarchived by it; sending takes Send Messages in Threads.
 */
export function threadSendRefusal(
  ctx: FakeContext,
  thread: FakeChannel & { thread: FakeThread },
  held: bigint,
): Response | null {
  if ((held & SEND_MESSAGES_IN_THREADS) === 0n) return missingPermissions();
  if (thread.thread.archived) {
    if (thread.thread.locked) return archivedThread();
    setArchived(ctx, thread, false);
  }
  return null;
}

function setArchived(
  ctx: FakeContext,
  thread: FakeChannel & { thread: FakeThread },
  archived: boolean,
): void {
  thread.thread.archived = archived;
  thread.thread.archive_timestamp = new Date().toISOString();
  ctx.state.changed();
  ctx.emit(thread.guild_id, "THREAD_UPDATE", threadJson(thread), Intent.Guilds);
}

/** `POST /channels/{channel_id}/threads` without a message. */
export const startThread: Handler = (request, ctx) => {
  const parent = ctx.state.channels.get(request.params.channel_id ?? "");
  if (parent === undefined) return unknown.channel();
  const botId = ctx.state.botUser.id;
  const held = channelPermissions(ctx.state, parent.id, botId);
  if ((held & VIEW_CHANNEL) === 0n) return discordError(403, 50001, "Missing Access");
  if (parent.type !== 0 && parent.type !== 5) {
    return discordError(400, 50024, "Cannot execute action on this channel type");
  }
  const body = obj(request.body);
  const type = Number(body.type ?? PRIVATE_THREAD);
  const needed = type === PRIVATE_THREAD ? CREATE_PRIVATE_THREADS : CREATE_PUBLIC_THREADS;
  if ((held & needed) === 0n) return missingPermissions();
  const name = String(body.name ?? "").trim();
  if (name.length < 1 || name.length > 100) {
    return invalidFormBody(
      fieldError(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."),
    );
  }
  const thread = addThread(ctx.state, parent, {
    name,
    type,
    ownerId: botId,
    invitable: body.invitable !== false,
    archiveAfter: typeof body.auto_archive_duration === "number"
      ? body.auto_archive_duration
      : 4320,
  });
  ctx.emit(
    thread.guild_id,
    "THREAD_CREATE",
    { ...threadJson(thread), newly_created: true },
    Intent.Guilds,
  );
  return json(threadJson(thread), 201);
};

/** The thread of the path, seen by the bot, or Discord's refusal. */
function botThread(
  ctx: FakeContext,
  request: RestRequest,
): { thread: FakeChannel & { thread: FakeThread }; held: bigint } | Response {
  const channel = ctx.state.channels.get(request.params.channel_id ?? "");
  if (channel === undefined) return unknown.channel();
  if (!isThread(channel)) {
    return discordError(400, 50024, "Cannot execute action on this channel type");
  }
  const held = channelPermissions(ctx.state, channel.id, ctx.state.botUser.id);
  if ((held & VIEW_CHANNEL) === 0n) return discordError(403, 50001, "Missing Access");
  return { thread: channel, held };
}

/** `PUT /channels/{channel_id}/thread-members/{user_id}`. */
export const addThreadMember: Handler = (request, ctx) => {
  const found = botThread(ctx, request);
  if (found instanceof Response) return found;
  const { thread, held } = found;
  if (thread.thread.archived) return archivedThread();
  if ((held & SEND_MESSAGES_IN_THREADS) === 0n) return missingPermissions();
  const userId = request.params.user_id ?? "";
  if (ctx.state.member(thread.guild_id ?? "", userId) === undefined) return unknown.member();
  joinThread(ctx, thread, [userId]);
  return new Response(null, { status: 204 });
};

/** `DELETE /channels/{channel_id}/thread-members/{user_id}`. */
export const removeThreadMember: Handler = (request, ctx) => {
  const found = botThread(ctx, request);
  if (found instanceof Response) return found;
  const { thread, held } = found;
  if (thread.thread.archived) return archivedThread();
  const owner = thread.type === PRIVATE_THREAD && thread.thread.owner_id === ctx.state.botUser.id;
  if ((held & MANAGE_THREADS) === 0n && !owner) return missingPermissions();
  const userId = request.params.user_id ?? "";
  if (!thread.thread.members.includes(userId)) return unknown.member();
  thread.thread.members = thread.thread.members.filter((id) => id !== userId);
  ctx.state.changed();
  ctx.emit(thread.guild_id, "THREAD_MEMBERS_UPDATE", {
    id: thread.id,
    guild_id: thread.guild_id,
    member_count: Math.min(thread.thread.members.length, 50),
    removed_member_ids: [userId],
  }, Intent.GuildMembers);
  return new Response(null, { status: 204 });
};

/** `PATCH /channels/{channel_id}` of a thread: name, archived, locked, invitable. */
export function editThread(
  ctx: FakeContext,
  thread: FakeChannel & { thread: FakeThread },
  body: Record<string, unknown>,
  held: bigint,
): Response {
  const manage = (held & MANAGE_THREADS) !== 0n;
  const owner = thread.thread.owner_id === ctx.state.botUser.id;
  // Locking, unlocking and anything on a locked thread take Manage Threads; the
  // owner may rename and archive their own thread.
  if (typeof body.locked === "boolean" && body.locked !== thread.thread.locked && !manage) {
    return missingPermissions();
  }
  if (thread.thread.locked && !manage) return missingPermissions();
  if (!manage && !owner) return missingPermissions();
  if (typeof body.name === "string") thread.name = body.name.trim();
  if (typeof body.invitable === "boolean") thread.thread.invitable = body.invitable;
  if (typeof body.locked === "boolean") thread.thread.locked = body.locked;
  if (typeof body.archived === "boolean" && body.archived !== thread.thread.archived) {
    thread.thread.archived = body.archived;
    thread.thread.archive_timestamp = new Date().toISOString();
  }
  ctx.state.changed();
  ctx.emit(thread.guild_id, "THREAD_UPDATE", threadJson(thread), Intent.Guilds);
  return json(threadJson(thread));
}

/** `DELETE /channels/{channel_id}` of a thread: Manage Threads; THREAD_DELETE on the gateway. */
export function deleteThread(
  ctx: FakeContext,
  thread: FakeChannel & { thread: FakeThread },
  held: bigint,
): Response {
  if ((held & MANAGE_THREADS) === 0n) return missingPermissions();
  const payload = threadJson(thread);
  ctx.state.deleteChannel(thread.id);
  ctx.emit(thread.guild_id, "THREAD_DELETE", {
    id: thread.id,
    guild_id: thread.guild_id,
    parent_id: thread.parent_id,
    type: thread.type,
  }, Intent.Guilds);
  return json(payload);
}

/** `GET /guilds/{guild_id}/threads/active`: the guild's unarchived threads the bot can see. */
export const listActiveThreads: Handler = (request, ctx) => {
  const guildId = request.params.guild_id ?? "";
  if (!ctx.state.guilds.has(guildId)) return unknown.guild();
  const botId = ctx.state.botUser.id;
  if (ctx.state.member(guildId, botId) === undefined) {
    return discordError(403, 50001, "Missing Access");
  }
  const threads = [...ctx.state.channels.values()].filter((c): c is FakeChannel & {
    thread: FakeThread;
  } =>
    isThread(c) && c.guild_id === guildId && !c.thread.archived &&
    (channelPermissions(ctx.state, c.id, botId) & VIEW_CHANNEL) !== 0n
  );
  return json({
    threads: threads.map(threadJson),
    members: threads.filter((t) => t.thread.members.includes(botId)).map((t) => ({
      id: t.id,
      user_id: botId,
      join_timestamp: t.thread.create_timestamp,
      flags: 0,
    })),
    has_more: false,
  });
};
