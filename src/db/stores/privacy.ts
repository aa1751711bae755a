/**
 * The privacy store: erasure and the member's own export as the command-line
 * subcommands run them, and the daily limit of the export.
 */
import type { PrivacyStore } from "../../core/ports.ts";
import { eraseMember } from "./erasure.ts";
import { exportSlots } from "./export_slots.ts";
import { exportGuild } from "./guild_export.ts";
import { inTransaction, type StoreScope } from "./scope.ts";

/** The privacy store over `scope`. */
export function privacyStore(scope: StoreScope): PrivacyStore {
  return {
    // One transaction: the member's words are gone everywhere, or nowhere.
    erase: (guildId, options) =>
      inTransaction(scope, (db) => eraseMember({ ...scope, db }, guildId, options)),

    async exportOwn(guildId, userId) {
      const chunks: string[] = [];
      const counts = await exportGuild(scope, guildId, {
        userId,
        ownOnly: true,
        write: (chunk) => {
          chunks.push(chunk);
          return Promise.resolve();
        },
      });
      return { json: chunks.join(""), ...counts };
    },

    ...exportSlots(scope),
  };
}
