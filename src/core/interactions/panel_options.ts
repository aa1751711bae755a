/** The options a panel's look is made of, shared by `/panel create` and `/panel edit`. */
import { OptionType } from "./define_command.ts";

const text = <const N extends string>(name: N, description: string, maxLength: number) =>
  ({ type: OptionType.String, name, description, required: false, max_length: maxLength }) as const;

/** Title, text, button label, the types offered and the style. */
export const PANEL_LOOK = [
  text("title", "Panel title", 256),
  text("description", "Panel text", 4000),
  text("label", "Button label", 80),
  text("types", "Ticket types offered, separated by commas", 1000),
  {
    type: OptionType.String,
    name: "style",
    description: "Buttons, or a select menu",
    required: false,
    choices: [{ name: "buttons", value: "buttons" }, { name: "select", value: "select" }],
  },
] as const;

/** The `panel:` option, chosen by autocomplete. */
export const PANEL_OPTION = {
  type: OptionType.String,
  name: "panel",
  description: "The panel",
  required: true,
  autocomplete: true,
  max_length: 100,
} as const;
