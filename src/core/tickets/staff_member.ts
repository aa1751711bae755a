/**
 * Whether someone named in a command is staff of a ticket type, looked up through
 * Discord (their roles): one of the type's staff roles, or Manage Server through
 * their roles, as the access table counts admins as staff.
 */
import type { DiscordPort } from "../discord_port.ts";
import type { UserId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import { basePermissions } from "../guild_check.ts";
import { hasPermission, Permission } from "../permissions_bits.ts";

/** `staff`, `not_staff`, or `not_member` when they are not in the guild. */
export type StaffStanding = "staff" | "not_staff" | "not_member";

/** How `userId` stands with `type`'s staff. */
export async function staffStanding(
  discord: Pick<DiscordPort, "member" | "roles">,
  type: Pick<TicketType, "guildId" | "staffRoleIds">,
  userId: UserId,
): Promise<StaffStanding> {
  const member = await discord.member(type.guildId, userId);
  if (member === null) return "not_member";
  if (member.roles.some((role) => type.staffRoleIds.includes(role))) return "staff";
  const permissions = basePermissions(
    type.guildId,
    member.roles,
    await discord.roles(type.guildId),
  );
  return hasPermission(permissions, Permission.ManageGuild) ? "staff" : "not_staff";
}
