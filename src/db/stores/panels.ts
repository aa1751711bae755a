/** The `PanelStore`: the messages that carry open buttons or a select menu of types. */
import type { PanelPatch } from "../../core/model.ts";
import type { PanelStore } from "../../core/ports.ts";
import { toPanel } from "../row_mapping.ts";
import type { PanelUpdate } from "../schema.ts";
import { insertReturningId } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";

/** Types a panel may offer: Discord shows at most 25 buttons or select options. */
const MAX_PANEL_TYPES = 25;

function checkTypes(typeIds: readonly number[]): void {
  if (typeIds.length < 1 || typeIds.length > MAX_PANEL_TYPES) {
    throw new RangeError(
      `Cannot store a panel with ${typeIds.length} types: it offers 1-${MAX_PANEL_TYPES}`,
    );
  }
}

/** A `PanelStore` whose queries run on `scope`. */
export function panelStore(scope: StoreScope): PanelStore {
  const { db } = scope;
  const store: PanelStore = {
    async save(panel) {
      checkTypes(panel.typeIds);
      const createdAt = scope.now();
      const id = await insertReturningId(
        scope,
        db.insertInto("panels").values({
          guild_id: panel.guildId,
          channel_id: panel.channelId,
          message_id: panel.messageId,
          type_id: panel.typeIds[0]!,
          type_ids: JSON.stringify(panel.typeIds),
          style: panel.style,
          title: panel.title,
          description: panel.description,
          button_label: panel.buttonLabel,
          created_by: panel.createdBy,
          created_at: createdAt,
        }),
      );
      return { ...panel, id, typeId: panel.typeIds[0]!, createdAt: new Date(createdAt) };
    },

    async get(id) {
      const row = await db.selectFrom("panels").selectAll().where("id", "=", id)
        .executeTakeFirst();
      return row ? toPanel(row) : null;
    },

    async byMessage(messageId) {
      const row = await db.selectFrom("panels").selectAll().where("message_id", "=", messageId)
        .executeTakeFirst();
      return row ? toPanel(row) : null;
    },

    async list(guildId) {
      const rows = await db.selectFrom("panels").selectAll().where("guild_id", "=", guildId)
        .orderBy("id").execute();
      return rows.map(toPanel);
    },

    async update(id, patch) {
      const update = panelUpdate(patch);
      if (Object.keys(update).length > 0) {
        await db.updateTable("panels").set(update).where("id", "=", id).execute();
      }
      const panel = await store.get(id);
      if (!panel) throw new Error(`Cannot update panel ${id}: it does not exist`);
      return panel;
    },

    async remove(id) {
      const result = await db.deleteFrom("panels").where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
  return store;
}

function panelUpdate(patch: PanelPatch): PanelUpdate {
  const update: PanelUpdate = {};
  if (patch.typeIds !== undefined) {
    checkTypes(patch.typeIds);
    update.type_id = patch.typeIds[0]!;
    update.type_ids = JSON.stringify(patch.typeIds);
  }
  if (patch.style !== undefined) update.style = patch.style;
  if (patch.title !== undefined) update.title = patch.title;
  if (patch.description !== undefined) update.description = patch.description;
  if (patch.buttonLabel !== undefined) update.button_label = patch.buttonLabel;
  return update;
}
