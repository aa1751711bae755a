/** `/ticket add <user>`: gives a member access to this ticket. */
import { refuse } from "../refusal.ts";
import { memberOverwrite } from "../tickets/overwrites.ts";
import { memberAccessSubcommand } from "./member_access.ts";
import { livesInThread } from "../tickets/ticket_place.ts";
import { addToThread } from "../tickets/thread_members.ts";

/** `/ticket add <user>`. */
export const ticketAdd = memberAccessSubcommand({
  verb: "add",
  description: "Give a member access to this ticket",
  userDescription: "Member to add",
  check: async (target, { ticket, input, ctx, reader }) => {
    const members = await ctx.tickets.members(ticket.id);
    if (members.some((m) => m.userId === target.value)) {
      return refuse("already_member", reader.t("members.already_in", { user: target.value }));
    }
    const member = await ctx.discord.member(input.guildId, target.value);
    if (member === null) return refuse("member_missing", reader.t("members.not_member"));
    return null;
  },
  apply: async (target, { ticket, input, ctx }) => {
    const place = ticket.channelId ?? input.channelId;
    if (await livesInThread(ctx.discord, place)) {
      await addToThread(ctx.discord, place, target.value);
    } else {
      await ctx.discord.editOverwrite(place, memberOverwrite(target.value, input.appPermissions));
    }
    await ctx.tickets.addMember({
      ticketId: ticket.id,
      userId: target.value,
      addedBy: input.member.user.id,
      addedAt: ctx.clock.now(),
    });
  },
});
