/**
 * The retention store on every database in `DIALECTS`: the database's clock,
 * departures, tickets due under retentions long enough to overflow 32-bit
 * milliseconds, two processes expiring or deleting the same thing at once, and a
 * deleted guild leaving no row in any table that names it.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { guildId } from "../../src/core/ids.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { GUILD_TABLES, TICKET_TABLES } from "../../src/db/stores/retention.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest, migrateUpTo } from "../../src/db/migrate.ts";
import type { DatabaseHandle } from "../../src/db/connect.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh } from "../fixtures/store_suite.ts";
import { closedTicketWithContent, keepsContent } from "../fixtures/retained_ticket.ts";

const DAY_MS = 86_400_000;

/** The tables of this test's database (PostgreSQL lists other schemas too), with their columns. */
async function ownTables(handle: DatabaseHandle) {
  const tables = await handle.db.introspection.getTables();
  if (handle.kind !== "postgres") return tables;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`
    .execute(handle.db);
  return tables.filter((table) => table.schema === rows[0]?.schema);
}

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "retention store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const handle = await dialect.open();
      const { stores, db } = handle;
      // A second process on the same database.
      const other = createStores(handle);
      try {
        await t.step("the database clock reads the server's time", async () => {
          const now = await stores.databaseClock.now();
          assert.ok(Math.abs(now.getTime() - Date.now()) < 60_000, now.toISOString());
        });

        await t.step(
          "a departure is dated by the database, the first one stays, a return cancels it",
          async () => {
            const guild = guildId(fresh());
            await stores.retention.recordDeparture(guild);
            const now = await stores.databaseClock.now();
            const soon = new Date(now.getTime() + 1_000);
            assert.ok((await stores.retention.guildsLeftBefore(soon, 1000)).includes(guild));
            const dayAgo = new Date(now.getTime() - DAY_MS);
            assert.ok(!(await stores.retention.guildsLeftBefore(dayAgo, 1000)).includes(guild));
            await stores.retention.recordDeparture(guild, new Date(now.getTime() + 10 * DAY_MS));
            assert.ok((await stores.retention.guildsLeftBefore(soon, 1000)).includes(guild));
            await stores.retention.cancelDeparture(guild);
            assert.ok(!(await stores.retention.guildsLeftBefore(soon, 1000)).includes(guild));
          },
        );

        await t.step(
          "a ticket of a 30-day type is due after 30 days, once, across processes",
          async () => {
            const now = new Date(Date.UTC(2026, 5, 1));
            const guild = guildId(fresh());
            const type = await stores.types.defaultFor(guild);
            await stores.types.update(type.id, { retentionDays: 30 });
            const due = await closedTicketWithContent(stores, {
              guildId: guild,
              closedAt: new Date(now.getTime() - 31 * DAY_MS),
            });
            const kept = await closedTicketWithContent(stores, {
              guildId: guild,
              closedAt: new Date(now.getTime() - 29 * DAY_MS),
            });
            await db.insertInto("share_links").values({
              id: fresh(),
              ticket_id: due.id,
              created_by: fresh(),
              created_at: now.getTime(),
              expires_at: now.getTime() + DAY_MS,
              revoked_at: null,
              revoked_by: null,
            }).execute();
            const dueIds = await stores.retention.ticketsDue(now, 1000);
            assert.ok(dueIds.includes(due.id));
            assert.ok(!dueIds.includes(kept.id));

            const results = await Promise.all([
              stores.retention.expireTicket(due.id, now),
              other.retention.expireTicket(due.id, now),
            ]);
            assert.deepEqual(results.sort(), [false, true]);
            assert.equal(await keepsContent(stores, due), false);
            for (const table of ["message_search", "share_links", "attachments"] as const) {
              const rows = await db.selectFrom(table).select("ticket_id")
                .where("ticket_id", "=", due.id).execute();
              assert.deepEqual(rows, [], table);
            }
            assert.deepEqual((await stores.tickets.get(due.id))?.expiredAt, now);
            assert.equal((await stores.tickets.get(due.id))?.number, due.number);
            assert.equal(await stores.retention.expireTicket(kept.id, now), false);
            assert.equal(await keepsContent(stores, kept), true);
            assert.ok(!(await stores.retention.ticketsDue(now, 1000)).includes(due.id));
          },
        );

        await t.step("a guild left long enough ago is deleted once, from every table", async () => {
          const now = new Date(Date.UTC(2026, 5, 1));
          const guild = guildId(fresh());
          const bystander = guildId(fresh());
          const type = await stores.types.defaultFor(guild);
          await stores.types.update(type.id, { retentionDays: 7 });
          const ticket = await closedTicketWithContent(stores, { guildId: guild, closedAt: now });
          const theirs = await closedTicketWithContent(stores, {
            guildId: bystander,
            closedAt: now,
          });
          await stores.settings.updateGuild(guild, { transcriptDm: false });
          await stores.settings.setMeta(`guild_left:${guild}`, "1");
          await stores.settings.setMeta(`close_reason:${ticket.id}`, "words");
          await stores.privacy.takeExportSlot(guild, ticket.openerId, {
            at: now,
            windowMs: DAY_MS,
          });
          await stores.tags.create({
            guildId: guild,
            name: "hi",
            content: "hello",
            createdBy: ticket.openerId,
          });
          await stores.retention.recordDeparture(guild, new Date(now.getTime() - 31 * DAY_MS));
          await stores.retention.recordDeparture(bystander, now);

          const before = new Date(now.getTime() - 30 * DAY_MS);
          assert.deepEqual(await stores.retention.guildsLeftBefore(before, 1000), [guild]);
          const results = await Promise.all([
            stores.retention.purgeGuild(guild, before),
            other.retention.purgeGuild(guild, before),
          ]);
          assert.deepEqual(results.sort(), [false, true]);
          assert.equal(await stores.retention.purgeGuild(bystander, before), false);

          for (const table of await ownTables(handle)) {
            const columns = new Set(table.columns.map((c) => c.name));
            if (columns.has("guild_id")) {
              const rows = await sql<{ n: number | string }>`select count(*) as n from ${
                sql.table(table.name)
              } where guild_id = ${guild}`.execute(db);
              assert.equal(Number(rows.rows[0]?.n), 0, table.name);
            }
            if (columns.has("ticket_id")) {
              const rows = await sql<{ n: number | string }>`select count(*) as n from ${
                sql.table(table.name)
              } where ticket_id = ${ticket.id}`.execute(db);
              assert.equal(Number(rows.rows[0]?.n), 0, table.name);
            }
          }
          assert.deepEqual(await stores.settings.metaWithPrefix(`guild_left:${guild}`), []);
          assert.equal(await stores.settings.meta(`close_reason:${ticket.id}`), null);
          assert.equal(await keepsContent(stores, theirs), true);
        });

        await t.step(
          "every table that names a guild or a ticket is one a guild's deletion empties",
          async () => {
            const covered = new Set<string>([...GUILD_TABLES, ...TICKET_TABLES]);
            const missed = (await ownTables(handle)).filter((table) =>
              table.columns.some((c) => c.name === "guild_id" || c.name === "ticket_id") &&
              !covered.has(table.name)
            ).map((table) => table.name);
            assert.deepEqual(missed, []);
          },
        );
      } finally {
        await handle.close();
      }
    },
  });

  Deno.test({
    name: dialectLabel(
      dialect,
      "guilds marked left before departures were kept count from the migration",
    ),
    ignore: dialect.skip !== null,
    async fn() {
      const isolated = await dialect.isolate();
      try {
        const handle = await openDatabase(isolated.target, isolated.options);
        try {
          await migrateUpTo(handle, "0014_ticket_work");
          await handle.db.insertInto("meta").values([
            { key: "guild_left:111", value: "1" },
            { key: "guild_left:222", value: "0" },
          ]).execute();
          await migrateToLatest(handle);
          const stores = createStores(handle);
          const soon = new Date((await stores.databaseClock.now()).getTime() + 1_000);
          assert.deepEqual(await stores.retention.guildsLeftBefore(soon, 10), ["111"]);
        } finally {
          await handle.close();
        }
      } finally {
        await isolated.drop();
      }
    },
  });
}
