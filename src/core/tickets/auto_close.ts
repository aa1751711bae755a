/**
 * The auto close of a type (`autoClose`): after a staff message, `warnAfterHours`
 * without a message from the opener posts one warning in the ticket (in the
 * guild's language, mentioning the opener); `closeAfterHours` later the ticket
 * closes with reason "no reply". Each step is taken by compare-and-set before it
 * acts, so of several processes only one warns and one closes; a warning that
 * could not be posted is tried again an hour later.
 */
import type { HandlerContext } from "../context.ts";
import type { Ticket } from "../model.ts";
import type { DueTimer } from "./timings.ts";
import { guildLanguage } from "../language.ts";
import { translator } from "../../i18n/translator.ts";
import { closeByBot, NO_REPLY_REASON } from "./bot_close.ts";

const HOUR_MS = 3_600_000;

/** What one due step of an auto close did. */
export type AutoCloseOutcome = "warned" | "closed" | "cancelled" | "taken" | "failed";

/** Takes the due step `timer` of `ticket`'s auto close. */
export async function runAutoCloseStep(
  ticket: Ticket,
  timer: Extract<DueTimer, { kind: "auto_close" }>,
  ctx: HandlerContext,
): Promise<AutoCloseOutcome> {
  const from = { step: timer.step, dueAt: timer.dueAt };
  const type = await ctx.types.get(ticket.typeId);
  const autoClose = type?.autoClose ?? null;
  if (autoClose === null || ticket.status !== "open" || ticket.channelId === null) {
    // Turned off since it was armed (or the ticket is going): nothing more to do.
    return await ctx.timers.advanceAutoClose(ticket.id, from, null) ? "cancelled" : "taken";
  }
  if (timer.step === "close") {
    if (!(await ctx.timers.advanceAutoClose(ticket.id, from, null))) return "taken";
    return await closeByBot(ticket, ctx, NO_REPLY_REASON) ? "closed" : "failed";
  }

  const closeAt = new Date(ctx.clock.now().getTime() + autoClose.closeAfterHours * HOUR_MS);
  const next = { step: "close" as const, dueAt: closeAt };
  if (!(await ctx.timers.advanceAutoClose(ticket.id, from, next))) return "taken";
  const tr = translator(guildLanguage(await ctx.settings.guild(ticket.guildId)));
  try {
    await ctx.discord.sendMessage(ticket.channelId, {
      content: tr.t("timers.auto_close_warning", {
        user: ticket.openerId,
        hours: autoClose.warnAfterHours,
        closeHours: autoClose.closeAfterHours,
      }),
      allowed_mentions: { parse: [], users: [ticket.openerId] },
      // A retried request cannot post the warning twice.
      nonce: `w${ticket.id.toString(36)}.${timer.dueAt.getTime().toString(36)}`,
      enforce_nonce: true,
    });
  } catch (error) {
    ctx.log.warn("Could not warn ticket {number} in guild {guildId} of its auto close: {error}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
    // Tried again in an hour, not at every pass: a refusal that lasts must not flood Discord.
    const retry = { step: "warn" as const, dueAt: new Date(ctx.clock.now().getTime() + HOUR_MS) };
    await ctx.timers.advanceAutoClose(ticket.id, next, retry);
    return "failed";
  }
  await ctx.audit.record({
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId: null,
    action: "ticket.auto_close_warn",
    detail: { number: ticket.number, closeAt: closeAt.toISOString() },
  });
  return "warned";
}
