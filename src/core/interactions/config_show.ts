/** `/config show`: every ticket setting and the permission table. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed, renderAccessTable } from "../access.ts";
import { defineSubcommand } from "./define_command.ts";
import { guildLanguage, readerText } from "../language.ts";
import { LOCALE_NAMES } from "../../i18n/locale.ts";

/** `/config show`. */
export const configShow = defineSubcommand({
  name: "show",
  description: "Show every ticket setting and who may do what",
  options: [],
  handler: handleConfigShow,
});

/** Handles `/config show`. */
export async function handleConfigShow(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  const tr = readerText(input);
  if (!allowed("config", input.member)) return refuse("not_admin", tr.t("config.not_admin"));
  const type = await ctx.types.defaultFor(input.guildId);
  const settings = await ctx.settings.guild(input.guildId);
  const onOff = (value: boolean) => (value ? tr.t("config.on") : tr.t("config.off"));
  const none = tr.t("config.none");
  const fields = [
    {
      name: tr.t("config.category"),
      value: type.categoryId ? `<#${type.categoryId}>` : tr.t("config.not_set"),
    },
    {
      name: tr.t("config.staff_roles"),
      value: type.staffRoleIds.length > 0
        ? type.staffRoleIds.map((id) => `<@&${id}>`).join(", ")
        : none,
    },
    {
      name: tr.t("config.log_channel"),
      value: settings.logChannelId ? `<#${settings.logChannelId}>` : tr.t("config.off"),
    },
    { name: tr.t("config.max_open"), value: String(type.maxOpenPerMember), inline: true },
    { name: tr.t("config.naming"), value: `\`${type.namingScheme}\``, inline: true },
    { name: tr.t("config.transcript_dm"), value: onOff(settings.transcriptDm), inline: true },
    {
      name: tr.t("config.openers_may_add"),
      value: onOff(type.openersMayAddMembers),
      inline: true,
    },
    { name: tr.t("config.language"), value: LOCALE_NAMES[guildLanguage(settings, input)] },
    {
      name: tr.t("config.question"),
      value: type.questions.length > 0 ? type.questions.map((q) => q.label).join("\n") : none,
    },
    {
      name: tr.t("config.welcome"),
      value:
        (type.welcomeText ?? tr.t("config.default_welcome", { text: tr.t("welcome.default_text") }))
          .slice(0, 1024),
    },
    { name: tr.t("config.access"), value: "```\n" + renderAccessTable(tr) + "\n```" },
  ];
  return ephemeral({
    embeds: [{ title: tr.t("config.title"), fields }],
    allowed_mentions: { parse: [] },
  });
}
