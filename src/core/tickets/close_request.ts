/**
 * A close request nobody answered: once the type's close-request timeout has
 * passed, the ticket closes with the request's reason. The request is ended by
 * compare-and-set first, so of several processes only one closes, and an answer
 * given at the same moment wins or loses as a whole.
 */
import type { HandlerContext } from "../context.ts";
import type { Ticket } from "../model.ts";
import type { DueTimer } from "./timings.ts";
import { CLOSE_REQUEST_TIMEOUT_REASON, closeByBot } from "./bot_close.ts";

/** What a timed-out close request did: closed the ticket, or someone else took it. */
export type CloseRequestOutcome = "closed" | "taken" | "failed";

/** Closes `ticket` for its close request `timer` that timed out. */
export async function closeUnansweredRequest(
  ticket: Ticket,
  timer: Extract<DueTimer, { kind: "close_request" }>,
  ctx: HandlerContext,
): Promise<CloseRequestOutcome> {
  const ended = await ctx.timers.endCloseRequest(ticket.id, timer.seq);
  if (ended === null) return "taken";
  const reason = ended.reason ?? CLOSE_REQUEST_TIMEOUT_REASON;
  return await closeByBot(ticket, ctx, reason) ? "closed" : "failed";
}
