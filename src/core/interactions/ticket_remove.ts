/** `/ticket remove <user>`: takes a member's access to this ticket away. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import type { Reply } from "../reply.ts";
import { changeMemberAccess } from "../tickets/member_access.ts";
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
  return await changeMemberAccess(input, ctx, {
    verb: "remove",
    target: options.user,
    check: async (target, ticket, reader) => {
      if (target.user?.bot === true || target.value === (await ctx.discord.botUser()).id) {
        return refuse("cannot_remove", reader.t("members.cannot_remove_bot"));
      }
      const members = await ctx.tickets.members(ticket.id);
      if (!members.some((m) => m.userId === target.value)) {
        return refuse("not_member", reader.t("members.not_added", { user: target.value }));
      }
      return null;
    },
    apply: async (target, ticket) => {
      await ctx.discord.deleteOverwrite(ticket.channelId ?? input.channelId, target.value);
      await ctx.tickets.removeMember(ticket.id, target.value);
    },
  });
}
