import type { FakeContext, Handler, RestRequest } from "./context.ts";
import { discordError, fieldError, invalidFormBody, unknown } from "./http_errors.ts";
import type { InteractionAnswer, PendingInteraction } from "./interactions.ts";
import { applyEdit, messageRefusal, storeUploads } from "./routes_messages.ts";
import type { FakeMessage } from "./types.ts";

const EPHEMERAL = 64;
const LOADING = 128;

const json = (value: unknown, status = 200) => Response.json(value, { status });
const obj = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? body as Record<string, unknown>
    : {};

/** Callback types each interaction type accepts. */
const ALLOWED: Record<number, number[]> = {
  1: [1],
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

function originalMessage(ctx: FakeContext, pending: PendingInteraction): FakeMessage | undefined {
  if (pending.originalMessageId === null || pending.channelId === null) return undefined;
  return ctx.state.findMessage(pending.channelId, pending.originalMessageId);
}

/**
 * Applies a first answer (REST callback or HTTP body): records it, makes or updates
 * the message it names. Returns a refusal when the answer is not acceptable.
 */
export function applyFirstAnswer(
  ctx: FakeContext,
  pending: PendingInteraction,
  body: Record<string, unknown>,
  files: RestRequest["files"],
  via: InteractionAnswer["via"],
  now: number,
): Response | null {
  const route = "/interactions/:id/:token/callback";
  if (pending.acknowledged) {
    ctx.violation({
      kind: "already_acknowledged",
      method: "POST",
      route,
      detail: `Interaction ${pending.id} was answered twice`,
    });
    return discordError(400, 40060, "Interaction has already been acknowledged.");
  }
  if (ctx.interactions.isLate(pending, now)) {
    ctx.violation({
      kind: "deadline",
      method: "POST",
      route,
      detail: `Interaction ${pending.id} answered after ${
        Math.round(now - pending.dispatchedAt)
      } ms (deadline ${ctx.interactions.deadlineMs} ms)`,
    });
    return unknown.interaction();
  }
  const type = Number(body.type);
  if (!(ALLOWED[pending.type] ?? []).includes(type)) {
    ctx.violation({
      kind: "schema",
      method: "POST",
      route,
      detail: `Callback type ${type} is not valid for interaction type ${pending.type}`,
    });
    return invalidFormBody(
      fieldError(
        ["type"],
        "INTERACTION_RESPONSE_TYPE_INVALID",
        "Invalid interaction response type",
      ),
    );
  }
  const data = body.data === undefined || body.data === null ? null : obj(body.data);
  if (type === 4 || type === 7) {
    const refusal = messageRefusal(data ?? {}, files.length, type === 4);
    if (refusal !== null) return refusal;
  }
  const flags = typeof data?.flags === "number" ? data.flags : 0;
  if (type === 4 || type === 5) {
    if (pending.channelId === null) return unknown.channel();
    const ephemeral = (flags & EPHEMERAL) !== 0;
    const message = ctx.state.addMessage(pending.channelId, ctx.state.botUser.id, {
      content: type === 4 && typeof data?.content === "string" ? data.content : "",
      embeds: type === 4 && Array.isArray(data?.embeds) ? data.embeds : [],
      components: type === 4 && Array.isArray(data?.components) ? data.components : [],
      attachments: type === 4 ? storeUploads(ctx, pending.channelId, data ?? {}, files) : [],
      flags: (ephemeral ? EPHEMERAL : 0) | (type === 5 ? LOADING : 0),
      webhook_id: ctx.state.botUser.id,
      interaction_id: pending.id,
    });
    pending.originalMessageId = message.id;
    pending.ephemeral = ephemeral;
    if (!ephemeral) ctx.emitMessage("MESSAGE_CREATE", message);
  } else if (type === 6 || type === 7) {
    pending.originalMessageId = pending.messageId;
    const message = originalMessage(ctx, pending);
    if (type === 7 && message !== undefined && data !== null) {
      applyEdit(ctx, message, data, files);
      ctx.emitMessage("MESSAGE_UPDATE", message);
    }
  }
  const answer: InteractionAnswer = {
    type,
    data,
    elapsedMs: now - pending.dispatchedAt,
    via,
  };
  ctx.interactions.record(pending, {
    kind: "callback",
    body,
    messageId: pending.originalMessageId,
  });
  ctx.interactions.acknowledge(pending, answer);
  return null;
}

export const interactionCallback: Handler = (request, ctx) => {
  const pending = ctx.interactions.byId.get(request.params.interaction_id ?? "");
  if (pending === undefined || pending.token !== request.params.interaction_token) {
    return unknown.interaction();
  }
  const body = obj(request.body);
  const refusal = applyFirstAnswer(ctx, pending, body, request.files, "rest", request.now);
  if (refusal !== null) return refusal;
  if (request.query.get("with_response") === "true") {
    const message = originalMessage(ctx, pending);
    return json({
      interaction: {
        id: pending.id,
        type: pending.type,
        response_message_id: message?.id,
        response_message_loading: message === undefined
          ? undefined
          : (message.flags & LOADING) !== 0,
        response_message_ephemeral: message === undefined
          ? undefined
          : (message.flags & EPHEMERAL) !== 0,
      },
      resource: {
        type: Number(body.type),
        ...(message === undefined ? {} : { message: ctx.state.messageJson(message) }),
      },
    });
  }
  return new Response(null, { status: 204 });
};

/** The interaction a webhook path names, or Discord's refusal. */
function webhookInteraction(ctx: FakeContext, request: RestRequest): PendingInteraction | Response {
  if (request.params.webhook_id !== ctx.state.botUser.id) return unknown.webhook();
  const pending = ctx.interactions.byToken.get(request.params.webhook_token ?? "");
  if (pending === undefined) return unknown.webhook();
  if (!ctx.interactions.tokenAlive(pending, request.now)) {
    return discordError(401, 50027, "Invalid Webhook Token");
  }
  return pending;
}

function messageOf(
  ctx: FakeContext,
  pending: PendingInteraction,
  messageId: string,
): FakeMessage | undefined {
  if (pending.channelId === null) return undefined;
  const id = messageId === "@original" ? pending.originalMessageId : messageId;
  if (id === null) return undefined;
  return ctx.state.findMessage(pending.channelId, id);
}

export const webhookMessage: Handler = (request, ctx) => {
  const pending = webhookInteraction(ctx, request);
  if (pending instanceof Response) return pending;
  const messageId = request.params.message_id ?? "@original";
  // Before the first answer is processed (an HTTP-body answer Discord has not read
  // yet), there is no webhook message to name: Discord answers Unknown Webhook.
  if (!pending.acknowledged) return unknown.webhook();
  const message = messageOf(ctx, pending, messageId);
  if (message === undefined) return unknown.message();
  const isOriginal = messageId === "@original" || messageId === pending.originalMessageId;
  if (request.method === "GET") {
    if (isOriginal) {
      ctx.interactions.record(pending, { kind: "get_original", body: null, messageId: message.id });
    }
    return json(ctx.state.messageJson(message));
  }
  if (request.method === "DELETE") {
    ctx.state.deleteMessage(message.channel_id, message.id);
    if (isOriginal) {
      ctx.interactions.record(pending, {
        kind: "delete_original",
        body: null,
        messageId: message.id,
      });
    }
    return new Response(null, { status: 204 });
  }
  const body = obj(request.body);
  const refusal = messageRefusal(body, request.files.length, false);
  if (refusal !== null) return refusal;
  applyEdit(ctx, message, body, request.files);
  message.flags &= ~LOADING;
  ctx.state.changed();
  if ((message.flags & EPHEMERAL) === 0) ctx.emitMessage("MESSAGE_UPDATE", message);
  ctx.interactions.record(pending, {
    kind: isOriginal ? "edit_original" : "edit_follow_up",
    body,
    messageId: message.id,
  });
  return json(ctx.state.messageJson(message));
};

export const executeWebhook: Handler = (request, ctx) => {
  const pending = webhookInteraction(ctx, request);
  if (pending instanceof Response) return pending;
  if (!pending.acknowledged || pending.channelId === null) return unknown.webhook();
  const body = obj(request.body);
  const refusal = messageRefusal(body, request.files.length, true);
  if (refusal !== null) return refusal;
  const original = originalMessage(ctx, pending);
  // After a deferred answer, the first follow-up fills the loading message.
  if (original !== undefined && (original.flags & LOADING) !== 0) {
    applyEdit(ctx, original, body, request.files);
    original.flags &= ~LOADING;
    ctx.state.changed();
    if ((original.flags & EPHEMERAL) === 0) ctx.emitMessage("MESSAGE_UPDATE", original);
    ctx.interactions.record(pending, { kind: "follow_up", body, messageId: original.id });
    return json(ctx.state.messageJson(original));
  }
  const flags = typeof body.flags === "number" ? body.flags : 0;
  const message = ctx.state.addMessage(pending.channelId, ctx.state.botUser.id, {
    content: typeof body.content === "string" ? body.content : "",
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    attachments: storeUploads(ctx, pending.channelId, body, request.files),
    flags: flags & (EPHEMERAL | 4),
    webhook_id: ctx.state.botUser.id,
    interaction_id: pending.id,
  });
  if ((message.flags & EPHEMERAL) === 0) ctx.emitMessage("MESSAGE_CREATE", message);
  ctx.interactions.record(pending, { kind: "follow_up", body, messageId: message.id });
  return json(ctx.state.messageJson(message));
};
