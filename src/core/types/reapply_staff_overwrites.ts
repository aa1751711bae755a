/**
 * When a type's staff roles change, its open tickets follow: roles added get
 * the participant overwrite, roles removed lose theirs. Channels already gone
 * are skipped; the reconciliation repairs the rest later. Thread tickets have no
 * overwrites (a private thread's members are its own): they are left as they are.
 */
import type { RoleId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import type { DiscordPort } from "../discord_port.ts";
import type { TicketStore } from "../ports.ts";
import { grantable, PARTICIPANT_ALLOW } from "../tickets/overwrites.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import { livesInThread } from "../tickets/ticket_place.ts";

/** Re-applies the staff overwrites of every open ticket of `type`; gives how many it changed. */
export async function reapplyStaffOverwrites(
  ctx: { tickets: Pick<TicketStore, "withStatus">; discord: DiscordPort },
  change: { type: TicketType; before: readonly RoleId[]; botPermissions: bigint },
): Promise<number> {
  const { type, before } = change;
  const added = type.staffRoleIds.filter((role) => !before.includes(role));
  const removed = before.filter((role) => !type.staffRoleIds.includes(role));
  if (added.length === 0 && removed.length === 0) return 0;
  const tickets = (await ctx.tickets.withStatus(["open"])).filter((t) =>
    t.typeId === type.id && t.channelId !== null
  );
  const allow = PARTICIPANT_ALLOW & grantable(change.botPermissions);
  let changed = 0;
  for (const ticket of tickets) {
    const channelId = ticket.channelId!;
    try {
      if (await livesInThread(ctx.discord, channelId)) continue;
      for (const role of added) {
        await ctx.discord.editOverwrite(channelId, { id: role, type: "role", allow, deny: 0n });
      }
      for (const role of removed) await ctx.discord.deleteOverwrite(channelId, role);
      changed += 1;
    } catch (error) {
      if (!(error instanceof DiscordRequestError && error.failure.kind === "unknown_channel")) {
        throw error;
      }
    }
  }
  return changed;
}
