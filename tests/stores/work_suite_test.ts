/**
 * What working a ticket stores, on every database in `DIALECTS`: a ticket's
 * priority and who it waits for, and the guild's saved answers (tags) with names
 * unique whatever their case.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "work store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, close } = await dialect.open();
      try {
        await t.step("a ticket starts normal, waiting for nobody, not expired", async () => {
          const guild = guildId(fresh());
          const type = await stores.types.defaultFor(guild);
          const opened = await stores.tickets.open({
            guildId: guild,
            typeId: type.id,
            openerId: userId(fresh()),
            topic: null,
            answers: [],
          });
          if (opened.kind !== "opened") throw new Error(`not opened: ${opened.kind}`);
          const { ticket } = opened;
          const read = await stores.tickets.get(ticket.id);
          assert.equal(read?.priority, "normal");
          assert.equal(read?.waitingFor, null);
          assert.equal(read?.expiredAt, null);
          await stores.tickets.setPriority(ticket.id, "urgent");
          await stores.tickets.setWaitingFor(ticket.id, "staff");
          await stores.tickets.setWaitingFor(ticket.id, "staff");
          const changed = await stores.tickets.get(ticket.id);
          assert.equal(changed?.priority, "urgent");
          assert.equal(changed?.waitingFor, "staff");
        });

        await t.step("tags: create, name taken in any case, update, list, remove", async () => {
          const guild = guildId(fresh());
          const author = userId(fresh());
          const created = await stores.tags.create({
            guildId: guild,
            name: "Refunds",
            content: "Hello {opener}, refunds take 5 days.",
            createdBy: author,
          });
          assert.equal(created.kind, "saved");
          const taken = await stores.tags.create({
            guildId: guild,
            name: "refunds",
            content: "x",
            createdBy: author,
          });
          assert.equal(taken.kind, "name_taken");
          const other = await stores.tags.create({
            guildId: guildId(fresh()),
            name: "Refunds",
            content: "another guild",
            createdBy: author,
          });
          assert.equal(other.kind, "saved");
          const updated = await stores.tags.update(guild, "REFUNDS", "Now 3 days, {opener}.");
          assert.equal(updated.kind, "saved");
          assert.equal((await stores.tags.get(guild, "refunds"))?.content, "Now 3 days, {opener}.");
          assert.equal((await stores.tags.update(guild, "nope", "x")).kind, "missing");
          await stores.tags.create({
            guildId: guild,
            name: "Apply",
            content: "a",
            createdBy: author,
          });
          assert.deepEqual((await stores.tags.list(guild)).map((tag) => tag.name), [
            "Apply",
            "REFUNDS",
          ]);
          assert.equal(await stores.tags.remove(guild, "refunds"), true);
          assert.equal(await stores.tags.remove(guild, "refunds"), false);
          assert.deepEqual((await stores.tags.list(guild)).map((tag) => tag.name), ["Apply"]);
        });
      } finally {
        await close();
      }
    },
  });
}
