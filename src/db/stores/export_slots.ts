/**
 * The once-a-day limit of `/privacy mydata`, kept per guild and member in
 * `privacy_exports`: a conditional update takes an old slot, the primary key lets
 * only one of several first inserts through, so two processes never both send.
 */
import type { GuildId, UserId } from "../../core/ids.ts";
import type { PrivacyStore } from "../../core/ports.ts";
import { withRetry } from "../db_errors.ts";
import { toNumber } from "../row_mapping.ts";
import { ignoringDuplicates } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";

/** The slot-taking part of the privacy store, over `scope`. */
export function exportSlots(
  scope: StoreScope,
): Pick<PrivacyStore, "takeExportSlot" | "releaseExportSlot"> {
  const { db } = scope;
  const mine = (guildId: GuildId, userId: UserId) =>
    db.updateTable("privacy_exports").where("guild_id", "=", guildId)
      .where("user_id", "=", userId);
  return {
    async takeExportSlot(guildId, userId, options) {
      const at = options.at.getTime();
      // Update before insert: on MySQL an insert that meets the existing row takes a
      // shared lock, and shared locks waiting to become exclusive deadlock each other.
      const renewed = await withRetry(() =>
        mine(guildId, userId).set({ exported_at: at })
          .where("exported_at", "<=", at - options.windowMs).executeTakeFirst()
      );
      if (renewed.numUpdatedRows > 0n) return { taken: true };
      const inserted = await withRetry(() =>
        ignoringDuplicates(
          scope,
          db.insertInto("privacy_exports")
            .values({ guild_id: guildId, user_id: userId, exported_at: at }),
        ).executeTakeFirst()
      );
      if (inserted.numInsertedOrUpdatedRows) return { taken: true };
      const row = await db.selectFrom("privacy_exports").select("exported_at")
        .where("guild_id", "=", guildId).where("user_id", "=", userId).executeTakeFirst();
      // Released in between: the next try takes it.
      const last = row === undefined ? at - options.windowMs : toNumber(row.exported_at);
      return { taken: false, freeAt: new Date(last + options.windowMs) };
    },

    async releaseExportSlot(guildId, userId, at) {
      await withRetry(() =>
        db.deleteFrom("privacy_exports").where("guild_id", "=", guildId)
          .where("user_id", "=", userId).where("exported_at", "=", at.getTime()).execute()
      );
    },
  };
}
