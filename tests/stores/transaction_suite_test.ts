/**
 * The unit of work on every database in `DIALECTS`: writes of several stores in
 * one `atomically` commit together, and a failing write rolls them all back.
 */
import assert from "node:assert/strict";
import { channelId, guildId, userId } from "../../src/core/ids.ts";
import type { NewAuditEvent } from "../../src/core/model.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(
      dialect,
      "atomically() commits several stores' writes together or not at all",
    ),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, close } = await dialect.open();
      try {
        await t.step("opening a ticket and its audit row commit together", async () => {
          const guild = guildId(fresh());
          const opener = userId(fresh());
          const ticket = await stores.atomically(async (tx) => {
            const opened = await openFor(tx, guild, { opener });
            await tx.audit.record({
              guildId: guild,
              ticketId: opened.id,
              actorId: opener,
              action: "ticket.open",
              detail: { number: opened.number },
            });
            return opened;
          });
          assert.deepEqual(await stores.tickets.heldBy(guild, opener), [ticket]);
          const [event] = await stores.audit.recent(guild, 5);
          assert.equal(event?.ticketId, ticket.id);
        });

        await t.step("a failing audit write rolls the open back, its number too", async () => {
          const guild = guildId(fresh());
          const opener = userId(fresh());
          const channel = channelId(fresh());
          await assert.rejects(
            stores.atomically(async (tx) => {
              const opened = await openFor(tx, guild, { opener });
              await tx.tickets.setChannel(opened.id, channel);
              // A row the audit table refuses (its guild may not be null).
              await tx.audit.record({ guildId: null } as unknown as NewAuditEvent);
            }),
          );
          assert.deepEqual(await stores.tickets.heldBy(guild, opener), []);
          assert.equal(await stores.tickets.byChannel(channel), null);
          assert.deepEqual(await stores.audit.recent(guild, 5), []);
          const next = await openFor(stores, guild, { opener });
          assert.equal(next.number, 1, "the rolled-back open took no number");
        });

        await t.step("a refused open inside a transaction takes no number", async () => {
          const guild = guildId(fresh());
          const opener = userId(fresh());
          const first = await openFor(stores, guild, { opener });
          const refused = await stores.atomically((tx) =>
            tx.tickets.open({
              guildId: guild,
              typeId: first.typeId,
              openerId: opener,
              topic: null,
              answers: [],
            })
          );
          assert.equal(refused.kind, "limit_reached");
          const next = await openFor(stores, guild, { opener: userId(fresh()) });
          assert.equal(next.number, 2);
        });

        await t.step("concurrent units of work open gap-free numbers", async () => {
          const guild = guildId(fresh());
          const tickets = await Promise.all(
            Array.from({ length: 20 }, () =>
              stores.atomically(async (tx) => {
                const opened = await openFor(tx, guild, { opener: userId(fresh()) });
                await tx.audit.record({
                  guildId: guild,
                  ticketId: opened.id,
                  actorId: opened.openerId,
                  action: "ticket.open",
                  detail: {},
                });
                return opened;
              })),
          );
          const numbers = tickets.map((ticket) => ticket.number).sort((a, b) => a - b);
          assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => i + 1));
          assert.equal((await stores.audit.recent(guild, 50)).length, 20);
        });
      } finally {
        await close();
      }
    },
  });
}
