/**
 * Permission overwrites of ticket channels and ticket categories (pure). The bot
 * is not Administrator, and Discord refuses an overwrite that allows or denies a
 * bit the bot does not hold itself, so every allowed bitfield is masked to the
 * bot's own guild-wide permissions. @everyone is always denied View Channel:
 * a bot that cannot deny it must refuse to create the channel, never make a
 * public one. `ticketChannelOverwrites` is the one place a ticket channel's
 * whole list is computed: at open, claim, transfer, move and staff changes.
 */
import type { GuildId, RoleId, UserId } from "../ids.ts";
import type { Overwrite } from "../discord_port.ts";
import type { ClaimMode } from "../model.ts";
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

/** What staff roles may do in a claimed `readonly` ticket: read it, not write in it. */
export const READONLY_STAFF_ALLOW = Permission.ViewChannel | Permission.ReadMessageHistory;

/** What staff roles are denied in a claimed `readonly` ticket (as far as the bot holds it). */
export const READONLY_STAFF_DENY = Permission.SendMessages | Permission.AddReactions |
  Permission.SendMessagesInThreads | Permission.CreatePublicThreads |
  Permission.CreatePrivateThreads;

/** Who a ticket channel is for: its type's staff and claim mode, its people and the bot. */
export interface TicketAccess extends OverwriteTargets {
  openerId: UserId;
  /** Members added to the ticket (`/ticket add`). */
  memberIds: readonly UserId[];
  /** Who handles the ticket, or null. */
  claimerId: UserId | null;
  claimMode: ClaimMode;
}

/** A staff role's overwrite in a ticket, given its claim mode and whether it is claimed. */
function staffRoleOverwrite(role: RoleId, access: TicketAccess, mask: bigint): Overwrite {
  const claimed = access.claimerId !== null;
  if (claimed && access.claimMode === "hide") {
    return { id: role, type: "role", allow: 0n, deny: Permission.ViewChannel & mask };
  }
  if (claimed && access.claimMode === "readonly") {
    return {
      id: role,
      type: "role",
      allow: READONLY_STAFF_ALLOW & mask,
      deny: READONLY_STAFF_DENY & mask,
    };
  }
  return { id: role, type: "role", allow: PARTICIPANT_ALLOW & mask, deny: 0n };
}

/**
 * The whole overwrite list of a ticket channel: @everyone denied, then the opener,
 * the added members and (when a claim does more than label) the claimer, each
 * with a member overwrite, then the staff roles as the claim mode has them, then
 * the bot. Administrators see everything whatever the list says, as on Discord.
 */
export function ticketChannelOverwrites(access: TicketAccess): Overwrite[] {
  const mask = grantable(access.botPermissions);
  const people = new Set<UserId>([access.openerId, ...access.memberIds]);
  if (access.claimerId !== null && access.claimMode !== "open") people.add(access.claimerId);
  people.delete(access.botId);
  const list: Overwrite[] = [
    {
      id: access.guildId as string as RoleId,
      type: "role",
      allow: 0n,
      deny: Permission.ViewChannel,
    },
  ];
  for (const user of people) list.push(memberOverwrite(user, access.botPermissions));
  for (const role of new Set(access.staffRoleIds)) {
    list.push(staffRoleOverwrite(role, access, mask));
  }
  list.push({ id: access.botId, type: "member", allow: BOT_ALLOW & mask, deny: 0n });
  return list;
}

/** Overwrites of a new ticket channel: the opener, staff and bot, nobody added or claiming yet. */
export function ticketOverwrites(targets: OverwriteTargets & { openerId: UserId }): Overwrite[] {
  return ticketChannelOverwrites({
    ...targets,
    memberIds: [],
    claimerId: null,
    claimMode: "open",
  });
}

/** True when both lists hold the same overwrites, in any order. */
export function sameOverwrites(a: readonly Overwrite[], b: readonly Overwrite[]): boolean {
  const key = (o: Overwrite) => `${o.type}:${o.id}:${o.allow}:${o.deny}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
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
