/**
 * Re-applying a staff role change to the places it guards: every open ticket
 * channel of the type and the log channel get the role's overwrite added or
 * removed, so a change of staff takes effect at once, not only for new tickets.
 */
import type { HandlerContext } from "../context.ts";
import type { GuildId, RoleId } from "../ids.ts";
import type { TicketTypeId } from "../model.ts";
import { grantable, PARTICIPANT_ALLOW } from "./overwrites.ts";
import { botGuildPermissions } from "./bot_permissions.ts";
import { livesInThread } from "./ticket_place.ts";

/** Which role changed, and how. */
export interface StaffRoleChange {
  guildId: GuildId;
  typeId: TicketTypeId;
  roleId: RoleId;
  change: "add" | "remove";
}

/** How many channels were updated, and how many could not be. */
export interface ReapplyResult {
  tickets: number;
  logChannel: boolean;
  failed: number;
}

/** Adds or removes the overwrite of `change.roleId` on the type's open tickets and the log channel. */
export async function reapplyStaffRole(
  ctx: HandlerContext,
  change: StaffRoleChange,
): Promise<ReapplyResult> {
  const tickets = (await ctx.tickets.withStatus(["open"]))
    .filter((t) => t.guildId === change.guildId && t.typeId === change.typeId);
  const logChannelId = (await ctx.settings.guild(change.guildId)).logChannelId;
  let allow = 0n;
  if (change.change === "add") {
    const bot = await ctx.discord.botUser();
    allow = PARTICIPANT_ALLOW &
      grantable(await botGuildPermissions(ctx.discord, change.guildId, bot.id));
  }
  const apply = async (channelId: NonNullable<typeof logChannelId>): Promise<boolean> => {
    try {
      if (change.change === "add") {
        await ctx.discord.editOverwrite(channelId, {
          id: change.roleId,
          type: "role",
          allow,
          deny: 0n,
        });
      } else {
        await ctx.discord.deleteOverwrite(channelId, change.roleId);
      }
      return true;
    } catch (error) {
      ctx.log.warn(
        "Could not {change} the staff role {roleId} on channel {channelId} in guild {guildId}",
        { change: change.change, roleId: change.roleId, channelId, guildId: change.guildId, error },
      );
      return false;
    }
  };
  const result: ReapplyResult = { tickets: 0, logChannel: false, failed: 0 };
  for (const ticket of tickets) {
    if (ticket.channelId === null) continue;
    // A thread ticket has no overwrites: its members are its own.
    if (await livesInThread(ctx.discord, ticket.channelId).catch(() => false)) continue;
    if (await apply(ticket.channelId)) result.tickets++;
    else result.failed++;
  }
  if (logChannelId !== null) {
    if (await apply(logChannelId)) result.logChannel = true;
    else result.failed++;
  }
  return result;
}

/** The sentence that reports `result` to the admin. */
export function reapplyReport(result: ReapplyResult): string {
  const count = `${result.tickets} open ticket${result.tickets === 1 ? "" : "s"}`;
  const where = result.logChannel ? `${count} and the log channel` : count;
  const failed = result.failed === 0
    ? ""
    : ` ${result.failed} channel${
      result.failed === 1 ? "" : "s"
    } could not be updated: check that my role has Manage Roles and can see them.`;
  return `Updated ${where}.${failed}`;
}
