/**
 * Runs one interaction through the dispatcher and answers it, the same way for
 * both shells: the first answer within Discord's 3-second deadline (deferring by
 * itself when the handler is slow), then edits or follow-ups through the
 * transport. For HTTP interactions the first answer is the HTTP response body.
 */
import { getLogger } from "@logtape/logtape";
import type { HandlerContext } from "../../core/context.ts";
import { apologize } from "../../core/interactions/apology.ts";
import type { AutocompleteInput, DirectInput, InteractionInput } from "../../core/interaction.ts";
import { suggest } from "../../core/interactions/autocomplete.ts";
import type { MessageBody } from "../../core/message_body.ts";
import { type Reply, runAfter } from "../../core/reply.ts";
import type { Metrics } from "../../app/metrics.ts";
import { withDeadline } from "../../lib/deadline.ts";
import { InFlight } from "./in_flight.ts";

export { InFlight };
import {
  EPHEMERAL_FLAG,
  type InteractionCallback,
  type InteractionTransport,
} from "./interaction_transport.ts";
import {
  MODAL_AFTER_DEFER_TEXT,
  refusalBody,
  replyToCallback,
  replyToEdit,
  withSafeMentions,
} from "./interaction_response.ts";

const log = getLogger(["ticketeer", "interaction"]);

/** The dispatcher: routes an interaction to its handler and returns the reply. */
export type Dispatch = (
  input: InteractionInput | DirectInput,
  ctx: HandlerContext,
) => Promise<Reply>;

/**
 * Default time before the runner defers on the handler's behalf. Discord allows
 * 3 s counted from its side, which includes the gateway's (or the network's) delay
 * before the interaction reaches us and the callback's trip back: 1.5 s leaves the
 * other half for those.
 */
export const DEFAULT_DEADLINE_MS = 1500;

/** What `runInteraction` needs. */
export interface RunInteractionDeps {
  dispatch: Dispatch;
  /** The handler context without `defer` (the runner provides it). */
  context: Omit<HandlerContext, "defer">;
  transport: InteractionTransport;
  /**
   * Receives the first answer instead of `transport.callback` (HTTP interactions
   * return it as the response body). Later edits still use the transport; a
   * returned promise is awaited before them.
   */
  first?: (callback: InteractionCallback) => void | Promise<void>;
  /** When the runner defers by itself if the handler has not answered (default 1500). */
  deadlineMs?: number;
  metrics?: Metrics;
  /** Monotonic milliseconds, for the handler latency (default `performance.now`). */
  now?: () => number;
}

/** How an interaction ended: the reply kind delivered, `error`, or `undelivered`. */
export type InteractionOutcome =
  | "message"
  | "update"
  | "modal"
  | "choices"
  | "refused"
  | "error"
  | "undelivered";

type AnswerState =
  /** Nothing sent yet. */
  | "pending"
  /** The reply itself went out as the first answer. */
  | "answered"
  /** Type 5 sent: the reply becomes an edit of the "thinking" message. */
  | "deferred"
  /** Type 6 sent (components): update edits the message, other replies follow up. */
  | "deferred_update";

/** Names an interaction for the log (never the token). */
function describe(input: InteractionInput | DirectInput): string {
  switch (input.kind) {
    case "command":
      return `/${[input.name, input.group, input.subcommand].filter((p) => p !== null).join(" ")}`;
    case "component":
      return `component ${input.customId}`;
    case "modal":
      return `modal ${input.customId}`;
    case "direct_component":
      return `DM component ${input.customId}`;
    case "direct_modal":
      return `DM modal ${input.customId}`;
    case "context_menu":
      return `context menu ${input.name}`;
  }
}

function hasFiles(reply: Reply): boolean {
  return (reply.kind === "message" || reply.kind === "update") &&
    (reply.body.files?.length ?? 0) > 0;
}

function deferCallback(ephemeral: boolean): InteractionCallback {
  return ephemeral ? { type: 5, data: { flags: EPHEMERAL_FLAG } } : { type: 5 };
}

/** Answers an autocomplete query with choices (none when finding them failed). */
async function answerAutocomplete(
  input: AutocompleteInput,
  deps: RunInteractionDeps,
): Promise<InteractionOutcome> {
  let choices: Array<{ name: string; value: string }> = [];
  try {
    choices = await withDeadline(
      suggest(input, deps.context),
      deps.deadlineMs ?? DEFAULT_DEADLINE_MS,
      () => [],
    );
  } catch (error) {
    log.warn("Could not find choices for /{command}: {error}", { command: input.name, error });
  }
  const callback: InteractionCallback = { type: 8, data: { choices } };
  try {
    if (deps.first !== undefined) await deps.first(callback);
    else await deps.transport.callback(input.id, input.token, callback);
    return "choices";
  } catch (error) {
    log.warn("Could not send choices for /{command}: {error}", { command: input.name, error });
    return "undelivered";
  }
}

/**
 * Dispatches `input` and answers it; resolves when the last answer was sent.
 * Never rejects: failures are logged and counted. Autocomplete queries are
 * answered with choices, within the same deadline.
 */
export async function runInteraction(
  input: InteractionInput | AutocompleteInput | DirectInput,
  deps: RunInteractionDeps,
): Promise<InteractionOutcome> {
  if (input.kind === "autocomplete") return await answerAutocomplete(input, deps);
  const now = deps.now ?? (() => performance.now());
  const where = describe(input);
  const logProps = {
    interactionId: input.id,
    interaction: where,
    guildId: "guildId" in input ? input.guildId : null,
  };
  let state: AnswerState = "pending";
  let firstSent: Promise<boolean> | null = null;

  const sendFirst = async (callback: InteractionCallback): Promise<boolean> => {
    try {
      if (deps.first !== undefined) await deps.first(callback);
      else await deps.transport.callback(input.id, input.token, callback);
      return true;
    } catch (error) {
      log.warn("Could not send the first answer to {interaction}: {error}", {
        ...logProps,
        error,
      });
      return false;
    }
  };
  const answerFirst = (callback: InteractionCallback, next: AnswerState): Promise<boolean> => {
    if (firstSent === null) {
      state = next;
      firstSent = sendFirst(callback);
    }
    return firstSent;
  };

  const ctx: HandlerContext = {
    ...deps.context,
    defer: async ({ ephemeral }) => {
      await answerFirst(deferCallback(ephemeral), "deferred");
    },
  };

  const timer = setTimeout(() => {
    if (firstSent !== null) return;
    log.info("Deferred {interaction}: the handler took longer than {deadlineMs} ms", {
      ...logProps,
      deadlineMs: deps.deadlineMs ?? DEFAULT_DEADLINE_MS,
    });
    // A component's reply may be an update of its message: acknowledge without a
    // new message (type 6); anything else gets an ephemeral "thinking..." (type 5).
    if (input.kind === "component" || input.kind === "direct_component") {
      answerFirst({ type: 6 }, "deferred_update");
    } else answerFirst(deferCallback(true), "deferred");
  }, deps.deadlineMs ?? DEFAULT_DEADLINE_MS);

  const started = now();
  let reply: Reply;
  let outcome: InteractionOutcome;
  try {
    reply = await deps.dispatch(input, ctx);
    outcome = reply.kind;
  } catch (error) {
    reply = apologize({ ids: deps.context.ids, log }, {
      error,
      where: { ...logProps, name: where },
    });
    outcome = "error";
  } finally {
    clearTimeout(timer);
  }
  deps.metrics?.handlerSeconds.observe(Math.max(0, now() - started) / 1000);

  const delivered = await deliver();
  try {
    await runAfter(reply);
  } catch (error) {
    log.warn("The work after answering {interaction} failed: {error}", { ...logProps, error });
  }
  deps.metrics?.interactions.inc({
    kind: input.kind,
    outcome: delivered ? outcome : "undelivered",
  });
  return delivered ? outcome : "undelivered";

  async function deliver(): Promise<boolean> {
    if (firstSent === null) {
      if (!hasFiles(reply)) return await answerFirst(replyToCallback(reply), "answered");
      // A JSON callback cannot carry files: acknowledge first, then edit with them.
      if (reply.kind === "update") answerFirst({ type: 6 }, "deferred_update");
      else answerFirst(deferCallback(reply.kind !== "message" || reply.ephemeral), "deferred");
    }
    if (!(await firstSent!)) return false; // the token is likely dead: do not spend requests
    try {
      const current = state as AnswerState;
      if (current === "deferred") {
        if (reply.kind === "modal") {
          log.error("A handler returned a modal for {interaction} after deferring it", logProps);
        }
        await edit(replyToEdit(reply));
      } else if (current === "deferred_update") {
        switch (reply.kind) {
          case "update":
            await edit(withSafeMentions(reply.body));
            break;
          case "message":
            await followUp(withSafeMentions(reply.body), reply.ephemeral);
            break;
          case "refused":
            await followUp(refusalBody(reply.text), true);
            break;
          case "modal":
            log.error("A modal could not be shown for {interaction}: it was already deferred", {
              ...logProps,
            });
            await followUp(refusalBody(MODAL_AFTER_DEFER_TEXT), true);
            break;
        }
      }
      return true;
    } catch (error) {
      log.warn("Could not deliver the answer to {interaction}: {error}", { ...logProps, error });
      return false;
    }
  }

  function edit(body: MessageBody): Promise<void> {
    return deps.transport.editOriginal(input.applicationId, input.token, body);
  }

  function followUp(body: MessageBody, ephemeral: boolean): Promise<void> {
    return deps.transport.followUp(input.applicationId, input.token, body, ephemeral);
  }
}
