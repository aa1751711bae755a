/**
 * `/ticket priority <low|normal|high|urgent>`: staff set how urgent a ticket is.
 * It is stored and announced in the ticket; the channel is never renamed for it.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { TICKET_PRIORITIES, type TicketPriority } from "../model.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";

const OPTIONS = [{
  type: OptionType.String,
  name: "level",
  description: "How urgent the ticket is",
  required: true,
  choices: TICKET_PRIORITIES.map((p) => ({ name: p, value: p })),
}] as const;

/** `/ticket priority <level>`. */
export const ticketPriority = defineSubcommand({
  name: "priority",
  description: "Set how urgent this ticket is",
  options: OPTIONS,
  handler: handleTicketPriority,
});

/** A priority's name in `tr`'s language. */
export function priorityName(priority: TicketPriority, tr: Translator): string {
  return tr.t(`priority.${priority}`);
}

/** Handles `/ticket priority`. */
export async function handleTicketPriority(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketFor("priority", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const reader = readerText(input);
  const priority = TICKET_PRIORITIES.find((p) => p === options.level);
  if (priority === undefined) return refuse("invalid_value", reader.t("priority.choose"));
  if (priority === ticket.priority) {
    return refuse(
      "invalid_value",
      reader.t("priority.same", { priority: priorityName(priority, reader) }),
    );
  }
  await ctx.tickets.setPriority(ticket.id, priority);
  const me = input.member.user.id;
  const guild = await guildText(ctx, input);
  const name = priorityName(priority, guild);
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.priority",
      detail: { from: ticket.priority, to: priority },
    },
    guild.t("priority.audit", { user: me, number: ticket.number, priority: name }),
  );
  return visible({
    content: guild.t("priority.set", { user: me, priority: name }),
    allowed_mentions: { parse: [] },
  });
}
