/**
 * Who reads which language: an interaction's own answers follow the reader's
 * Discord locale; public messages follow the guild's language, chosen with
 * `/config set language`, else the guild's Discord locale, else English.
 */
import type { InteractionInput } from "./interaction.ts";
import type { UserId } from "./ids.ts";
import type { GuildSettings } from "./model.ts";
import { DEFAULT_LOCALE, fromDiscordLocale, type Locale } from "../i18n/locale.ts";
import { type Translator, translator } from "../i18n/translator.ts";
import { loadLanguage } from "../i18n/catalogs.ts";

/** The reader's translator, for ephemeral answers. */
export function readerText(input: Pick<InteractionInput, "locale">): Translator {
  return translator(fromDiscordLocale(input.locale));
}

/** The guild's language: the one chosen, else the guild's Discord locale, else English. */
export function guildLanguage(
  settings: Pick<GuildSettings, "language">,
  input?: Pick<InteractionInput, "guildLocale">,
): Locale {
  if (settings.language !== null) return settings.language;
  return input?.guildLocale ? fromDiscordLocale(input.guildLocale) : DEFAULT_LOCALE;
}

/** The guild's translator, for messages everyone in a channel reads. */
export async function guildText(
  ctx: { settings: { guild(guildId: InteractionInput["guildId"]): Promise<GuildSettings> } },
  input: Pick<InteractionInput, "guildId" | "guildLocale">,
): Promise<Translator> {
  return translator(guildLanguage(await ctx.settings.guild(input.guildId), input));
}

/** A DM's language: the recipient's as their last interaction showed it, else `fallback`. */
export async function recipientLanguage(
  ctx: { settings: { memberLocale(userId: UserId): Promise<string | null> } },
  userId: UserId,
  fallback: Locale,
): Promise<Locale> {
  const known = await ctx.settings.memberLocale(userId);
  const locale = known === null ? fallback : fromDiscordLocale(known);
  await loadLanguage(locale);
  return locale;
}
