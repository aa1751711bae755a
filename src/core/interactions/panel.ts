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
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";

/** Texts a panel uses when the command leaves them out, in the guild's language. */
export function panelDefaults(
  tr: Translator,
): { title: string; description: string; label: string } {
  return {
    title: tr.t("panel.default_title"),
    description: tr.t("panel.default_description"),
    label: tr.t("panel.default_label"),
  };
}

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
  const reader = readerText(input);
  if (!allowed("panel", input.member)) return refuse("not_admin", reader.t("panel.not_admin"));
  const type = await ctx.types.defaultFor(input.guildId);
  if (type.categoryId === null) {
    return refuse("not_configured", reader.t("panel.not_configured"));
  }
  const channelId = options.channel?.value ?? input.channelId;
  await ctx.defer({ ephemeral: true });
  const channel = await ctx.discord.channel(channelId);
  if (channel === null || channel.guildId !== input.guildId || channel.kind !== "text") {
    return refuse("invalid_value", reader.t("panel.not_text"));
  }
  const guild = await guildText(ctx, input);
  const defaults = panelDefaults(guild);
  const title = options.title || defaults.title;
  const description = options.description || defaults.description;
  const label = options.label || defaults.label;
  const messageId = await ctx.discord.sendMessage(channel.id, {
    embeds: [{ title, description }],
    components: [buttonRow([{ style: 1, label, id: { action: "open", typeId: type.id } }])],
    allowed_mentions: { parse: [] },
  });
  const panel = await ctx.panels.save({
    guildId: input.guildId,
    channelId: channel.id,
    messageId,
    typeIds: [type.id],
    style: "buttons",
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
    guild.t("panel.audit", { user: input.member.user.id, channel: channel.id }),
  );
  return ephemeral(reader.t("panel.posted", { channel: channel.id }));
}
