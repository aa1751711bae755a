/** `/ticket assistant on|off`: pauses or resumes the assistant relay in one ticket. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";
import { guildText, readerText } from "../language.ts";

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
    return refuse("invalid_value", readerText(input).t("assistant.choose"));
  }
  const guild = await guildText(ctx, input);
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
    guild.t("assistant.audit", { user: me, state, number: ticket.number }),
  );
  const notConfigured = ctx.assistant === false ? guild.t("assistant.not_configured") : "";
  return visible({
    content: guild.t(paused ? "assistant.paused" : "assistant.resumed", { user: me }) +
      notConfigured,
    allowed_mentions: { parse: [] },
  });
}
