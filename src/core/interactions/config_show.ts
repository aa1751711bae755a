/** `/config show`: every ticket setting and the permission table. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed, renderAccessTable } from "../access.ts";
import { DEFAULT_WELCOME_TEXT } from "../tickets/welcome.ts";
import { defineSubcommand } from "./define_command.ts";

/** `/config show`. */
export const configShow = defineSubcommand({
  name: "show",
  description: "Show every ticket setting and who may do what",
  options: [],
  handler: handleConfigShow,
});

/** Handles `/config show`. */
export async function handleConfigShow(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  if (!allowed("config", input.member)) {
    return refuse("not_admin", "Only members with Manage Server can see the ticket settings.");
  }
  const type = await ctx.types.defaultFor(input.guildId);
  const settings = await ctx.settings.guild(input.guildId);
  const onOff = (value: boolean) => (value ? "on" : "off");
  const fields = [
    { name: "Category", value: type.categoryId ? `<#${type.categoryId}>` : "not set" },
    {
      name: "Staff roles",
      value: type.staffRoleIds.length > 0
        ? type.staffRoleIds.map((id) => `<@&${id}>`).join(", ")
        : "none",
    },
    { name: "Log channel", value: settings.logChannelId ? `<#${settings.logChannelId}>` : "off" },
    { name: "Open tickets per member", value: String(type.maxOpenPerMember), inline: true },
    { name: "Channel names", value: `\`${type.namingScheme}\``, inline: true },
    { name: "Transcript by DM", value: onOff(settings.transcriptDm), inline: true },
    { name: "Openers may add members", value: onOff(type.openersMayAddMembers), inline: true },
    {
      name: "Question before opening",
      value: type.questions.length > 0 ? type.questions.join("\n") : "none",
    },
    {
      name: "Welcome text",
      value: (type.welcomeText ?? `${DEFAULT_WELCOME_TEXT} (default)`).slice(0, 1024),
    },
    { name: "Who may do what", value: "```\n" + renderAccessTable() + "\n```" },
  ];
  return ephemeral({
    embeds: [{ title: "Ticket settings", fields }],
    allowed_mentions: { parse: [] },
  });
}
