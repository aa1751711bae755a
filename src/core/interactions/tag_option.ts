/** The `name:` option of `/tag edit|delete|send`, chosen by autocomplete. */
import { MAX_TAG_NAME_LENGTH } from "../tags/tag_form.ts";
import { OptionType } from "./define_command.ts";

/** A required `name` option whose choices come from the guild's saved answers. */
export const TAG_OPTION = {
  type: OptionType.String,
  name: "name",
  description: "The saved answer",
  required: true,
  autocomplete: true,
  max_length: MAX_TAG_NAME_LENGTH,
} as const;
