/**
 * After a close, the opener is asked by DM for a rating of 1-5 (when the type
 * asks for feedback): five buttons, once per ticket. A closed DM ends it quietly.
 */
import type { HandlerContext } from "../context.ts";
import { buttonRow } from "../button_row.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import type { Ticket } from "../model.ts";
import { guildLanguage, recipientLanguage } from "../language.ts";
import { translator } from "../../i18n/translator.ts";
import { creditedStaff } from "./credited_staff.ts";

/** The five rating buttons of `ticket`'s feedback message. */
export function ratingRow(ticket: Pick<Ticket, "id">) {
  return buttonRow([1, 2, 3, 4, 5].map((stars) => ({
    style: 2 as const,
    label: "\u2605".repeat(stars),
    id: { action: "rate" as const, ticketId: ticket.id, stars },
  })));
}

/**
 * The rating row for the transcript DM of `ticket` when its type asks for
 * feedback (null otherwise), with the opener marked as asked: the rating then
 * rides on the DM the close sends anyway, costing no request of its own.
 */
export async function feedbackForDm(
  ticket: Ticket,
  ctx: HandlerContext,
): Promise<{ row: ReturnType<typeof ratingRow>; typeName: string } | null> {
  const type = await ctx.types.get(ticket.typeId);
  if (type === null || !type.feedback) return null;
  await ctx.feedback.ask(
    ticket.id,
    ticket.guildId,
    await creditedStaff(ticket, ctx),
    ctx.clock.now(),
  );
  return { row: ratingRow(ticket), typeName: type.name };
}

/**
 * Asks the opener of a closed ticket for a rating in a DM of its own (when the
 * guild sends no transcript DM); once per ticket, and never throws.
 */
export async function askForFeedback(ticket: Ticket, ctx: HandlerContext): Promise<void> {
  try {
    const type = await ctx.types.get(ticket.typeId);
    if (type === null || !type.feedback) return;
    const staff = await creditedStaff(ticket, ctx);
    if (!(await ctx.feedback.ask(ticket.id, ticket.guildId, staff, ctx.clock.now()))) return;
    const fallback = guildLanguage(await ctx.settings.guild(ticket.guildId));
    const tr = translator(await recipientLanguage(ctx, ticket.openerId, fallback));
    const dm = await ctx.discord.dmChannel(ticket.openerId);
    await ctx.discord.sendMessage(dm, {
      content: tr.t("feedback.ask", { number: ticket.number, type: type.name }),
      components: [ratingRow(ticket)],
      allowed_mentions: { parse: [] },
    });
  } catch (error) {
    if (isDiscordFailure(error, "cannot_dm")) {
      ctx.log.info("Ticket {number}: the opener does not accept DMs; no rating asked", {
        number: ticket.number,
      });
      return;
    }
    ctx.log.warn("Could not ask for a rating of ticket {number}: {error}", {
      number: ticket.number,
      error,
    });
  }
}
