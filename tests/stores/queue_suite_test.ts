/**
 * The queue of `/ticket list` on every database in `DIALECTS`: open tickets of
 * the asked types only, each filter in SQL, oldest first, paged, with the total.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import { defaultTypeSettings, type Ticket } from "../../src/core/model.ts";
import type { QueueQuery } from "../../src/core/ports.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "the ticket queue filters and pages in the database"),
    ignore: dialect.skip !== null,
    async fn() {
      const { stores, close } = await dialect.open();
      try {
        const guild = guildId(fresh());
        const staffer = userId(fresh());
        const main = await stores.types.defaultFor(guild);
        const created = await stores.types.create(guild, defaultTypeSettings("Billing"));
        assert.equal(created.kind, "created");
        const billing = created.kind === "created" ? created.type : main;
        const tickets: Ticket[] = [];
        for (let i = 0; i < 25; i++) {
          tickets.push(await openFor(stores, guild, { opener: userId(fresh()) }));
        }
        const other = await openFor(stores, guild, { opener: userId(fresh()), typeId: billing.id });
        // Another guild's ticket and a closed one never show.
        await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
        await stores.tickets.beginClose(tickets[24]!.id, staffer, null);
        await stores.tickets.claim(tickets[0]!.id, staffer, null);
        await stores.tickets.claim(tickets[1]!.id, userId(fresh()), null);
        await stores.tickets.setWaitingFor(tickets[2]!.id, "staff");
        await stores.tickets.setWaitingFor(tickets[3]!.id, "member");
        await stores.tickets.setWaitingFor(other.id, "staff");

        const query = (q: Partial<QueueQuery>) =>
          stores.tickets.queue(guild, {
            typeIds: [main.id],
            filter: "all",
            viewerId: staffer,
            offset: 0,
            limit: 20,
            ...q,
          });
        const numbers = (page: { tickets: Ticket[] }) => page.tickets.map((t) => t.number);

        const first = await query({});
        assert.equal(first.total, 24);
        assert.deepEqual(numbers(first), Array.from({ length: 20 }, (_, i) => i + 1));
        const second = await query({ offset: 20 });
        assert.deepEqual(numbers(second), [21, 22, 23, 24]);
        assert.equal(second.total, 24);

        assert.deepEqual(numbers(await query({ filter: "mine" })), [1]);
        const unclaimed = await query({ filter: "unclaimed" });
        assert.equal(unclaimed.total, 22);
        assert.equal(numbers(unclaimed)[0], 3);
        assert.deepEqual(numbers(await query({ filter: "waiting-staff" })), [3]);
        assert.deepEqual(numbers(await query({ filter: "waiting-member" })), [4]);

        const both = await query({ typeIds: [main.id, billing.id], filter: "waiting-staff" });
        assert.deepEqual(both.tickets.map((t) => t.id), [tickets[2]!.id, other.id]);
        assert.deepEqual(numbers(await query({ typeIds: [billing.id] })), [other.number]);
        assert.deepEqual(await query({ typeIds: [] }), { tickets: [], total: 0 });
      } finally {
        await close();
      }
    },
  });
}
