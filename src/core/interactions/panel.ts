/**
 * `/panel create|edit|delete|list`: panels offering one or more ticket types, as
 * buttons or a select menu. `/panel create` is what `/panel` was, with the types
 * and the style added; edits change the posted message in place.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import {
  defineCommandGroup,
  defineSubcommand,
  MANAGE_GUILD,
  type OptionValues,
  type SlashCommand,
} from "./define_command.ts";
import { channelOption } from "./command_option.ts";
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";
import { panelMessage } from "../panels/panel_message.ts";
import { panelTypes } from "../panels/panel_types.ts";
import { panelDelete, panelEdit, panelList } from "./panel_manage.ts";
import { PANEL_LOOK } from "./panel_options.ts";

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

const OPTIONS = [
  channelOption("channel", "Where to post it (default: this channel)", {
    kind: "text",
    required: false,
  }),
  ...PANEL_LOOK,
] as const;

/** `/panel create [channel] [title] [description] [label] [types] [style]`. */
export const panelCreate = defineSubcommand({
  name: "create",
  description: "Post a panel with buttons or a menu that open tickets",
  options: OPTIONS,
  handler: handlePanel,
});

const group = defineCommandGroup({
  name: "panel",
  description: "Post and manage panels that open tickets",
  default_member_permissions: MANAGE_GUILD,
  subcommands: [panelCreate, panelEdit, panelDelete, panelList],
});

/**
 * `/panel create|edit|delete|list`; a bare `/panel` (from a client that still
 * holds the command as it was before the subcommands) posts a panel as before.
 */
export const panelCommand: SlashCommand = {
  ...group,
  routes: [...group.routes, { key: "panel", run: panelCreate.routes[0]!.run }],
};

/** Handles `/panel create`. */
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
  const chosen = options.types
    ? await panelTypes(ctx.types, { guildId: input.guildId, text: options.types })
    : { types: [type] };
  if ("unknown" in chosen) {
    return refuse("unknown_type", reader.t("panel.unknown_type", { name: chosen.unknown }));
  }
  if (chosen.types.length === 0 || chosen.types.length > 25) {
    return refuse("invalid_value", reader.t("panel.type_count"));
  }
  const channelId = options.channel?.value ?? input.channelId;
  await ctx.defer({ ephemeral: true });
  const channel = await ctx.discord.channel(channelId);
  if (channel === null || channel.guildId !== input.guildId || channel.kind !== "text") {
    return refuse("invalid_value", reader.t("panel.not_text"));
  }
  const guild = await guildText(ctx, input);
  const defaults = panelDefaults(guild);
  const look = {
    title: options.title || defaults.title,
    description: options.description || defaults.description,
    buttonLabel: options.label || defaults.label,
    style: options.style === "select" ? "select" as const : "buttons" as const,
  };
  const messageId = await ctx.discord.sendMessage(channel.id, panelMessage(look, chosen.types));
  const panel = await ctx.panels.save({
    guildId: input.guildId,
    channelId: channel.id,
    messageId,
    typeIds: chosen.types.map((t) => t.id),
    ...look,
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
