/** Reopening: `/ticket reopen <number>` and the Reopen button on a closed ticket's summary. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, ComponentInput, InteractionInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import type { TicketId } from "../model.ts";
import { reopenTicket } from "../tickets/reopen_ticket.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";
import { defineButton } from "./define_component.ts";

const OPTIONS = [{
  type: OptionType.Integer,
  name: "number",
  description: "The number of the closed ticket",
  required: true,
  min_value: 1,
}] as const;

/** `/ticket reopen <number>`. */
export const ticketReopen = defineSubcommand({
  name: "reopen",
  description: "Reopen a closed ticket, with its opener and members",
  options: OPTIONS,
  handler: handleTicketReopen,
});

/** The Reopen button on a closed ticket's summary in the log channel. */
export const reopenButton = defineButton({
  action: "reopen",
  handler: (input, ctx, id) => handleReopenButton(input, ctx, id.ticketId),
});

function uploadLimit(input: InteractionInput) {
  return input.attachmentSizeLimit === undefined
    ? {}
    : { uploadLimitBytes: input.attachmentSizeLimit };
}

/** Handles `/ticket reopen <number>`. */
export async function handleTicketReopen(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  // Discord requires the option; a number it let through that is no ticket is "not found".
  const number = options.number ?? 0;
  const ticket = number >= 1 ? await ctx.tickets.byNumber(input.guildId, number) : null;
  return await reopenTicket(input, ctx, {
    ticket,
    number,
    options: uploadLimit(input),
  });
}

/** Handles the Reopen button on a summary. */
export async function handleReopenButton(
  input: ComponentInput,
  ctx: HandlerContext,
  ticketId: TicketId,
): Promise<Reply> {
  const ticket = await ctx.tickets.get(ticketId);
  return await reopenTicket(input, ctx, {
    ticket,
    number: null,
    options: uploadLimit(input),
  });
}
