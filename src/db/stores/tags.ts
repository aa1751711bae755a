/**
 * The `TagStore`: a guild's saved answers, one per name whatever its case; their
 * content is sealed like other content when `ENCRYPTION_KEY` is set.
 */
import type { GuildId } from "../../core/ids.ts";
import type { TagStore } from "../../core/ports.ts";
import { toTag } from "../row_mapping.ts";
import type { TagRow } from "../schema.ts";
import { ignoringDuplicates } from "./inserts.ts";
import { cipherOf, type StoreScope } from "./scope.ts";
import { nameKey as keyOf } from "./types.ts";

/** Longest tag name (the column's width). */
const NAME_LENGTH = 100;

/** A `TagStore` whose queries run on `scope`. */
export function tagStore(scope: StoreScope): TagStore {
  const { db } = scope;
  const cipher = cipherOf(scope);
  const opened = async (row: TagRow) =>
    toTag({ ...row, content: await cipher.openText(row.content) });
  const get = async (guildId: GuildId, name: string) => {
    const row = await db.selectFrom("tags").selectAll().where("guild_id", "=", guildId)
      .where("name_key", "=", keyOf(name)).executeTakeFirst();
    return row ? await opened(row) : null;
  };
  return {
    async list(guildId) {
      const rows = await db.selectFrom("tags").selectAll().where("guild_id", "=", guildId)
        .orderBy("name_key").execute();
      return await Promise.all(rows.map(opened));
    },

    get,

    async create(tag) {
      const at = scope.now();
      const name = tag.name.trim().slice(0, NAME_LENGTH);
      const result = await ignoringDuplicates(
        scope,
        db.insertInto("tags").values({
          guild_id: tag.guildId,
          name_key: keyOf(name),
          name,
          content: await cipher.sealText(tag.content),
          created_by: tag.createdBy,
          created_at: at,
          updated_at: at,
        }),
      ).executeTakeFirst();
      if ((result.numInsertedOrUpdatedRows ?? 0n) === 0n) return { kind: "name_taken" };
      const saved = await get(tag.guildId, name);
      return saved ? { kind: "saved", tag: saved } : { kind: "missing" };
    },

    async update(guildId, name, content) {
      const result = await db.updateTable("tags")
        .set({
          name: name.trim().slice(0, NAME_LENGTH),
          content: await cipher.sealText(content),
          updated_at: scope.now(),
        })
        .where("guild_id", "=", guildId).where("name_key", "=", keyOf(name))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return { kind: "missing" };
      const saved = await get(guildId, name);
      return saved ? { kind: "saved", tag: saved } : { kind: "missing" };
    },

    async remove(guildId, name) {
      const result = await db.deleteFrom("tags").where("guild_id", "=", guildId)
        .where("name_key", "=", keyOf(name)).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
