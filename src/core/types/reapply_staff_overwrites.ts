/**
 * When a type's staff roles change, its open tickets follow: each gets its whole
 * overwrite list written again (opener, members, claimer, the new staff roles as
 * the claim mode has them, the bot), so a claimed hidden ticket stays hidden.
 * Channels already gone are skipped; the reconciliation repairs the rest later.
 */
import type { HandlerContext } from "../context.ts";
import type { RoleId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import { botFacts, refreshTypeTickets } from "../tickets/ticket_access.ts";

/** Re-applies the overwrites of every open ticket of `type`; gives how many it changed. */
export async function reapplyStaffOverwrites(
  ctx: Pick<HandlerContext, "tickets" | "discord" | "log">,
  change: { type: TicketType; before: readonly RoleId[] },
): Promise<number> {
  const { type, before } = change;
  const added = type.staffRoleIds.filter((role) => !before.includes(role));
  const removed = before.filter((role) => !type.staffRoleIds.includes(role));
  if (added.length === 0 && removed.length === 0) return 0;
  const bot = await botFacts(ctx.discord, type.guildId);
  return (await refreshTypeTickets(ctx, type, bot)).written;
}
