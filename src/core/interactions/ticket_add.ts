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
import { guildText, readerText } from "../language.ts";

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
  const reader = readerText(input);
  if (target === null) return refuse("invalid_value", reader.t("members.choose_add"));
  if (target.value === ticket.openerId) {
    return refuse("already_member", reader.t("members.opener_has_access"));
  }
  const members = await ctx.tickets.members(ticket.id);
  if (members.some((m) => m.userId === target.value)) {
    return refuse("already_member", reader.t("members.already_in", { user: target.value }));
  }
  const member = await ctx.discord.member(input.guildId, target.value);
  if (member === null) return refuse("member_missing", reader.t("members.not_member"));
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
  const guild = await guildText(ctx, input);
  const who = { actor: input.member.user.id, user: target.value };
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: input.member.user.id,
      action: "ticket.add",
      detail: { userId: target.value },
    },
    guild.t("members.added_audit", { ...who, number: ticket.number }),
  );
  return visible({
    content: guild.t("members.added", who),
    allowed_mentions: { parse: [], users: [target.value] },
  });
}
