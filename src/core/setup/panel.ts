/** `/panel [channel] [title] [description] [label]`: posts the "create ticket" button. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../errors.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { option, stringOption } from "../command_options.ts";
import { recordAction } from "../audit_log.ts";
import { buttonRow } from "../button_row.ts";

/** Texts a panel uses when the command leaves them out. */
export const PANEL_DEFAULTS = {
  title: "Support",
  description: "Need help? Press the button below to open a private ticket with the staff.",
  label: "Create ticket",
};

/** Handles `/panel`. */
export async function handlePanel(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  if (!allowed("panel", input.member)) {
    return refuse("not_admin", "Only members with Manage Server can post a panel.");
  }
  const type = await ctx.types.defaultFor(input.guildId);
  if (type.categoryId === null) {
    return refuse("not_configured", "Tickets are not set up yet. Run `/setup` first.");
  }
  const channelId = option(input, "channel", "channel")?.value ?? input.channelId;
  await ctx.defer({ ephemeral: true });
  const channel = await ctx.discord.channel(channelId);
  if (channel === null || channel.guildId !== input.guildId || channel.kind !== "text") {
    return refuse("invalid_value", "A panel can only be posted in a text channel of this server.");
  }
  const title = stringOption(input, "title") || PANEL_DEFAULTS.title;
  const description = stringOption(input, "description") || PANEL_DEFAULTS.description;
  const label = stringOption(input, "label") || PANEL_DEFAULTS.label;
  const messageId = await ctx.discord.sendMessage(channel.id, {
    embeds: [{ title, description }],
    components: [buttonRow([{ style: 1, label, id: { action: "open", typeId: type.id } }])],
    allowed_mentions: { parse: [] },
  });
  const panel = await ctx.panels.save({
    guildId: input.guildId,
    channelId: channel.id,
    messageId,
    typeId: type.id,
    title,
    description,
    buttonLabel: label,
    createdBy: input.member.user.id,
  });
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "panel.post",
      detail: { panelId: panel.id, channelId: channel.id, messageId },
    },
    `<@${input.member.user.id}> posted a ticket panel in <#${channel.id}>`,
  );
  return ephemeral(`Panel posted in <#${channel.id}>.`);
}
