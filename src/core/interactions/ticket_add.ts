/** `/ticket add <user>`: gives a member access to this ticket. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import type { Reply } from "../reply.ts";
import { memberOverwrite } from "../tickets/overwrites.ts";
import { changeMemberAccess } from "../tickets/member_access.ts";
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
  return await changeMemberAccess(input, ctx, {
    verb: "add",
    target: options.user,
    check: async (target, ticket, reader) => {
      const members = await ctx.tickets.members(ticket.id);
      if (members.some((m) => m.userId === target.value)) {
        return refuse("already_member", reader.t("members.already_in", { user: target.value }));
      }
      const member = await ctx.discord.member(input.guildId, target.value);
      if (member === null) return refuse("member_missing", reader.t("members.not_member"));
      return null;
    },
    apply: async (target, ticket) => {
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
    },
  });
}
