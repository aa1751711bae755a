/** `/type delete type`: removes a ticket type that holds no open ticket. */
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { ephemeral } from "../reply.ts";
import { chosenType } from "../types/chosen_type.ts";
import { defineSubcommand } from "./define_command.ts";
import { TYPE_OPTION } from "./type_option.ts";

/** `/type delete`. */
export const typeDelete = defineSubcommand({
  name: "delete",
  description: "Delete a ticket type that has no open tickets",
  options: [TYPE_OPTION] as const,
  async handler(input, ctx, options) {
    const tr = readerText(input);
    if (!allowed("config", input.member)) return refuse("not_admin", tr.t("types.not_admin"));
    const type = await chosenType(ctx.types, { guildId: input.guildId, value: options.type ?? "" });
    if (type === null) return refuse("unknown_type", tr.t("types.unknown"));
    const result = await ctx.types.remove(type.id);
    switch (result.kind) {
      case "is_default":
        return refuse("type_is_default", tr.t("types.is_default", { name: type.name }));
      case "has_open_tickets":
        return refuse(
          "type_has_tickets",
          tr.t("types.has_tickets", { name: type.name, count: result.count }),
        );
      case "missing":
        return refuse("unknown_type", tr.t("types.unknown"));
      case "deleted":
        break;
    }
    await recordAction(ctx, {
      guildId: input.guildId,
      ticketId: null,
      actorId: input.member.user.id,
      action: "type.delete",
      detail: { typeId: type.id, name: type.name },
    }, tr.t("types.deleted_audit", { user: input.member.user.id, name: type.name }));
    return ephemeral(tr.t("types.deleted", { name: type.name }));
  },
});
