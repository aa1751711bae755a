/**
 * `/type set setting type value`: changes one setting of a type. Changing its
 * staff roles re-applies the overwrites of its open tickets.
 */
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { ephemeral } from "../reply.ts";
import { chosenType } from "../types/chosen_type.ts";
import { reapplyStaffOverwrites } from "../types/reapply_staff_overwrites.ts";
import { readSetting, TYPE_SETTINGS, type TypeSetting } from "../types/setting_value.ts";
import { schemaProblems, typePatchSchema } from "../types/type_schema.ts";
import { defineSubcommand, OptionType } from "./define_command.ts";
import { TYPE_OPTION } from "./type_option.ts";

/** `/type set`. */
export const typeSet = defineSubcommand({
  name: "set",
  description: "Change a setting of a ticket type",
  options: [
    {
      type: OptionType.String,
      name: "setting",
      description: "The setting",
      required: true,
      choices: TYPE_SETTINGS.map((s) => ({ name: s, value: s })),
    },
    TYPE_OPTION,
    {
      type: OptionType.String,
      name: "value",
      description: "The new value (none clears it)",
      required: true,
      max_length: 2000,
    },
  ] as const,
  async handler(input, ctx, options) {
    const tr = readerText(input);
    if (!allowed("config", input.member)) return refuse("not_admin", tr.t("types.not_admin"));
    const setting = TYPE_SETTINGS.find((s) => s === options.setting) as TypeSetting | undefined;
    if (setting === undefined) return refuse("invalid_value", tr.t("types.unknown_setting"));
    const type = await chosenType(ctx.types, { guildId: input.guildId, value: options.type ?? "" });
    if (type === null) return refuse("unknown_type", tr.t("types.unknown"));
    const read = readSetting(setting, options.value ?? "");
    if ("expected" in read) {
      // Every `types.form.*` message takes no arguments, so any of them reads the same way.
      const form = tr.t(`types.form.${setting}` as "types.form.name");
      return refuse("invalid_value", tr.t("types.expected", { setting, form }));
    }
    const problems = schemaProblems(typePatchSchema, read.patch);
    if (problems.length > 0) {
      return refuse("invalid_value", tr.t("types.invalid", { problems: problems.join("; ") }));
    }
    if (read.patch.name !== undefined) {
      const other = await ctx.types.byName(input.guildId, read.patch.name);
      if (other !== null && other.id !== type.id) {
        return refuse("type_name_taken", tr.t("types.name_taken", { name: read.patch.name }));
      }
    }
    await ctx.defer({ ephemeral: true });
    const updated = await ctx.types.update(type.id, read.patch);
    if (read.patch.staffRoleIds !== undefined) {
      await reapplyStaffOverwrites(ctx, { type: updated, before: type.staffRoleIds });
    }
    await recordAction(ctx, {
      guildId: input.guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "type.set",
      detail: { typeId: type.id, setting, patch: read.patch },
    }, tr.t("types.set_audit", { user: input.member.user.id, name: updated.name, setting }));
    return ephemeral(tr.t("types.set", { name: updated.name, setting }));
  },
});
