/**
 * `/privacy erase <user>` (Manage Server, checked here): asks the admin to
 * confirm before a member's words are erased from the guild's tickets.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { isAdmin } from "../access.ts";
import { buttonRow } from "../button_row.ts";
import { readerText } from "../language.ts";
import { defineSubcommand, type OptionValues } from "./define_command.ts";
import { userOption } from "./command_option.ts";

const OPTIONS = [userOption("user", "Member whose words are erased")] as const;

/** `/privacy erase <user>`. */
export const privacyErase = defineSubcommand({
  name: "erase",
  description: "Erase a member's words from every ticket (Manage Server; asks first)",
  options: OPTIONS,
  handler: handlePrivacyErase,
});

/** Handles `/privacy erase`: refuses non-admins, else asks for confirmation. */
export function handlePrivacyErase(
  input: CommandInput,
  _ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const tr = readerText(input);
  if (!isAdmin(input.member)) {
    return Promise.resolve(refuse("not_admin", tr.t("privacy.erase_not_admin")));
  }
  const target = options.user;
  if (target === null) {
    return Promise.resolve(refuse("invalid_value", tr.t("privacy.erase_choose")));
  }
  const userId = target.value;
  return Promise.resolve(ephemeral({
    content: tr.t("privacy.erase_question", { user: userId }),
    allowed_mentions: { parse: [] },
    components: [buttonRow([
      {
        style: 4,
        label: tr.t("privacy.erase_confirm"),
        id: { action: "eraseok", userId, askerId: input.member.user.id },
      },
      { style: 2, label: tr.t("privacy.erase_cancel"), id: { action: "eraseno", userId } },
    ])],
  }));
}
