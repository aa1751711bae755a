/**
 * A member's permissions in one channel, computed the way Discord does: the
 * guild-wide ones, then the channel's @everyone overwrite, its role overwrites
 * together, and the member's own. Administrator stands for every permission.
 */
import type { Channel, Member } from "../discord_port.ts";
import type { GuildId } from "../ids.ts";
import { Permission } from "../permissions_bits.ts";

/** Every permission bit (what Administrator holds). */
const EVERYTHING = (1n << 53n) - 1n;

/** `member`'s permissions in `channel`, given their guild-wide `base` permissions. */
export function permissionsIn(
  channel: Pick<Channel, "overwrites">,
  member: Pick<Member, "user" | "roles">,
  options: { guildId: GuildId; base: bigint },
): bigint {
  if ((options.base & Permission.Administrator) !== 0n) return EVERYTHING;
  let permissions = options.base;
  const everyone = channel.overwrites.find((o) =>
    o.type === "role" && (o.id as string) === options.guildId
  );
  if (everyone !== undefined) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of channel.overwrites) {
    if (
      o.type === "role" && (o.id as string) !== options.guildId &&
      (member.roles as readonly string[]).includes(o.id)
    ) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = channel.overwrites.find((o) => o.type === "member" && o.id === member.user.id);
  if (own !== undefined) permissions = (permissions & ~own.deny) | own.allow;
  return permissions;
}
