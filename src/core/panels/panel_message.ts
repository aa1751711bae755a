/**
 * The message of a panel: its embed, and a button per type (up to 25, five to a
 * row) or one select menu of the types. A panel of one type keeps the single
 * "create ticket" button with the panel's label, as panels always had.
 */
import { encodeCustomId } from "../custom_id.ts";
import type { ActionRow, Button, MessageBody, StringSelect } from "../message_body.ts";
import type { Panel, TicketType } from "../model.ts";

/** Buttons Discord fits in one action row. */
const ROW_SIZE = 5;

/** The body to post (or edit in place) for `panel` offering `types`, in the panel's order. */
export function panelMessage(
  panel: Pick<Panel, "title" | "description" | "buttonLabel" | "style">,
  types: readonly Pick<TicketType, "id" | "name" | "emoji" | "description">[],
): MessageBody {
  const emoji = (type: Pick<TicketType, "emoji">) =>
    type.emoji === null ? {} : { emoji: { name: type.emoji } };
  let components: Array<ActionRow<Button> | ActionRow<StringSelect>>;
  if (panel.style === "select") {
    components = [{
      type: 1,
      components: [{
        type: 3,
        custom_id: encodeCustomId({ action: "pick" }),
        placeholder: panel.buttonLabel.slice(0, 150),
        options: types.map((type) => ({
          label: type.name.slice(0, 100),
          value: String(type.id),
          ...(type.description === null ? {} : { description: type.description.slice(0, 100) }),
          ...emoji(type),
        })),
      }],
    }];
  } else {
    const buttons: Button[] = types.map((type) => ({
      type: 2,
      style: 1,
      label: (types.length === 1 ? panel.buttonLabel : type.name).slice(0, 80),
      custom_id: encodeCustomId({ action: "open", typeId: type.id }),
      ...emoji(type),
    }));
    components = [];
    for (let i = 0; i < buttons.length; i += ROW_SIZE) {
      components.push({ type: 1, components: buttons.slice(i, i + ROW_SIZE) });
    }
  }
  return {
    embeds: [{ title: panel.title, description: panel.description }],
    components,
    allowed_mentions: { parse: [] },
  };
}
