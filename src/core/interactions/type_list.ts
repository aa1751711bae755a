/** `/type list`: the guild's ticket types with their main settings. */
import { allowed } from "../access.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { ephemeral } from "../reply.ts";
import { typeChoice } from "./autocomplete.ts";
import { defineSubcommand } from "./define_command.ts";

/** `/type list`. */
export const typeList = defineSubcommand({
  name: "list",
  description: "List the ticket types",
  options: [] as const,
  async handler(input, ctx) {
    const tr = readerText(input);
    if (!allowed("config", input.member)) return refuse("not_admin", tr.t("types.not_admin"));
    const types = await ctx.types.list(input.guildId);
    if (types.length === 0) await ctx.types.defaultFor(input.guildId);
    const all = types.length === 0 ? await ctx.types.list(input.guildId) : types;
    const lines = all.map((type) =>
      tr.t("types.list_line", {
        name: typeChoice(type).name,
        marker: type.isDefault ? tr.t("types.default_marker") : "",
        staff: type.staffRoleIds.length === 0
          ? tr.t("config.none")
          : type.staffRoleIds.map((r) => `<@&${r}>`).join(" "),
        limit: type.maxOpenPerMember,
        questions: type.questions.length,
      })
    );
    return ephemeral({
      embeds: [{ title: tr.t("types.list_title"), description: lines.join("\n") }],
      allowed_mentions: { parse: [] },
    });
  },
});
