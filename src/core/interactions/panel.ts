/** `/panel [channel] [title] [description] [label]`: posts the "create ticket" button. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import { buttonRow } from "../button_row.ts";
import { defineCommand, MANAGE_GUILD, OptionType, type OptionValues } from "./define_command.ts";
import { channelOption } from "./command_option.ts";

/** Texts a panel uses when the command leaves them out. */
export const PANEL_DEFAULTS = {
  title: "Support",
  description: "Need help? Press the button below to open a private ticket with the staff.",
  label: "Create ticket",
};

const text = <const N extends string>(name: N, description: string, maxLength: number) =>
  ({
    type: OptionType.String,
    name,
    description,
    required: false,
    max_length: maxLength,
  }) as const;

const OPTIONS = [
  channelOption("channel", "Where to post it (default: this channel)", {
    kind: "text",
    required: false,
  }),
  text("title", "Panel title", 256),
  text("description", "Panel text", 4000),
  text("label", "Button label", 80),
] as const;

/** `/panel [channel] [title] [description] [label]`. */
export const panelCommand = defineCommand({
  name: "panel",
  description: "Post a panel with a button that opens tickets",
  default_member_permissions: MANAGE_GUILD,
  options: OPTIONS,
  handler: handlePanel,
});

/** Handles `/panel`. */
export async function handlePanel(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  if (!allowed("panel", input.member)) {
    return refuse("not_admin", "Only members with Manage Server can post a panel.");
  }
  const type = await ctx.types.defaultFor(input.guildId);
  if (type.categoryId === null) {
    return refuse("not_configured", "Tickets are not set up yet. Run `/setup` first.");
  }
  const channelId = options.channel?.value ?? input.channelId;
  await ctx.defer({ ephemeral: true });
  const channel = await ctx.discord.channel(channelId);
  if (channel === null || channel.guildId !== input.guildId || channel.kind !== "text") {
    return refuse("invalid_value", "A panel can only be posted in a text channel of this server.");
  }
  const title = options.title || PANEL_DEFAULTS.title;
  const description = options.description || PANEL_DEFAULTS.description;
  const label = options.label || PANEL_DEFAULTS.label;
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
