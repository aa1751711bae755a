/**
 * Pure mapping from a handler's `Reply` to Discord's interaction callback JSON
 * (the first answer) or to the body of an edit of the original answer (after a
 * defer). Mentions are off unless a body asks for them.
 */
import type { Reply } from "../../core/reply.ts";
import type { MessageBody } from "../../core/message_body.ts";
import { type IgnoredInteraction, NOT_IN_GUILD } from "./parse_interaction.ts";
import {
  type CallbackMessageData,
  EPHEMERAL_FLAG,
  type InteractionCallback,
} from "./interaction_transport.ts";

/** The colour of refusal embeds (Discord's own red). */
export const REFUSAL_COLOR = 0xed4245;

/** What a member reads when the bot shows a modal where it cannot. */
export const MODAL_AFTER_DEFER_TEXT =
  "Sorry, this action could not be completed. Please try again.";

/** The body of a refusal: one embed with the text, nothing internal. */
export function refusalBody(text: string): MessageBody {
  return {
    embeds: [{ description: text, color: REFUSAL_COLOR }],
    allowed_mentions: { parse: [] },
  };
}

/** `body` with `allowed_mentions: { parse: [] }` unless it sets its own. */
export function withSafeMentions(body: MessageBody): MessageBody {
  if (body.allowed_mentions !== undefined) return body;
  return { ...body, allowed_mentions: { parse: [] } };
}

function callbackData(body: MessageBody, ephemeral: boolean): CallbackMessageData {
  const { files: _files, ...rest } = withSafeMentions(body);
  return ephemeral ? { ...rest, flags: EPHEMERAL_FLAG } : rest;
}

/** The first answer to an interaction for `reply` (files are not carried: see the runner). */
export function replyToCallback(reply: Reply): InteractionCallback {
  switch (reply.kind) {
    case "message":
      return { type: 4, data: callbackData(reply.body, reply.ephemeral) };
    case "update":
      return { type: 7, data: callbackData(reply.body, false) };
    case "modal":
      return { type: 9, data: reply.modal };
    case "refused":
      return { type: 4, data: callbackData(refusalBody(reply.text), true) };
  }
}

/**
 * The edit of a deferred answer for `reply`. Whether it is ephemeral was fixed at
 * defer time. A modal cannot follow a defer: it becomes a short apology.
 */
export function replyToEdit(reply: Reply): MessageBody {
  switch (reply.kind) {
    case "message":
    case "update":
      return withSafeMentions(reply.body);
    case "modal":
      return refusalBody(MODAL_AFTER_DEFER_TEXT);
    case "refused":
      return refusalBody(reply.text);
  }
}

/** The answer to an interaction the handlers do not take (DMs, autocomplete, unreadable). */
export function ignoredAnswer(
  ignored: Extract<IgnoredInteraction, { kind: "ignored" }>,
): InteractionCallback | { type: 8; data: { choices: [] } } {
  if (ignored.answer === "choices") return { type: 8, data: { choices: [] } };
  return {
    type: 4,
    data: {
      content: ignored.reason === NOT_IN_GUILD
        ? "This can only be used inside a server."
        : "This action could not be read. Please try again.",
      flags: EPHEMERAL_FLAG,
      allowed_mentions: { parse: [] },
    },
  };
}
