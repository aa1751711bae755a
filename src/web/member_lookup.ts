/**
 * Who a signed-in person is in a guild: their roles and whether they hold
 * Manage Server, looked up with the bot's token (`GET /guilds/{id}/members/{user}`
 * and the guild's roles), and the names lists show for people. Answers are kept
 * for a minute in this process, only to spare Discord repeated look-ups while
 * someone browses.
 */
import type { GuildId, RoleId, UserId } from "../core/ids.ts";
import { hasPermission, Permission } from "../core/permissions_bits.ts";
import type { Clock } from "../core/ports.ts";
import type { DiscordPort } from "../core/discord_port.ts";

/** A person as a guild sees them; null from `viewer` when they are not a member. */
export interface GuildViewer {
  userId: UserId;
  roles: RoleId[];
  /** Holds Manage Server (or Administrator) through their roles. */
  admin: boolean;
}

/** Looks people up in guilds, briefly cached. */
export interface MemberLookup {
  viewer(guildId: GuildId, userId: UserId): Promise<GuildViewer | null>;
  /** The name of a guild the bot is in, or its id when unknown. */
  guildName(guildId: GuildId): Promise<string>;
  /** How the guild shows a member (nickname, display name, username), or null for a stranger. */
  memberName(guildId: GuildId, userId: UserId): Promise<string | null>;
}

/** How long a look-up is reused. */
const CACHE_MS = 60_000;
/** Entries kept at most; the oldest go first. */
const CACHE_ENTRIES = 5_000;

/** A `MemberLookup` over `discord`, its cache timed by `clock`. */
export function createMemberLookup(
  discord: Pick<DiscordPort, "member" | "roles" | "guilds">,
  clock: Clock,
): MemberLookup {
  const cache = new Map<string, { at: number; viewer: Promise<GuildViewer | null> }>();
  const remember = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const now = clock.now().getTime();
    const hit = cache.get(key);
    if (hit !== undefined && now - hit.at < CACHE_MS) return hit.viewer as Promise<T>;
    const value = load();
    cache.set(key, { at: now, viewer: value as Promise<GuildViewer | null> });
    value.catch(() => cache.delete(key));
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    return value;
  };
  return {
    async guildName(guildId) {
      const guilds = await remember("guilds", () => discord.guilds());
      return guilds.find((g) => g.id === guildId)?.name ?? guildId;
    },
    memberName(guildId, userId) {
      return remember(`${guildId}/${userId}/name`, async () => {
        const member = await discord.member(guildId, userId);
        if (member === null) return null;
        return member.nick ?? member.user.globalName ?? member.user.username;
      });
    },
    viewer(guildId, userId) {
      return remember(`${guildId}/${userId}`, async () => {
        const member = await discord.member(guildId, userId);
        if (member === null) return null;
        const roles = await remember(`${guildId}/roles`, () => discord.roles(guildId));
        // @everyone's id is the guild's id; it applies to every member.
        let permissions = 0n;
        for (const role of roles as Array<{ id: string; permissions: bigint }>) {
          if (role.id === guildId || member.roles.includes(role.id as RoleId)) {
            permissions |= role.permissions;
          }
        }
        return {
          userId,
          roles: member.roles,
          admin: hasPermission(permissions, Permission.ManageGuild),
        };
      });
    },
  };
}
