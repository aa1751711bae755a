/**
 * The daily limit of `/privacy mydata` on every database in `DIALECTS`: of two
 * processes asking at once only one takes the slot, the slot stays taken for
 * the window (a new process sees it too), and a given-back slot is free at once.
 */
import assert from "node:assert/strict";
import type { GuildId, UserId } from "../../src/core/ids.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh } from "../fixtures/store_suite.ts";

const DAY_MS = 24 * 60 * 60 * 1_000;
const AT = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "an export slot is taken once a day per member and guild"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const handle = await dialect.open();
      // Two stores over the same database, as two processes would have them.
      const one = createStores(handle).privacy;
      const two = createStores(handle).privacy;
      const window = { windowMs: DAY_MS };
      try {
        await t.step("takeExportSlot() lets one of two concurrent callers through", async () => {
          const guild = fresh() as GuildId;
          const user = fresh() as UserId;
          const results = await Promise.all([
            one.takeExportSlot(guild, user, { at: AT, ...window }),
            two.takeExportSlot(guild, user, { at: AT, ...window }),
          ]);
          assert.equal(results.filter((r) => r.taken).length, 1);
          const refused = results.find((r) => !r.taken);
          assert.deepEqual(refused, { taken: false, freeAt: new Date(AT.getTime() + DAY_MS) });
        });

        await t.step("takeExportSlot() refuses within the window and takes it after", async () => {
          const guild = fresh() as GuildId;
          const user = fresh() as UserId;
          assert.deepEqual(await one.takeExportSlot(guild, user, { at: AT, ...window }), {
            taken: true,
          });
          const later = new Date(AT.getTime() + DAY_MS - 1);
          const restarted = createStores(handle).privacy;
          assert.equal(
            (await restarted.takeExportSlot(guild, user, { at: later, ...window })).taken,
            false,
          );
          const otherGuild = fresh() as GuildId;
          assert.equal(
            (await one.takeExportSlot(otherGuild, user, { at: later, ...window })).taken,
            true,
            "each guild counts on its own",
          );
          const dayAfter = new Date(AT.getTime() + DAY_MS);
          assert.equal(
            (await two.takeExportSlot(guild, user, { at: dayAfter, ...window })).taken,
            true,
          );
        });

        await t.step("releaseExportSlot() frees the slot taken at that time only", async () => {
          const guild = fresh() as GuildId;
          const user = fresh() as UserId;
          await one.takeExportSlot(guild, user, { at: AT, ...window });
          await one.releaseExportSlot(guild, user, new Date(AT.getTime() - 1));
          assert.equal((await two.takeExportSlot(guild, user, { at: AT, ...window })).taken, false);
          await one.releaseExportSlot(guild, user, AT);
          assert.equal((await two.takeExportSlot(guild, user, { at: AT, ...window })).taken, true);
        });
      } finally {
        await handle.close();
      }
    },
  });
}
