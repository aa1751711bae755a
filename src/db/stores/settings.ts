/** The `SettingsStore`: guild settings (created on first use) and process-wide meta facts. */
import type { SettingsStore } from "../../core/ports.ts";
import { sql } from "kysely";
import { toGuildSettings } from "../row_mapping.ts";
import { loadLanguage } from "../../i18n/catalogs.ts";
import { findOrInsert } from "./inserts.ts";
import type { StoreScope } from "./scope.ts";
import { compiledOnce } from "./compiled_once.ts";

/** A `SettingsStore` whose queries run on `scope`. */
export function settingsStore(scope: StoreScope): SettingsStore {
  const { db, kind } = scope;
  // Every interaction runs these two, compiled once.
  const guildRow = compiledOnce(
    scope,
    (guildId: string) =>
      db.selectFrom("guild_settings").selectAll().where("guild_id", "=", guildId),
  );
  const keepLocale = compiledOnce(scope, (userId: string, locale: string, at: number) => {
    const insert = db.insertInto("member_locales").values({
      user_id: userId,
      locale,
      updated_at: at,
    });
    const set = { locale, updated_at: at };
    return kind === "mysql"
      ? insert.onDuplicateKeyUpdate(set)
      // Most interactions repeat the locale already kept: then nothing is written.
      : insert.onConflict((oc) =>
        oc.column("user_id").doUpdateSet(set).where("member_locales.locale", "<>", locale)
      );
  });
  const store: SettingsStore = {
    async guild(guildId) {
      const row = await findOrInsert(scope, {
        find: async () => (await guildRow(guildId)).rows[0],
        insert: (at) =>
          db.insertInto("guild_settings").values({
            guild_id: guildId,
            log_channel_id: null,
            transcript_dm: 1,
            language: null,
            created_at: at,
            updated_at: at,
          }),
        what: `the settings of guild ${guildId}`,
      });
      const settings = toGuildSettings(row);
      // What reads a guild's settings may write in its language next, synchronously.
      await loadLanguage(settings.language);
      return settings;
    },

    async updateGuild(guildId, patch) {
      await store.guild(guildId);
      const update: {
        updated_at: number;
        log_channel_id?: string | null;
        transcript_dm?: number;
        language?: string | null;
      } = { updated_at: scope.now() };
      if (patch.logChannelId !== undefined) update.log_channel_id = patch.logChannelId;
      if (patch.transcriptDm !== undefined) update.transcript_dm = patch.transcriptDm ? 1 : 0;
      if (patch.language !== undefined) update.language = patch.language;
      await db.updateTable("guild_settings").set(update).where("guild_id", "=", guildId).execute();
      return await store.guild(guildId);
    },

    async memberLocale(userId) {
      const row = await db.selectFrom("member_locales").select("locale")
        .where("user_id", "=", userId).executeTakeFirst();
      return row ? row.locale : null;
    },

    async rememberLocale(userId, locale) {
      await keepLocale(userId, locale, scope.now());
    },

    async meta(key) {
      const row = await db.selectFrom("meta").select("value").where("key", "=", key)
        .executeTakeFirst();
      return row ? row.value : null;
    },

    async metaWithPrefix(prefix) {
      // `!` escapes LIKE's wildcards, so a prefix such as `guild_left:` matches only itself.
      const pattern = `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const rows = await db.selectFrom("meta").select(["key", "value"])
        .where(sql<boolean>`${sql.ref("key")} like ${pattern} escape '!'`)
        .execute();
      // SQLite's LIKE ignores ASCII case; keys are case-sensitive everywhere else.
      return rows.filter((row) => row.key.startsWith(prefix));
    },

    async setMeta(key, value) {
      const insert = db.insertInto("meta").values({ key, value });
      await (kind === "mysql"
        ? insert.onDuplicateKeyUpdate({ value })
        : insert.onConflict((oc) => oc.column("key").doUpdateSet({ value }))).execute();
    },
  };
  return store;
}
