/**
 * Permission overwrites of ticket channels and ticket categories (pure). The bot
 * is not Administrator, and Discord refuses an overwrite that allows or denies a
 * bit the bot does not hold itself, so every allowed bitfield is masked to the
 * bot's own guild-wide permissions. @everyone is always denied View Channel:
 * a bot that cannot deny it must refuse to create the channel, never make a
 * public one.
 */
import type { GuildId, RoleId, UserId } from "../ids.ts";
import type { Overwrite } from "../discord_port.ts";
import { Permission } from "../permissions_bits.ts";

/** What openers, added members and staff may do in a ticket. */
export const PARTICIPANT_ALLOW = Permission.ViewChannel | Permission.SendMessages |
  Permission.ReadMessageHistory | Permission.AttachFiles | Permission.EmbedLinks;

/** What the bot needs in its own ticket channels. */
export const BOT_ALLOW = PARTICIPANT_ALLOW | Permission.ManageChannels | Permission.ManageRoles;

/**
 * The bits the bot may put in an overwrite, given its own permissions: only what it
 * holds, and never Manage Roles (in a channel, "Manage Permissions"), which Discord
 * lets a bot that is not Administrator grant only where an overwrite already gives
 * it that permission. The bot keeps Manage Roles in ticket channels through its role.
 */
export function grantable(botPermissions: bigint): bigint {
  if ((botPermissions & Permission.Administrator) !== 0n) return ~0n & ((1n << 64n) - 1n);
  return botPermissions & ~Permission.ManageRoles;
}

/** Who a private channel or category is for. */
export interface OverwriteTargets {
  guildId: GuildId;
  staffRoleIds: readonly RoleId[];
  botId: UserId;
  /**
   * The bot's guild-wide permissions (from its roles), never `app_permissions`:
   * that is its view of the interaction's channel, which it may not even see.
   */
  botPermissions: bigint;
}

/** Overwrites of a private place: @everyone denied, staff and bot allowed. */
export function staffOnlyOverwrites(targets: OverwriteTargets): Overwrite[] {
  const mask = grantable(targets.botPermissions);
  const list: Overwrite[] = [
    {
      id: targets.guildId as string as RoleId,
      type: "role",
      allow: 0n,
      deny: Permission.ViewChannel,
    },
  ];
  for (const role of new Set(targets.staffRoleIds)) {
    list.push({ id: role, type: "role", allow: PARTICIPANT_ALLOW & mask, deny: 0n });
  }
  list.push({ id: targets.botId, type: "member", allow: BOT_ALLOW & mask, deny: 0n });
  return list;
}

/** Overwrites of a ticket channel: the staff-only set plus the opener. */
export function ticketOverwrites(targets: OverwriteTargets & { openerId: UserId }): Overwrite[] {
  const mask = grantable(targets.botPermissions);
  const list = staffOnlyOverwrites(targets);
  if (targets.openerId !== targets.botId) {
    list.splice(1, 0, {
      id: targets.openerId,
      type: "member",
      allow: PARTICIPANT_ALLOW & mask,
      deny: 0n,
    });
  }
  return list;
}

/** The overwrite of a member added to a ticket. */
export function memberOverwrite(userId: UserId, botPermissions: bigint): Overwrite {
  return {
    id: userId,
    type: "member",
    allow: PARTICIPANT_ALLOW & grantable(botPermissions),
    deny: 0n,
  };
}
