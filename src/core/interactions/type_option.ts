/** The `type:` option of the `/type` commands, chosen by autocomplete. */
import { OptionType } from "./define_command.ts";

/** A required `type` option whose choices come from the guild's ticket types. */
export const TYPE_OPTION = {
  type: OptionType.String,
  name: "type",
  description: "The ticket type",
  required: true,
  autocomplete: true,
  max_length: 100,
} as const;
