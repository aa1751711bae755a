/**
 * Guilds the bot left or was removed from, kept in the database's `meta` table
 * (one key per guild) so every process skips them until Discord sends the guild
 * again: each request to a guild the bot is not in is answered 403, and those
 * count toward Discord's invalid-request limit. The departure is also dated in
 * the database, for deleting the guild's data 30 days later unless the bot is back.
 */
import { type GuildId, guildId as toGuildId } from "../core/ids.ts";
import type { RetentionStore, SettingsStore } from "../core/ports.ts";

type MetaStore = Pick<SettingsStore, "meta" | "setMeta" | "metaWithPrefix">;
type Departures = Pick<RetentionStore, "recordDeparture" | "cancelDeparture">;

const PREFIX = "guild_left:";
const LEFT = "1";
const BACK = "0";

function keyOf(guildId: string): string {
  return `${PREFIX}${guildId}`;
}

/** True when the bot left `guildId` and has not been given it back since. */
export async function hasLeftGuild(
  settings: Pick<SettingsStore, "meta">,
  guildId: GuildId | string,
): Promise<boolean> {
  return (await settings.meta(keyOf(guildId))) === LEFT;
}

/** What the gateway records as guilds come and go. */
export interface LeftGuilds {
  /** `GUILD_DELETE` without `unavailable`: the bot is no longer in `guildId`. */
  markLeft(guildId: string): Promise<void>;
  /** `GUILD_CREATE`: the bot is in `guildId`; writes only when it had left. */
  markBack(guildId: string): Promise<void>;
}

/**
 * A recorder for one process. The guilds marked left are read once, on the first
 * `GUILD_CREATE`, and kept in memory: a start delivers one `GUILD_CREATE` per guild,
 * and a database read for each of thousands would only cost memory and time. The
 * process that owns a guild's shard is the one that receives its `GUILD_DELETE`
 * and `GUILD_CREATE`, so the set it keeps stays true.
 */
export function createLeftGuilds(settings: MetaStore, departures: Departures): LeftGuilds {
  let left: Promise<Set<string>> | null = null;
  const known = () =>
    left ??= settings.metaWithPrefix(PREFIX).then((rows) =>
      new Set(rows.filter((r) => r.value === LEFT).map((r) => r.key.slice(PREFIX.length)))
    );
  return {
    async markLeft(guildId) {
      const set = await known();
      await settings.setMeta(keyOf(guildId), LEFT);
      await departures.recordDeparture(toGuildId(guildId));
      set.add(guildId);
    },
    async markBack(guildId) {
      const set = await known();
      if (!set.has(guildId)) return;
      await departures.cancelDeparture(toGuildId(guildId));
      await settings.setMeta(keyOf(guildId), BACK);
      set.delete(guildId);
    },
  };
}
