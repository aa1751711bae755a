import type { FakeState } from "./state.ts";
import type { FakeChannel } from "./types.ts";

/** Every permission bit Discord defines today (bits 0–51), granted to owners and admins. */
export const ALL_PERMISSIONS: bigint = (1n << 52n) - 1n;

const ADMINISTRATOR = 1n << 3n;
const VIEW_CHANNEL = 1n << 10n;

/** A member's guild-wide permissions: @everyone plus their roles; owner and Administrator hold all. */
export function basePermissions(state: FakeState, guildId: string, userId: string): bigint {
  const guild = state.guilds.get(guildId);
  if (guild === undefined) return 0n;
  if (guild.owner_id === userId) return ALL_PERMISSIONS;
  const member = state.member(guildId, userId);
  if (member === undefined) return 0n;
  let permissions = BigInt(state.roles.get(guildId)?.permissions ?? "0");
  for (const roleId of member.roles) {
    const role = state.roles.get(roleId);
    if (role !== undefined) permissions |= BigInt(role.permissions);
  }
  if ((permissions & ADMINISTRATOR) !== 0n) return ALL_PERMISSIONS;
  return permissions;
}

/**
 * A member's permissions in a channel, computed in Discord's order: base, then the
 * @everyone overwrite, then all role overwrites together (deny, then allow), then the
 * member's own overwrite. Without View Channel nothing else applies.
 */
export function channelPermissions(state: FakeState, channelId: string, userId: string): bigint {
  const channel = state.channels.get(channelId);
  if (channel === undefined || channel.guild_id === null) return 0n;
  if (channel.thread !== undefined) return threadPermissions(state, channel, userId);
  const guildId = channel.guild_id;
  let permissions = basePermissions(state, guildId, userId);
  if ((permissions & ADMINISTRATOR) !== 0n || permissions === ALL_PERMISSIONS) {
    return ALL_PERMISSIONS;
  }
  const member = state.member(guildId, userId);
  if (member === undefined) return 0n;
  const overwrites = channel.permission_overwrites;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === guildId);
  if (everyone !== undefined) {
    permissions &= ~BigInt(everyone.deny);
    permissions |= BigInt(everyone.allow);
  }
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && overwrite.id !== guildId && member.roles.includes(overwrite.id)) {
      roleAllow |= BigInt(overwrite.allow);
      roleDeny |= BigInt(overwrite.deny);
    }
  }
  permissions &= ~roleDeny;
  permissions |= roleAllow;
  const own = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own !== undefined) {
    permissions &= ~BigInt(own.deny);
    permissions |= BigInt(own.allow);
  }
  if ((permissions & VIEW_CHANNEL) === 0n) return 0n;
  return permissions;
}

const MANAGE_THREADS = 1n << 34n;
const PRIVATE_THREAD = 12;

/**
 * A member's permissions in a thread: those of its parent channel; in a private
 * thread, nothing for someone who is neither a member nor holds Manage Threads there.
 */
function threadPermissions(state: FakeState, thread: FakeChannel, userId: string): bigint {
  const inParent = thread.parent_id === null
    ? 0n
    : channelPermissions(state, thread.parent_id, userId);
  if ((inParent & VIEW_CHANNEL) === 0n) return 0n;
  if (thread.type !== PRIVATE_THREAD || (inParent & MANAGE_THREADS) !== 0n) return inParent;
  return thread.thread?.members.includes(userId) === true ? inParent : 0n;
}
