/**
 * Migrations on every database in `DIALECTS`: up, down and up again, and two
 * migrators racing; and the in-memory test stores.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { guildId, userId } from "../../src/core/ids.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateDown, migrateToLatest } from "../../src/db/migrate.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { ALL_MIGRATIONS, dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";
import { openTestStores } from "../fixtures/test_stores.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "migrations run up, down and up again"),
    ignore: dialect.skip !== null,
    async fn() {
      const isolated = await dialect.isolate();
      try {
        const handle = await openDatabase(isolated.target, isolated.options);
        try {
          assert.deepEqual(await migrateToLatest(handle), {
            direction: "up",
            applied: ALL_MIGRATIONS,
          });
          assert.deepEqual(await migrateToLatest(handle), { direction: "up", applied: [] });
          const stores = createStores(handle);
          await stores.settings.setMeta("before", "down");
          assert.deepEqual(await migrateDown(handle), {
            direction: "down",
            applied: [...ALL_MIGRATIONS].reverse(),
          });
          // PostgreSQL lists the tables of every schema: other tests' schemas are not ours.
          const tables = (await handle.db.introspection.getTables()).filter((x) =>
            dialect.name !== "postgres" || x.schema === isolated.options.postgresSchema
          );
          assert.deepEqual(tables.map((x) => x.name), []);
          await migrateToLatest(handle);
          assert.equal(await stores.settings.meta("before"), null);
          await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
        } finally {
          await handle.close();
        }
      } finally {
        await isolated.drop();
      }
    },
  });

  if (dialect.name !== "sqlite") {
    Deno.test({
      name: dialectLabel(dialect, "two migrators racing on one database apply each migration once"),
      ignore: dialect.skip !== null,
      async fn() {
        const isolated = await dialect.isolate();
        try {
          const a = await openDatabase(isolated.target, isolated.options);
          const b = await openDatabase(isolated.target, isolated.options);
          try {
            const [ra, rb] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
            assert.deepEqual([...ra.applied, ...rb.applied].sort(), ALL_MIGRATIONS);
            const rows = await sql<{ name: string }>`select name from kysely_migration`
              .execute(a.db);
            assert.deepEqual(rows.rows.map((r) => r.name).sort(), ALL_MIGRATIONS);
            await openFor(createStores(b), guildId(fresh()), { opener: userId(fresh()) });
          } finally {
            await a.close();
            await b.close();
          }
        } finally {
          await isolated.drop();
        }
      },
    });
  }
}

Deno.test("openTestStores() gives each caller a private migrated database", async () => {
  const first = await openTestStores();
  const second = await openTestStores();
  try {
    await openFor(first, guildId(fresh()), { opener: userId(fresh()) });
    assert.equal(await first.tickets.countOpen(), 1);
    assert.equal(await second.tickets.countOpen(), 0);
  } finally {
    await first.close();
    await second.close();
  }
});

Deno.test("openTestStores() stamps records with the given clock", async () => {
  const at = new Date("2030-01-02T03:04:05.678Z");
  const stores = await openTestStores({ clock: { now: () => at } });
  try {
    assert.deepEqual((await stores.settings.guild(guildId(fresh()))).createdAt, at);
    const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
    assert.deepEqual(ticket.createdAt, at);
  } finally {
    await stores.close();
  }
});
