/** `/ticket remove <user>`: takes a member's access to this ticket away. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, type OptionValues } from "./define_command.ts";
import { userOption } from "./command_option.ts";

const OPTIONS = [userOption("user", "Member to remove")] as const;

/** `/ticket remove <user>`. */
export const ticketRemove = defineSubcommand({
  name: "remove",
  description: "Remove a member from this ticket",
  options: OPTIONS,
  handler: handleTicketRemove,
});

/** Handles `/ticket remove`. */
export async function handleTicketRemove(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketFor("remove", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const target = options.user;
  if (target === null) return refuse("invalid_value", "Choose the member to remove.");
  if (target.value === ticket.openerId) {
    return refuse(
      "cannot_remove",
      "The person who opened the ticket cannot be removed. Close the ticket instead.",
    );
  }
  if (target.user?.bot === true || target.value === (await ctx.discord.botUser()).id) {
    return refuse("cannot_remove", "Bots cannot be removed from a ticket with this command.");
  }
  const members = await ctx.tickets.members(ticket.id);
  if (!members.some((m) => m.userId === target.value)) {
    return refuse(
      "not_member",
      `<@${target.value}> was not added to this ticket, so there is nothing to remove.`,
    );
  }
  await ctx.discord.deleteOverwrite(ticket.channelId ?? input.channelId, target.value);
  await ctx.tickets.removeMember(ticket.id, target.value);
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: input.member.user.id,
      action: "ticket.remove",
      detail: { userId: target.value },
    },
    `<@${input.member.user.id}> removed <@${target.value}> from ticket #${ticket.number}`,
  );
  return visible({
    content: `<@${input.member.user.id}> removed <@${target.value}> from this ticket.`,
    allowed_mentions: { parse: [] },
  });
}
