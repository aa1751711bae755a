/**
 * The `InteractionTransport` over discordeno REST: how the gateway shell answers
 * interactions, and how both shells edit an answer or follow up after it.
 * Interaction tokens appear only in the routes, never in logs (`routeLabel`).
 */
import type { RestManager } from "@discordeno/rest";
import type { MessageBody } from "../../core/message_body.ts";
import type {
  InteractionCallback,
  InteractionTransport,
} from "../interactions/interaction_transport.ts";
import { EPHEMERAL_FLAG } from "../interactions/interaction_transport.ts";
import { messageRequest } from "./discord_port.ts";
import type { RetryOptions } from "../../lib/retry.ts";
import { callDiscord } from "./rest_failure.ts";

/** Options of `createRestTransport`. */
export interface RestTransportOptions {
  retry?: RetryOptions;
  observe?: (route: string, status: number) => void;
  /** Retry edits and follow-ups that got no answer (default true; false behind a REST proxy). */
  retryUnanswered?: boolean;
}

/** An `InteractionTransport` that sends callbacks, edits and follow-ups through REST. */
export function createRestTransport(
  rest: RestManager,
  options: RestTransportOptions = {},
): InteractionTransport {
  const shared = {
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.observe === undefined ? {} : { observe: options.observe }),
    ...(options.retryUnanswered === undefined ? {} : { retryUnanswered: options.retryUnanswered }),
  };
  return {
    async callback(interactionId: string, token: string, response: InteractionCallback) {
      // Like discordeno's own helper: callbacks need no bot authorization and are
      // exempt from rate limits. A retried callback could answer twice, and the
      // 3-second deadline leaves no room for backoff, so there is one attempt.
      await callDiscord(rest, "POST", `/interactions/${interactionId}/${token}/callback`, {
        body: response,
        unauthorized: true,
        runThroughQueue: false,
        ...(options.observe === undefined ? {} : { observe: options.observe }),
        retry: { maxAttempts: 1 },
      });
    },

    async editOriginal(applicationId: string, token: string, body: MessageBody) {
      await callDiscord(
        rest,
        "PATCH",
        `/webhooks/${applicationId}/${token}/messages/@original`,
        { ...messageRequest(body), ...shared },
      );
    },

    async followUp(applicationId: string, token: string, body: MessageBody, ephemeral: boolean) {
      await callDiscord(rest, "POST", `/webhooks/${applicationId}/${token}`, {
        ...messageRequest(body, ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
        ...shared,
      });
    },
  };
}
