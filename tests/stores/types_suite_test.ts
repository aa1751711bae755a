/**
 * Ticket types and their counted limits on every database in `DIALECTS`: the
 * total cap and cooldown under concurrency, unique names, deletion refused
 * while tickets are open, multi-type panels, and the migration of old questions.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { channelId, guildId, messageId, userId } from "../../src/core/ids.ts";
import { defaultTypeSettings, MAX_TYPES_PER_GUILD } from "../../src/core/model.ts";
import type { TicketType } from "../../src/core/model.ts";
import type { Stores } from "../../src/core/ports.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { migrationProvider } from "../../migrations/mod.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

async function newType(stores: Stores, guild: ReturnType<typeof guildId>, name: string) {
  const result = await stores.types.create(guild, defaultTypeSettings(name));
  assert.equal(result.kind, "created");
  return (result as { type: TicketType }).type;
}

function openOnce(stores: Stores, type: TicketType, opener = userId(fresh())) {
  return stores.tickets.open({
    guildId: type.guildId,
    typeId: type.id,
    openerId: opener,
    topic: null,
    answers: [],
  });
}

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "type store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, close } = await dialect.open();
      try {
        await t.step(
          "tickets.open() gives exactly 10 of 30 concurrent opens at a cap of 10",
          async () => {
            const guild = guildId(fresh());
            const type = await stores.types.update(
              (await newType(stores, guild, "Billing")).id,
              { totalOpenCap: 10 },
            );
            const results = await Promise.all(
              Array.from({ length: 30 }, () => openOnce(stores, type)),
            );
            assert.equal(results.filter((r) => r.kind === "opened").length, 10);
            for (const result of results.filter((r) => r.kind !== "opened")) {
              assert.deepEqual(result, { kind: "cap_reached", cap: 10 });
            }
            // Refused opens took no numbers, and other types of the guild are not capped.
            const other = await openFor(stores, guild, { opener: userId(fresh()) });
            assert.equal(other.number, 11);
          },
        );

        await t.step(
          "tickets.open() refuses during the cooldown and says when it ends",
          async () => {
            const guild = guildId(fresh());
            const member = userId(fresh());
            const base = await newType(stores, guild, "Appeal");
            const type = await stores.types.update(base.id, {
              cooldownSeconds: 3600,
              maxOpenPerMember: 5,
            });
            const first = await openOnce(stores, type, member);
            assert.equal(first.kind, "opened");
            const created = (first as { ticket: { createdAt: Date } }).ticket.createdAt;
            const again = await openOnce(stores, type, member);
            assert.deepEqual(again, {
              kind: "cooling_down",
              retryAt: new Date(created.getTime() + 3_600_000),
            });
            assert.equal((await openOnce(stores, type)).kind, "opened");
          },
        );

        await t.step(
          "types.create() keeps names unique per guild and at most 25 types",
          async () => {
            const guild = guildId(fresh());
            const def = await stores.types.defaultFor(guild);
            const billing = await newType(stores, guild, "Billing");
            assert.deepEqual(await stores.types.create(guild, defaultTypeSettings("bILLING")), {
              kind: "name_taken",
            });
            assert.equal((await newType(stores, guildId(fresh()), "Billing")).name, "Billing");
            assert.deepEqual(await stores.types.byName(guild, "billing"), billing);
            const made = await Promise.all(
              Array.from(
                { length: 30 },
                (_, i) => stores.types.create(guild, defaultTypeSettings(`Kind ${i}`)),
              ),
            );
            assert.equal(
              made.filter((r) => r.kind === "created").length,
              MAX_TYPES_PER_GUILD - 2,
            );
            assert.ok(made.some((r) => r.kind === "too_many" && r.max === MAX_TYPES_PER_GUILD));
            const listed = await stores.types.list(guild);
            assert.equal(listed.length, MAX_TYPES_PER_GUILD);
            assert.deepEqual(listed[0], def);
          },
        );

        await t.step(
          "types.remove() refuses the default and a type with open tickets",
          async () => {
            const guild = guildId(fresh());
            const def = await stores.types.defaultFor(guild);
            assert.deepEqual(await stores.types.remove(def.id), { kind: "is_default" });
            const bugs = await newType(stores, guild, "Bugs");
            const opened = await openOnce(stores, bugs);
            assert.equal(opened.kind, "opened");
            assert.deepEqual(await stores.types.remove(bugs.id), {
              kind: "has_open_tickets",
              count: 1,
            });
            const ticket = opened.ticket;
            await stores.tickets.beginClose(ticket.id, userId(fresh()), null);
            await stores.tickets.finishClose(ticket.id, new Date());
            assert.deepEqual(await stores.types.remove(bugs.id), { kind: "deleted" });
            assert.equal(await stores.types.get(bugs.id), null);
            assert.deepEqual(await stores.types.list(guild), [def]);
            assert.deepEqual(await stores.types.remove(bugs.id), { kind: "missing" });
            await assert.rejects(openOnce(stores, bugs), RangeError);
            // The name is free again; the closed ticket keeps its type id.
            assert.equal((await newType(stores, guild, "bugs")).name, "bugs");
            assert.equal((await stores.tickets.get(ticket.id))?.typeId, bugs.id);
          },
        );

        await t.step("types.update() names the rule a value breaks", async () => {
          const type = await stores.types.defaultFor(guildId(fresh()));
          await assert.rejects(
            stores.types.update(type.id, {
              questions: [{
                label: "Which?",
                style: "choice",
                required: true,
                options: Array.from({ length: 26 }, (_, i) => `o${i}`),
              }],
            }),
            /questions\[0\]\.options: at most 25/,
          );
          const hours = { schedule: "Mon-Fri 09:00-17:00 Europe/Berlin", policy: "warn" as const };
          const updated = await stores.types.update(type.id, {
            supportHours: hours,
            autoClose: { warnAfterHours: 24, closeAfterHours: 12 },
            claimMode: "readonly",
            mode: "thread",
            parentChannelId: channelId(fresh()),
            feedback: false,
            retentionDays: 30,
          });
          assert.deepEqual(updated.supportHours, hours);
          assert.deepEqual(updated.autoClose, { warnAfterHours: 24, closeAfterHours: 12 });
          assert.equal(updated.claimMode, "readonly");
          assert.equal(updated.mode, "thread");
          assert.equal(updated.feedback, false);
          assert.equal(updated.closeWhenOpenerLeaves, true);
          assert.equal(updated.closeRequestTimeoutHours, 24);
          assert.deepEqual(await stores.types.get(type.id), updated);
        });

        await t.step("panels keep several types in order, and their style", async () => {
          const guild = guildId(fresh());
          const a = await stores.types.defaultFor(guild);
          const b = await newType(stores, guild, "Other");
          const panel = await stores.panels.save({
            guildId: guild,
            channelId: channelId(fresh()),
            messageId: messageId(fresh()),
            typeIds: [b.id, a.id],
            style: "select",
            title: "Help",
            description: "Pick one",
            buttonLabel: "Open",
            createdBy: userId(fresh()),
          });
          assert.equal(panel.typeId, b.id);
          assert.deepEqual(await stores.panels.get(panel.id), panel);
          const edited = await stores.panels.update(panel.id, {
            typeIds: [a.id],
            style: "buttons",
          });
          assert.deepEqual([edited.typeId, edited.typeIds, edited.style], [
            a.id,
            [a.id],
            "buttons",
          ]);
          assert.deepEqual(await stores.panels.list(guild), [edited]);
          assert.equal(await stores.panels.remove(panel.id), true);
          assert.equal(await stores.panels.remove(panel.id), false);
        });
      } finally {
        await close();
      }
    },
  });

  Deno.test({
    name: dialectLabel(
      dialect,
      "migration 0011 turns old question strings into short-text questions",
    ),
    ignore: dialect.skip !== null,
    async fn() {
      const isolated = await dialect.isolate();
      try {
        const handle = await openDatabase(isolated.target, isolated.options);
        try {
          // PostgreSQL: name the connection's schema, as `src/db/migrate.ts` does, or
          // Kysely looks for its bookkeeping tables in every schema of the server.
          const schema = handle.kind === "postgres"
            ? (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]?.s
            : undefined;
          const migrator = new Migrator({
            db: handle.db,
            provider: migrationProvider,
            ...(schema === undefined ? {} : { migrationTableSchema: schema }),
          });
          const before = await migrator.migrateTo("0010_languages");
          assert.equal(before.error, undefined);
          const guild = fresh();
          // deno-lint-ignore no-explicit-any
          const db = handle.db as any;
          await db.insertInto("ticket_types").values({
            guild_id: guild,
            name: "Support",
            is_default: 1,
            category_id: null,
            staff_role_ids: "[]",
            naming_scheme: "ticket-{number}",
            welcome_text: null,
            questions: JSON.stringify(["Order number?"]),
            max_open_per_member: 2,
            openers_may_add_members: 0,
            created_at: 1,
            updated_at: 1,
          }).execute();
          const after = await migrator.migrateToLatest();
          assert.equal(after.error, undefined);
          const type = await createStores(handle).types.defaultFor(guildId(guild));
          assert.deepEqual(type.questions, [
            { label: "Order number?", style: "short", required: true, options: [] },
          ]);
          assert.equal(type.maxOpenPerMember, 2);
          assert.deepEqual(type.requiredRoleIds, []);
          assert.equal(type.feedback, true);
          assert.equal(
            (await createStores(handle).types.byName(guildId(guild), "SUPPORT"))?.id,
            type.id,
          );
        } finally {
          await handle.close();
        }
      } finally {
        await isolated.drop();
      }
    },
  });
}
