/** An action row of buttons that route back to the bot by their versioned `custom_id`. */
import type { ActionRow, Button } from "./message_body.ts";
import { type ComponentId, encodeCustomId } from "./custom_id.ts";

/** One button of a row: its style (1 primary, 2 secondary, 4 danger), label and target. */
export interface ButtonSpec {
  style: Button["style"];
  label: string;
  id: ComponentId;
}

/** An action row holding `buttons`, in order. */
export function buttonRow(buttons: readonly ButtonSpec[]): ActionRow<Button> {
  return {
    type: 1,
    components: buttons.map(({ style, label, id }) => ({
      type: 2,
      style,
      label,
      custom_id: encodeCustomId(id),
    })),
  };
}
