/**
 * Re-applying a staff role change to the places it guards: every open ticket
 * channel of the type gets its whole overwrite list again and the log channel
 * the role's overwrite added or removed, so a change of staff takes effect at
 * once, not only for new tickets.
 */
import type { HandlerContext } from "../context.ts";
import type { GuildId, RoleId } from "../ids.ts";
import type { TicketTypeId } from "../model.ts";
import { grantable, PARTICIPANT_ALLOW } from "./overwrites.ts";
import type { Translator } from "../../i18n/translator.ts";
import { botFacts, refreshTypeTickets } from "./ticket_access.ts";

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

/**
 * Writes the whole overwrite list of the type's open tickets again (the type's
 * staff roles are already changed), and adds or removes the role's overwrite on
 * the log channel.
 */
export async function reapplyStaffRole(
  ctx: HandlerContext,
  change: StaffRoleChange,
): Promise<ReapplyResult> {
  const logChannelId = (await ctx.settings.guild(change.guildId)).logChannelId;
  const bot = await botFacts(ctx.discord, change.guildId);
  const result: ReapplyResult = { tickets: 0, logChannel: false, failed: 0 };
  const type = await ctx.types.get(change.typeId);
  if (type !== null) {
    const tickets = await refreshTypeTickets(ctx, type, bot);
    result.tickets = tickets.written;
    result.failed = tickets.failed;
  }
  if (logChannelId === null) return result;
  try {
    if (change.change === "add") {
      await ctx.discord.editOverwrite(logChannelId, {
        id: change.roleId,
        type: "role",
        allow: PARTICIPANT_ALLOW & grantable(bot.botPermissions),
        deny: 0n,
      });
    } else {
      await ctx.discord.deleteOverwrite(logChannelId, change.roleId);
    }
    result.logChannel = true;
  } catch (error) {
    ctx.log.warn(
      "Could not {change} the staff role {roleId} on channel {channelId} in guild {guildId}",
      {
        change: change.change,
        roleId: change.roleId,
        channelId: logChannelId,
        guildId: change.guildId,
        error,
      },
    );
    result.failed++;
  }
  return result;
}

/** The sentence that reports `result` to the admin. */
export function reapplyReport(result: ReapplyResult, tr: Translator): string {
  return tr.t("config_set.reapplied", {
    tickets: result.tickets,
    log: result.logChannel ? "yes" : "no",
    failed: result.failed,
  });
}
