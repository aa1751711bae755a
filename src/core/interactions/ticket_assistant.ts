/** `/ticket assistant on|off`: pauses or resumes the assistant relay in one ticket. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";

const OPTIONS = [{
  type: OptionType.String,
  name: "state",
  description: "on or off",
  required: true,
  choices: [{ name: "on", value: "on" }, { name: "off", value: "off" }],
}] as const;

/** `/ticket assistant on|off`. */
export const ticketAssistant = defineSubcommand({
  name: "assistant",
  description: "Pause or resume the assistant in this ticket",
  options: OPTIONS,
  handler: handleTicketAssistant,
});

/** Handles `/ticket assistant`. */
export async function handleTicketAssistant(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketFor("assistant", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const state = options.state;
  if (state !== "on" && state !== "off") {
    return refuse("invalid_value", "Choose `on` or `off`.");
  }
  const paused = state === "off";
  await ctx.tickets.setAssistantPaused(ticket.id, paused);
  const me = input.member.user.id;
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: paused ? "ticket.assistant_off" : "ticket.assistant_on",
      detail: {},
    },
    `<@${me}> turned the assistant ${state} in ticket #${ticket.number}`,
  );
  const notConfigured = ctx.assistant === false
    ? " (No assistant service is configured on this bot yet, so nothing is relayed either way.)"
    : "";
  return visible({
    content: (paused
      ? `<@${me}> paused the assistant in this ticket.`
      : `<@${me}> resumed the assistant in this ticket.`) + notConfigured,
    allowed_mentions: { parse: [] },
  });
}
