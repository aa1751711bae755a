/** `/ticket remove <user>`: takes a member's access to this ticket away. */
import { refuse } from "../refusal.ts";
import { memberAccessSubcommand } from "./member_access.ts";
import { livesInThread } from "../tickets/ticket_place.ts";
import { removeFromThread } from "../tickets/thread_members.ts";

/** `/ticket remove <user>`. */
export const ticketRemove = memberAccessSubcommand({
  verb: "remove",
  description: "Remove a member from this ticket",
  userDescription: "Member to remove",
  check: async (target, { ticket, ctx, reader }) => {
    if (target.user?.bot === true || target.value === (await ctx.discord.botUser()).id) {
      return refuse("cannot_remove", reader.t("members.cannot_remove_bot"));
    }
    const members = await ctx.tickets.members(ticket.id);
    if (!members.some((m) => m.userId === target.value)) {
      return refuse("not_member", reader.t("members.not_added", { user: target.value }));
    }
    return null;
  },
  apply: async (target, { ticket, input, ctx }) => {
    const place = ticket.channelId ?? input.channelId;
    if (await livesInThread(ctx.discord, place)) {
      await removeFromThread(ctx.discord, place, target.value);
    } else {
      await ctx.discord.deleteOverwrite(place, target.value);
    }
    await ctx.tickets.removeMember(ticket.id, target.value);
  },
});
