/**
 * Closes a ticket on the bot's own account (an auto close, a close request that
 * timed out, an opener who left), through the same close flow as a person's
 * close. A close that stops midway stays in `closing` and reconciliation resumes it.
 */
import type { HandlerContext } from "../context.ts";
import type { Ticket } from "../model.ts";
import { runClose } from "./close_flow.ts";

/** The close reason of a ticket whose opener did not answer the staff in time. */
export const NO_REPLY_REASON = "no reply";
/** The close reason of a ticket whose opener left the server. */
export const OPENER_LEFT_REASON = "opener left";
/** The close reason of a close request that timed out without a reason of its own. */
export const CLOSE_REQUEST_TIMEOUT_REASON = "no answer to the close request";

/** Closes `ticket` as the bot with `reason`; true when it is closed. */
export async function closeByBot(
  ticket: Ticket,
  ctx: HandlerContext,
  reason: string,
): Promise<boolean> {
  const bot = await ctx.discord.botUser();
  const outcome = await runClose(ticket, ctx, { by: bot.id, reason });
  if (outcome.kind === "closed") return true;
  ctx.log.warn(
    "Closing ticket {number} in guild {guildId} ({reason}) stopped at {step}: {failure}; the next pass resumes it",
    {
      number: ticket.number,
      guildId: ticket.guildId,
      reason,
      step: outcome.step,
      failure: outcome.reason,
    },
  );
  return false;
}
