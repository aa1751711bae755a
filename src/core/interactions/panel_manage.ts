/** `/panel edit`, `/panel delete` and `/panel list`: the posted panels of a guild. */
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { readerText } from "../language.ts";
import type { Panel, PanelPatch } from "../model.ts";
import { editPostedPanel } from "../panels/edit_posted_panel.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import { panelTypes } from "../panels/panel_types.ts";
import { type Refusal, refuse } from "../refusal.ts";
import { ephemeral } from "../reply.ts";
import { defineSubcommand } from "./define_command.ts";
import { PANEL_LOOK, PANEL_OPTION } from "./panel_options.ts";

/** The guild's panel the option names (its id), or a refusal saying what to do. */
async function chosenPanel(
  input: CommandInput,
  ctx: HandlerContext,
  value: string | null,
): Promise<Panel | Refusal> {
  const tr = readerText(input);
  if (!allowed("panel", input.member)) return refuse("not_admin", tr.t("panel.not_admin"));
  const id = Number(value ?? "");
  const panel = Number.isSafeInteger(id) && id > 0 ? await ctx.panels.get(id) : null;
  if (panel === null || panel.guildId !== input.guildId) {
    return refuse("invalid_value", tr.t("panel.unknown_panel"));
  }
  return panel;
}

/** Records what was done to `panel`, by whom. */
function recordPanelAction(
  ctx: HandlerContext,
  input: CommandInput,
  done: { panel: Panel; action: string; line: string },
): Promise<void> {
  return recordAction(ctx, {
    guildId: input.guildId,
    ticketId: null,
    actorId: input.member.user.id,
    action: done.action,
    detail: { panelId: done.panel.id },
  }, done.line);
}

/** `/panel edit panel [title] [description] [label] [types] [style]`. */
export const panelEdit = defineSubcommand({
  name: "edit",
  description: "Change a posted panel in place",
  options: [PANEL_OPTION, ...PANEL_LOOK] as const,
  async handler(input, ctx, options) {
    const tr = readerText(input);
    const panel = await chosenPanel(input, ctx, options.panel);
    if ("kind" in panel) return panel;
    const patch: PanelPatch = {};
    if (options.title) patch.title = options.title;
    if (options.description) patch.description = options.description;
    if (options.label) patch.buttonLabel = options.label;
    if (options.style === "buttons" || options.style === "select") patch.style = options.style;
    if (options.types) {
      const chosen = await panelTypes(ctx.types, { guildId: input.guildId, text: options.types });
      if ("unknown" in chosen) {
        return refuse("unknown_type", tr.t("panel.unknown_type", { name: chosen.unknown }));
      }
      if (chosen.types.length === 0 || chosen.types.length > 25) {
        return refuse("invalid_value", tr.t("panel.type_count"));
      }
      patch.typeIds = chosen.types.map((t) => t.id);
    }
    await ctx.defer({ ephemeral: true });
    const drawn = await editPostedPanel(ctx, { ...panel, ...patch });
    if (drawn.kind === "no_types") return refuse("invalid_value", tr.t("panel.type_count"));
    if (drawn.kind === "message_gone") return refuse("invalid_value", tr.t("panel.message_gone"));
    const types = drawn.types;
    await ctx.panels.update(panel.id, { ...patch, typeIds: types.map((t) => t.id) });
    await recordPanelAction(ctx, input, {
      panel,
      action: "panel.edit",
      line: tr.t("panel.edited_audit", { user: input.member.user.id, channel: panel.channelId }),
    });
    return ephemeral(tr.t("panel.edited", { channel: panel.channelId }));
  },
});

/** `/panel delete panel`: removes the message and forgets the panel. */
export const panelDelete = defineSubcommand({
  name: "delete",
  description: "Delete a posted panel",
  options: [PANEL_OPTION] as const,
  async handler(input, ctx, options) {
    const tr = readerText(input);
    const panel = await chosenPanel(input, ctx, options.panel);
    if ("kind" in panel) return panel;
    await ctx.defer({ ephemeral: true });
    try {
      await ctx.discord.deleteMessage(panel.channelId, panel.messageId);
    } catch (error) {
      const gone = error instanceof DiscordRequestError &&
        (error.failure.kind === "unknown_message" || error.failure.kind === "unknown_channel");
      if (!gone) throw error;
    }
    await ctx.panels.remove(panel.id);
    await recordPanelAction(ctx, input, {
      panel,
      action: "panel.delete",
      line: tr.t("panel.deleted_audit", { user: input.member.user.id, channel: panel.channelId }),
    });
    return ephemeral(tr.t("panel.deleted", { channel: panel.channelId }));
  },
});

/** `/panel list`. */
export const panelList = defineSubcommand({
  name: "list",
  description: "List the posted panels",
  options: [] as const,
  async handler(input, ctx) {
    const tr = readerText(input);
    if (!allowed("panel", input.member)) return refuse("not_admin", tr.t("panel.not_admin"));
    const panels = await ctx.panels.list(input.guildId);
    if (panels.length === 0) return ephemeral(tr.t("panel.none"));
    const lines = panels.map((p) =>
      tr.t("panel.list_line", {
        id: p.id,
        title: p.title,
        channel: p.channelId,
        count: p.typeIds.length,
        style: p.style,
      })
    );
    return ephemeral({
      embeds: [{ title: tr.t("panel.list_title"), description: lines.join("\n") }],
      allowed_mentions: { parse: [] },
    });
  },
});
