/**
 * `/type create name [emoji] [description]`: adds a ticket type with the
 * default settings, handled by the guild's staff roles (the default type's).
 */
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import { readerText } from "../language.ts";
import { defaultTypeSettings } from "../model.ts";
import { refuse } from "../refusal.ts";
import { ephemeral } from "../reply.ts";
import { typeSettingsProblems } from "../types/type_rules.ts";
import { defineSubcommand, OptionType } from "./define_command.ts";

/** `/type create`. */
export const typeCreate = defineSubcommand({
  name: "create",
  description: "Add a ticket type",
  options: [
    {
      type: OptionType.String,
      name: "name",
      description: "Its name",
      required: true,
      max_length: 100,
    },
    {
      type: OptionType.String,
      name: "emoji",
      description: "Its emoji",
      required: false,
      max_length: 100,
    },
    {
      type: OptionType.String,
      name: "description",
      description: "One line shown on panels",
      required: false,
      max_length: 100,
    },
  ] as const,
  async handler(input, ctx, options) {
    const tr = readerText(input);
    if (!allowed("config", input.member)) return refuse("not_admin", tr.t("types.not_admin"));
    const guildType = await ctx.types.defaultFor(input.guildId);
    const settings = {
      ...defaultTypeSettings(options.name ?? ""),
      staffRoleIds: [...guildType.staffRoleIds],
      emoji: options.emoji || null,
      description: options.description || null,
    };
    const problems = await typeSettingsProblems(settings);
    if (problems.length > 0) {
      return refuse("invalid_value", tr.t("types.invalid", { problems: problems.join("; ") }));
    }
    const result = await ctx.types.create(input.guildId, settings);
    if (result.kind === "name_taken") {
      return refuse("type_name_taken", tr.t("types.name_taken", { name: settings.name }));
    }
    if (result.kind === "too_many") {
      return refuse("too_many_types", tr.t("types.too_many", { max: result.max }));
    }
    await recordAction(ctx, {
      guildId: input.guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "type.create",
      detail: { typeId: result.type.id, name: result.type.name },
    }, tr.t("types.created_audit", { user: input.member.user.id, name: result.type.name }));
    return ephemeral(tr.t("types.created", { name: result.type.name }));
  },
});
