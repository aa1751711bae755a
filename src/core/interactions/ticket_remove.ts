/** `/ticket remove <user>`: takes a member's access to this ticket away. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { defineSubcommand, type OptionValues } from "./define_command.ts";
import { userOption } from "./command_option.ts";
import { guildText, readerText } from "../language.ts";

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
  const reader = readerText(input);
  if (target === null) return refuse("invalid_value", reader.t("members.choose_remove"));
  if (target.value === ticket.openerId) {
    return refuse("cannot_remove", reader.t("members.cannot_remove_opener"));
  }
  if (target.user?.bot === true || target.value === (await ctx.discord.botUser()).id) {
    return refuse("cannot_remove", reader.t("members.cannot_remove_bot"));
  }
  const members = await ctx.tickets.members(ticket.id);
  if (!members.some((m) => m.userId === target.value)) {
    return refuse("not_member", reader.t("members.not_added", { user: target.value }));
  }
  await ctx.discord.deleteOverwrite(ticket.channelId ?? input.channelId, target.value);
  await ctx.tickets.removeMember(ticket.id, target.value);
  const guild = await guildText(ctx, input);
  const who = { actor: input.member.user.id, user: target.value };
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: input.member.user.id,
      action: "ticket.remove",
      detail: { userId: target.value },
    },
    guild.t("members.removed_audit", { ...who, number: ticket.number }),
  );
  return visible({
    content: guild.t("members.removed", who),
    allowed_mentions: { parse: [] },
  });
}
