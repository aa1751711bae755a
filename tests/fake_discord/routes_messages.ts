import { resolveMentions } from "./mentions.ts";
import type { FakeContext, Handler, UploadedFile } from "./context.ts";
import { discordError, invalidFormBody, missingPermissions, unknown } from "./http_errors.ts";
import { isEmptyMessage, messageBodyErrors } from "./message_rules.ts";
import { channelPermissions } from "./permissions.ts";
import { visibleChannel } from "./routes_guilds.ts";
import { isThread, joinByMentions, threadSendRefusal } from "./threads.ts";
import type { FakeAttachment, FakeMessage } from "./types.ts";
import { fieldError } from "./http_errors.ts";

const VIEW_CHANNEL = 1n << 10n;
const SEND_MESSAGES = 1n << 11n;
const MANAGE_MESSAGES = 1n << 13n;
const ATTACH_FILES = 1n << 15n;
const READ_MESSAGE_HISTORY = 1n << 16n;
/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

const json = (value: unknown, status = 200) => Response.json(value, { status });
const obj = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? body as Record<string, unknown>
    : {};

/** Turns uploaded files into stored attachments, as `attachments[].id` maps them to `files[n]`. */
export function storeUploads(
  ctx: FakeContext,
  channelId: string,
  body: Record<string, unknown>,
  files: UploadedFile[],
  keep: FakeAttachment[] = [],
): FakeAttachment[] {
  const byIndex = new Map<string, UploadedFile>();
  for (const file of files) {
    const match = /^files\[(\d+)\]$/.exec(file.field);
    byIndex.set(match?.[1] ?? file.field, file);
  }
  const wanted = Array.isArray(body.attachments) ? body.attachments.map(obj) : null;
  const out: FakeAttachment[] = [];
  if (wanted === null) {
    for (const file of files) out.push(ctx.state.makeAttachment(ctx.baseUrl, channelId, file));
    return [...keep, ...out];
  }
  for (const entry of wanted) {
    const id = String(entry.id ?? "");
    const upload = byIndex.get(id);
    if (upload !== undefined) {
      out.push(ctx.state.makeAttachment(ctx.baseUrl, channelId, {
        ...upload,
        filename: typeof entry.filename === "string" ? entry.filename : upload.filename,
      }));
      byIndex.delete(id);
      continue;
    }
    const existing = keep.find((a) => a.id === id);
    if (existing !== undefined) out.push(existing);
  }
  return out;
}

/** Checks a message body against Discord's limits; a refusal or null. */
export function messageRefusal(
  body: Record<string, unknown>,
  fileCount: number,
  creating: boolean,
): Response | null {
  const errors = messageBodyErrors(body);
  if (errors !== null) return invalidFormBody(errors);
  if (creating && isEmptyMessage(body, fileCount)) {
    return discordError(400, 50006, "Cannot send an empty message");
  }
  return null;
}

/** Applies an edit body to a stored message. */
export function applyEdit(
  ctx: FakeContext,
  message: FakeMessage,
  body: Record<string, unknown>,
  files: UploadedFile[],
): void {
  if (body.content !== undefined) {
    message.content = typeof body.content === "string" ? body.content : "";
  }
  if (body.embeds !== undefined) message.embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (body.components !== undefined) {
    message.components = Array.isArray(body.components) ? body.components : [];
  }
  if (body.attachments !== undefined || files.length > 0) {
    message.attachments = storeUploads(ctx, message.channel_id, body, files, message.attachments);
  }
  if (typeof body.flags === "number") message.flags = (message.flags & ~4) | (body.flags & 4);
  message.edited_timestamp = new Date().toISOString();
  ctx.state.changed();
}

export const createMessage: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  const body = obj(request.body);
  if (channel.type === 1) {
    const recipient = channel.recipient_id === null
      ? undefined
      : ctx.state.users.get(channel.recipient_id);
    if (recipient === undefined || recipient.dmsClosed) {
      return discordError(403, 50007, "Cannot send messages to this user");
    }
  } else {
    if (channel.type === 4) {
      return discordError(400, 50008, "Cannot send messages in a non-text channel");
    }
    const held = channelPermissions(ctx.state, channel.id, ctx.state.botUser.id);
    if (isThread(channel)) {
      const refusal = threadSendRefusal(ctx, channel, held);
      if (refusal !== null) return refusal;
    } else if ((held & SEND_MESSAGES) === 0n) return missingPermissions();
    if (request.files.length > 0 && (held & ATTACH_FILES) === 0n) return missingPermissions();
  }
  const refusal = messageRefusal(body, request.files.length, true);
  if (refusal !== null) return refusal;
  // With `enforce_nonce`, a nonce the bot used in the last few minutes returns the
  // message it made then instead of a new one, as Discord does.
  const nonce = typeof body.nonce === "string" || typeof body.nonce === "number"
    ? String(body.nonce)
    : null;
  const enforced = nonce !== null && body.enforce_nonce === true;
  if (enforced) {
    const earlier = ctx.state.nonces.get(nonce);
    const found = earlier !== undefined && request.now - earlier.at < NONCE_WINDOW_MS
      ? ctx.state.findMessage(earlier.channelId, earlier.messageId)
      : undefined;
    if (found !== undefined) return json(ctx.state.messageJson(found));
  }
  const content = typeof body.content === "string" ? body.content : "";
  const mentioned = resolveMentions(ctx.state, {
    channelId: channel.id,
    authorId: ctx.state.botUser.id,
  }, { content, allowedMentions: body.allowed_mentions ?? null });
  const message = ctx.state.addMessage(channel.id, ctx.state.botUser.id, {
    content,
    mentions: mentioned.users,
    mention_roles: mentioned.roles,
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    attachments: storeUploads(ctx, channel.id, body, request.files),
    flags: typeof body.flags === "number" ? body.flags & 4 : 0,
  });
  if (enforced) {
    ctx.state.nonces.set(nonce, { channelId: channel.id, messageId: message.id, at: request.now });
  }
  if (isThread(channel) && channel.parent_id !== null) {
    const parentId = channel.parent_id;
    joinByMentions(
      ctx,
      channel,
      mentioned,
      (userId) => (channelPermissions(ctx.state, parentId, userId) & VIEW_CHANNEL) !== 0n,
    );
  }
  ctx.emitMessage("MESSAGE_CREATE", message);
  return json(ctx.state.messageJson(message));
};

export const listMessages: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  const rawLimit = request.query.get("limit");
  const limit = rawLimit === null ? 50 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalidFormBody(
      fieldError(["limit"], "NUMBER_TYPE_MAX", "Must be between 1 and 100."),
    );
  }
  if (
    channel.guild_id !== null &&
    (channelPermissions(ctx.state, channel.id, ctx.state.botUser.id) & READ_MESSAGE_HISTORY) === 0n
  ) {
    return json([]);
  }
  const options: { limit: number; before?: string; after?: string; around?: string } = { limit };
  const before = request.query.get("before");
  const after = request.query.get("after");
  const around = request.query.get("around");
  if (before !== null) options.before = before;
  if (after !== null) options.after = after;
  if (around !== null) options.around = around;
  const page = ctx.state.pageMessages(channel.id, options);
  return json(
    page.map((m) =>
      ctx.state.messageJson(m, !ctx.messageContentIntent && m.author_id !== ctx.state.botUser.id)
    ),
  );
};

export const getMessage: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  const message = ctx.state.messagesIn(channel.id).find((m) => m.id === request.params.message_id);
  if (message === undefined) return unknown.message();
  return json(
    ctx.state.messageJson(
      message,
      !ctx.messageContentIntent && message.author_id !== ctx.state.botUser.id,
    ),
  );
};

export const editMessage: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  const message = ctx.state.messagesIn(channel.id).find((m) => m.id === request.params.message_id);
  if (message === undefined) return unknown.message();
  if (message.author_id !== ctx.state.botUser.id) {
    return discordError(403, 50005, "Cannot edit a message authored by another user");
  }
  const body = obj(request.body);
  const refusal = messageRefusal(body, request.files.length, false);
  if (refusal !== null) return refusal;
  applyEdit(ctx, message, body, request.files);
  ctx.emitMessage("MESSAGE_UPDATE", message);
  return json(ctx.state.messageJson(message));
};

export const deleteMessage: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  const message = ctx.state.messagesIn(channel.id).find((m) => m.id === request.params.message_id);
  if (message === undefined) return unknown.message();
  if (
    message.author_id !== ctx.state.botUser.id && channel.guild_id !== null &&
    (channelPermissions(ctx.state, channel.id, ctx.state.botUser.id) & MANAGE_MESSAGES) === 0n
  ) {
    return missingPermissions();
  }
  ctx.state.deleteMessage(channel.id, message.id);
  ctx.emit(channel.guild_id, "MESSAGE_DELETE", {
    id: message.id,
    channel_id: channel.id,
    ...(channel.guild_id === null ? {} : { guild_id: channel.guild_id }),
  }, channel.guild_id === null ? 1 << 12 : 1 << 9);
  return new Response(null, { status: 204 });
};

export const triggerTyping: Handler = (request, ctx) => {
  const channel = visibleChannel(ctx, request);
  if (channel instanceof Response) return channel;
  return new Response(null, { status: 204 });
};
