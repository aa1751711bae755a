/** A panel's select menu of types (`t2:pick`): opens a ticket of the chosen type. */
import type { TicketTypeId } from "../model.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import { defineButton } from "./define_component.ts";
import { handlePanelButton } from "./open_button.ts";

/** The select menu of a panel with the `select` style. */
export const panelPick = defineButton({
  action: "pick",
  handler(input, ctx) {
    const value = input.values[0] ?? "";
    if (!/^[1-9][0-9]{0,15}$/.test(value)) {
      return Promise.resolve(refuse("unknown_component", readerText(input).t("unknown_component")));
    }
    return handlePanelButton(input, ctx, Number(value) as TicketTypeId);
  },
});
