/**
 * The bot's guild-wide permissions, which Discord judges channel creation and
 * overwrites by: never `app_permissions`, which is the bot's view of the channel
 * an interaction came from (a channel the bot may not even see).
 */
import type { DiscordPort } from "../discord_port.ts";
import type { GuildId, UserId } from "../ids.ts";
import { basePermissions } from "../guild_check.ts";
import { hasPermission, Permission } from "../permissions_bits.ts";
import { type Refusal, refuse } from "../refusal.ts";
import { fromDiscordLocale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/** Permissions without which the bot cannot make a private channel, by name. */
export const PRIVACY_PERMISSIONS: readonly { name: string; bit: bigint }[] = [
  { name: "View Channel", bit: Permission.ViewChannel },
  { name: "Manage Channels", bit: Permission.ManageChannels },
  { name: "Manage Roles", bit: Permission.ManageRoles },
];

/** The bot's guild-wide permissions in `guildId` (its member and the guild's roles). */
export async function botGuildPermissions(
  discord: Pick<DiscordPort, "member" | "roles">,
  guildId: GuildId,
  botId: UserId,
): Promise<bigint> {
  const [member, roles] = await Promise.all([
    discord.member(guildId, botId),
    discord.roles(guildId),
  ]);
  return member === null ? 0n : basePermissions(guildId, member.roles, roles);
}

/** Names of the permissions in `PRIVACY_PERMISSIONS` that `permissions` lacks. */
export function missingForPrivacy(permissions: bigint): string[] {
  return PRIVACY_PERMISSIONS.filter((p) => !hasPermission(permissions, p.bit)).map((p) => p.name);
}

/** The refusal, in the reader's language, when the bot cannot make `what` private. */
export function privacyRefusal(
  missing: readonly string[],
  what: "setup" | "ticket_channel",
  options: { locale: string },
): Refusal {
  const locale = fromDiscordLocale(options.locale);
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(missing);
  return refuse(
    "bot_missing_permissions",
    t(locale, "privacy.cannot_make_private", { what, list, count: missing.length }),
  );
}
