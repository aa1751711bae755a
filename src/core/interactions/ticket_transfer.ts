/**
 * `/ticket transfer <user>`: staff hand the claim to another staff member of the
 * ticket's type. An unclaimed ticket is assigned to them. The claim changes by
 * compare-and-set, and in the `hide` and `readonly` claim modes the channel's
 * overwrites follow it.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { guildText, readerText } from "../language.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { staffStanding } from "../tickets/staff_member.ts";
import { claimChangesAccess, followClaim } from "../tickets/ticket_access.ts";
import { defineSubcommand, type OptionValues } from "./define_command.ts";
import { userOption } from "./command_option.ts";

const OPTIONS = [userOption("user", "Staff member who takes the ticket over")] as const;

/** `/ticket transfer <user>`. */
export const ticketTransfer = defineSubcommand({
  name: "transfer",
  description: "Hand this ticket to another staff member",
  options: OPTIONS,
  handler: handleTicketTransfer,
});

/** Handles `/ticket transfer`. */
export async function handleTicketTransfer(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketFor("transfer", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket, type } = scope;
  const reader = readerText(input);
  const target = options.user;
  if (target === null) return refuse("invalid_value", reader.t("transfer.choose"));
  if (target.user?.bot === true || target.value === (await ctx.discord.botUser()).id) {
    return refuse("invalid_value", reader.t("transfer.bot"));
  }
  if (target.value === ticket.claimedBy) {
    return refuse("already_claimed", reader.t("transfer.same", { user: target.value }));
  }
  const standing = await staffStanding(ctx.discord, type, target.value);
  if (standing === "not_member") return refuse("member_missing", reader.t("members.not_member"));
  if (standing === "not_staff") {
    return refuse(
      "not_allowed",
      reader.t("transfer.not_staff", { user: target.value, type: type.name }),
    );
  }
  const from = ticket.claimedBy;
  if (!(await ctx.tickets.claim(ticket.id, target.value, from))) {
    return refuse("not_claimed", reader.t("claim.changed"));
  }
  if (claimChangesAccess(type, from, target.value)) await ctx.defer({ ephemeral: false });
  const refusal = await followClaim(ctx, ticket, {
    type,
    from,
    to: target.value,
    locale: input.locale,
  });
  if (refusal !== null) return refusal;
  // Claiming pauses the assistant; handing a claim on leaves it as it is.
  if (from === null) await ctx.tickets.setAssistantPaused(ticket.id, true);
  const me = input.member.user.id;
  const guild = await guildText(ctx, input);
  const who = { actor: me, user: target.value };
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.transfer",
      detail: { from, to: target.value },
    },
    guild.t("transfer.audit", { ...who, number: ticket.number }),
  );
  return visible({
    content: guild.t(from === null ? "transfer.assigned" : "transfer.done", who),
    allowed_mentions: { parse: [], users: [target.value] },
  });
}
