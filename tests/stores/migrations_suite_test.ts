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
import { migrationProvider } from "../../migrations/mod.ts";
import { Migrator } from "kysely/migration";

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

  Deno.test({
    name: dialectLabel(dialect, "0015 keeps every stored transcript as its ticket's first"),
    ignore: dialect.skip !== null,
    async fn() {
      const isolated = await dialect.isolate();
      try {
        const handle = await openDatabase(isolated.target, isolated.options);
        try {
          const migrator = new Migrator({
            db: handle.db,
            provider: migrationProvider,
            ...(dialect.name === "postgres"
              ? { migrationTableSchema: isolated.options.postgresSchema }
              : {}),
          });
          await migrateToLatest(handle);
          const stores = createStores(handle);
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const other = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          assert.equal((await migrator.migrateTo("0014_ticket_work")).error, undefined);
          // The stores of this build write `sequence`: the old table is written by hand.
          for (const [id, word] of [[ticket.id, "kept"], [other.id, "also kept"]] as const) {
            await sql`insert into transcripts
              (ticket_id, html, text, compressed, byte_size, message_count, created_at)
              values (${id}, ${new TextEncoder().encode(word)}, ${
              new TextEncoder().encode(word.toUpperCase())
            }, 0, ${word.length}, 7, 1000)`.execute(handle.db);
          }
          await migrateToLatest(handle);
          const first = await stores.transcripts.get(ticket.id);
          assert.equal(first?.html, "kept");
          assert.equal(first?.text, "KEPT");
          assert.equal(first?.sequence, 1);
          assert.equal(first?.messageCount, 7);
          assert.equal((await stores.transcripts.get(other.id))?.html, "also kept");
          assert.equal((await stores.tickets.get(ticket.id))?.reopenCount, 0);
          await stores.transcripts.save({
            ticketId: ticket.id,
            sequence: 2,
            html: "again",
            text: "AGAIN",
            messageCount: 9,
            byteSize: 5,
          });
          assert.deepEqual((await stores.transcripts.list(ticket.id)).map((x) => x.sequence), [
            1,
            2,
          ]);
          // The foreign key still cascades: a discarded ticket takes its transcripts along.
          await stores.tickets.discard(other.id);
          assert.equal(await stores.transcripts.get(other.id), null);
          // Down keeps each ticket's latest transcript; up again makes it the first.
          const down = await migrator.migrateTo("0014_ticket_work");
          assert.equal(down.error, undefined);
          const left = await sql<{ ticket_id: number }>`select ticket_id from transcripts`
            .execute(handle.db);
          assert.deepEqual(left.rows.map((r) => Number(r.ticket_id)), [ticket.id]);
          await migrateToLatest(handle);
          assert.equal((await stores.transcripts.get(ticket.id, 1))?.html, "again");
          assert.equal((await stores.transcripts.list(ticket.id)).length, 1);
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
