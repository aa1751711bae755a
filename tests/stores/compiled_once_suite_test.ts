/**
 * Queries compiled once and run with new values, on every database in
 * `DIALECTS`: the same rows and counts as the query built anew each time, and a
 * clear refusal of a build that computes with its values.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import { compiledOnce } from "../../src/db/stores/compiled_once.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "a query compiled once runs with each call's values"),
    ignore: dialect.skip !== null,
    async fn() {
      const { db, stores, close } = await dialect.open();
      try {
        const guild = guildId(fresh());
        const tickets = [];
        for (let i = 0; i < 3; i++) {
          tickets.push(await openFor(stores, guild, { opener: userId(fresh()) }));
        }
        const byOpener = compiledOnce(
          { db },
          (guildId: string, openerId: string) =>
            db.selectFrom("tickets").select(["id", "opener_id"]).where("guild_id", "=", guildId)
              .where("opener_id", "=", openerId),
        );
        for (const ticket of tickets) {
          const { rows } = await byOpener(guild, ticket.openerId);
          assert.deepEqual(rows.map((row) => [Number(row.id), row.opener_id]), [[
            ticket.id,
            ticket.openerId,
          ]]);
        }
        assert.deepEqual((await byOpener(guildId(fresh()), tickets[0]!.openerId)).rows, []);

        const rename = compiledOnce(
          { db },
          (topic: string | null, id: number) =>
            db.updateTable("tickets").set({ topic, waiting_for: "staff" }).where("id", "=", id),
        );
        const result = await rename("new topic", tickets[1]!.id);
        assert.equal(Number(result.numAffectedRows), 1);
        assert.equal((await stores.tickets.get(tickets[1]!.id))?.topic, "new topic");
        await rename(null, tickets[1]!.id);
        assert.equal((await stores.tickets.get(tickets[1]!.id))?.topic, null);
        assert.equal((await stores.tickets.get(tickets[0]!.id))?.topic, null);

        const computed = compiledOnce(
          { db },
          (at: number) => db.selectFrom("tickets").select("id").where("created_at", "<=", at - 1),
        );
        await assert.rejects(computed(5), /Cannot compile the query once: value 0 did not reach/);
      } finally {
        await close();
      }
    },
  });
}
