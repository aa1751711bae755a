/** `/config set language <language>`: the language of the bot's public messages in this server. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { recordSettingChange } from "./record_setting_change.ts";
import { readerText } from "../language.ts";
import { type Locale, LOCALE_NAMES } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";
import { loadLanguage } from "../../i18n/catalogs.ts";
import { OptionType, type OptionValues } from "./define_command.ts";

/** The choice values, as `/config set language` offers them, and the language each stands for. */
const CHOICES: Readonly<Record<string, Locale>> = {
  en: "en",
  de: "de",
  fr: "fr",
  es: "es-ES",
  "pt-BR": "pt-BR",
};

/** The option of `/config set language`. */
export const LANGUAGE_OPTIONS = [{
  type: OptionType.String,
  name: "language",
  description: "The language",
  required: true,
  choices: Object.entries(CHOICES).map(([value, locale]) => ({
    name: LOCALE_NAMES[locale],
    value,
  })),
}] as const;

/** Handles `/config set language`. */
export async function handleConfigLanguage(
  input: CommandInput,
  ctx: HandlerContext,
  options: Pick<OptionValues<typeof LANGUAGE_OPTIONS>, "language">,
): Promise<Reply> {
  const reader = readerText(input);
  if (!allowed("config", input.member)) {
    return refuse("not_admin", reader.t("config.language_not_admin"));
  }
  const language = options.language === null ? undefined : CHOICES[options.language];
  if (language === undefined) return refuse("invalid_value", reader.t("config.language_invalid"));
  await ctx.settings.updateGuild(input.guildId, { language });
  await loadLanguage(language);
  const guild = translator(language);
  const name = LOCALE_NAMES[language];
  await recordSettingChange(input, ctx, {
    detail: { setting: "language", value: language },
    line: guild.t("config.language_audit", { user: input.member.user.id, language: name }),
  });
  return ephemeral(reader.t("config.language_set", { language: name }));
}
