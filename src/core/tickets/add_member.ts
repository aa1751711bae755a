/** `/ticket add <user>`: gives a member access to this ticket. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../errors.ts";
import { type Reply, visible } from "../reply.ts";
import { option } from "../command_options.ts";
import { recordAction } from "../audit_log.ts";
import { memberOverwrite } from "./overwrites.ts";
import { isReply, ticketFor } from "./ticket_scope.ts";

/** Handles `/ticket add`. */
export async function handleTicketAdd(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  const scope = await ticketFor("add", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const target = option(input, "user", "user");
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
