/** `/ticket add <user>`: gives a member access to this ticket. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { memberOverwrite } from "../tickets/overwrites.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, type OptionValues } from "./define_command.ts";
import { userOption } from "./command_option.ts";

const OPTIONS = [userOption("user", "Member to add")] as const;

/** `/ticket add <user>`. */
export const ticketAdd = defineSubcommand({
  name: "add",
  description: "Give a member access to this ticket",
  options: OPTIONS,
  handler: handleTicketAdd,
});

/** Handles `/ticket add`. */
export async function handleTicketAdd(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketFor("add", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const target = options.user;
  if (target === null) return refuse("invalid_value", "Choose the member to add.");
  if (target.value === ticket.openerId) {
    return refuse("already_member", "They opened this ticket, so they already have access.");
  }
  const members = await ctx.tickets.members(ticket.id);
  if (members.some((m) => m.userId === target.value)) {
    return refuse("already_member", `<@${target.value}> is already in this ticket.`);
  }
  const member = await ctx.discord.member(input.guildId, target.value);
  if (member === null) {
    return refuse("member_missing", "That user is not a member of this server.");
  }
  await ctx.discord.editOverwrite(
    ticket.channelId ?? input.channelId,
    memberOverwrite(target.value, input.appPermissions),
  );
  await ctx.tickets.addMember({
    ticketId: ticket.id,
    userId: target.value,
    addedBy: input.member.user.id,
    addedAt: ctx.clock.now(),
  });
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: input.member.user.id,
      action: "ticket.add",
      detail: { userId: target.value },
    },
    `<@${input.member.user.id}> added <@${target.value}> to ticket #${ticket.number}`,
  );
  return visible({
    content: `<@${input.member.user.id}> added <@${target.value}> to this ticket.`,
    allowed_mentions: { parse: [], users: [target.value] },
  });
}
