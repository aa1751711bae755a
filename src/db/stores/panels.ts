/** The `PanelStore`: the messages that carry an open button. */
import type { PanelStore } from "../../core/ports.ts";
import { toPanel } from "../row_mapping.ts";
import { insertReturningId } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";

/** A `PanelStore` whose queries run on `scope`. */
export function panelStore(scope: StoreScope): PanelStore {
  const { db } = scope;
  return {
    async save(panel) {
      const createdAt = scope.now();
      const id = await insertReturningId(
        scope,
        db.insertInto("panels").values({
          guild_id: panel.guildId,
          channel_id: panel.channelId,
          message_id: panel.messageId,
          type_id: panel.typeId,
          title: panel.title,
          description: panel.description,
          button_label: panel.buttonLabel,
          created_by: panel.createdBy,
          created_at: createdAt,
        }),
      );
      return { ...panel, id, createdAt: new Date(createdAt) };
    },

    async byMessage(messageId) {
      const row = await db.selectFrom("panels").selectAll().where("message_id", "=", messageId)
        .executeTakeFirst();
      return row ? toPanel(row) : null;
    },
  };
}
