/**
 * Guilds the bot left or was removed from, kept in the database's `meta` table
 * (one key per guild) so every process skips them until Discord sends the guild
 * again: each request to a guild the bot is not in is answered 403, and those
 * count toward Discord's invalid-request limit.
 */
import type { GuildId } from "../core/ids.ts";
import type { SettingsStore } from "../core/ports.ts";

type MetaStore = Pick<SettingsStore, "meta" | "setMeta">;

const LEFT = "1";
const BACK = "0";

function keyOf(guildId: string): string {
  return `guild_left:${guildId}`;
}

/** Records that the bot is no longer in `guildId` (`GUILD_DELETE` without `unavailable`). */
export async function markGuildLeft(settings: MetaStore, guildId: string): Promise<void> {
  await settings.setMeta(keyOf(guildId), LEFT);
}

/** Records that the bot is in `guildId` again (`GUILD_CREATE`); writes only when it had left. */
export async function markGuildBack(settings: MetaStore, guildId: string): Promise<void> {
  if ((await settings.meta(keyOf(guildId))) === LEFT) await settings.setMeta(keyOf(guildId), BACK);
}

/** True when the bot left `guildId` and has not been given it back since. */
export async function hasLeftGuild(
  settings: MetaStore,
  guildId: GuildId | string,
): Promise<boolean> {
  return (await settings.meta(keyOf(guildId))) === LEFT;
}
