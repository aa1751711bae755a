/**
 * The ticket and type stores on every database in `DIALECTS`: atomic ticket
 * numbers and limits under concurrency, compare-and-set updates, counts.
 */
import assert from "node:assert/strict";
import { channelId, guildId, messageId, userId } from "../../src/core/ids.ts";
import type { TicketId, TicketTypeId } from "../../src/core/model.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "ticket store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, close } = await dialect.open();
      try {
        await t.step(
          "tickets.open() gives one ticket to 50 concurrent opens at limit 1",
          async () => {
            const guild = guildId(fresh());
            const member = userId(fresh());
            const type = await stores.types.defaultFor(guild);
            assert.equal(type.maxOpenPerMember, 1);
            const results = await Promise.all(
              Array.from({ length: 50 }, () =>
                stores.tickets.open({
                  guildId: guild,
                  typeId: type.id,
                  openerId: member,
                  topic: null,
                  answers: [],
                })),
            );
            const opened = results.filter((r) => r.kind === "opened");
            assert.equal(opened.length, 1);
            const ticket = opened[0]!.ticket;
            assert.equal(ticket.number, 1);
            for (const result of results) {
              if (result.kind === "opened") continue;
              if (result.kind !== "limit_reached") assert.fail(`unexpected ${result.kind}`);
              assert.equal(result.limit, 1);
              assert.deepEqual(result.existing, [ticket]);
            }
            assert.deepEqual(await stores.tickets.heldBy(guild, member), [ticket]);
            // The refused opens took no numbers: the next successful open gets 2.
            const other = await openFor(stores, guild, { opener: userId(fresh()) });
            assert.equal(other.number, 2);
          },
        );

        await t.step(
          "tickets.open() numbers 200 concurrent opens 1..200 without gaps",
          async () => {
            const guild = guildId(fresh());
            const type = await stores.types.defaultFor(guild);
            const results = await Promise.all(
              Array.from({ length: 200 }, () =>
                stores.tickets.open({
                  guildId: guild,
                  typeId: type.id,
                  openerId: userId(fresh()),
                  topic: null,
                  answers: [],
                })),
            );
            const numbers = results.map((r) => {
              assert.equal(r.kind, "opened");
              return r.ticket.number;
            }).sort((a, b) => a - b);
            assert.deepEqual(numbers, Array.from({ length: 200 }, (_, i) => i + 1));
            assert.equal(new Set(results.map((r) => r.kind === "opened" && r.ticket.id)).size, 200);
          },
        );

        await t.step(
          "tickets.open() never reuses a discarded number and counts closing tickets",
          async () => {
            const guild = guildId(fresh());
            const member = userId(fresh());
            const type = await stores.types.defaultFor(guild);
            await stores.types.update(type.id, { maxOpenPerMember: 2 });
            const first = await openFor(stores, guild, { opener: member });
            await stores.tickets.discard(first.id);
            assert.equal(await stores.tickets.get(first.id), null);
            const second = await openFor(stores, guild, { opener: member });
            assert.equal(second.number, 2);
            const third = await openFor(stores, guild, { opener: member });
            assert.equal(third.number, 3);
            assert.ok(await stores.tickets.beginClose(third.id, member, null));
            const refused = await stores.tickets.open({
              guildId: guild,
              typeId: type.id,
              openerId: member,
              topic: null,
              answers: [],
            });
            assert.equal(refused.kind, "limit_reached");
            assert.deepEqual(
              refused.kind === "limit_reached" && refused.existing.map((x) => x.number),
              [2, 3],
            );
            await stores.tickets.finishClose(third.id, new Date());
            const fourth = await openFor(stores, guild, { opener: member });
            assert.equal(fourth.number, 4);
            // Numbers are per guild.
            const elsewhere = await openFor(stores, guildId(fresh()), { opener: member });
            assert.equal(elsewhere.number, 1);
          },
        );

        await t.step("tickets.open() refuses a type of another guild", async () => {
          const type = await stores.types.defaultFor(guildId(fresh()));
          await assert.rejects(
            stores.tickets.open({
              guildId: guildId(fresh()),
              typeId: type.id,
              openerId: userId(fresh()),
              topic: null,
              answers: [],
            }),
            RangeError,
          );
        });

        await t.step(
          "guild settings and the default type are created once under races",
          async () => {
            const guild = guildId(fresh());
            const [settings, types] = await Promise.all([
              Promise.all(Array.from({ length: 10 }, () => stores.settings.guild(guild))),
              Promise.all(Array.from({ length: 10 }, () => stores.types.defaultFor(guild))),
            ]);
            assert.equal(new Set(types.map((x) => x.id)).size, 1);
            assert.equal(new Set(settings.map((x) => x.createdAt.getTime())).size, 1);
            const defaults = types[0]!;
            assert.equal(defaults.isDefault, true);
            assert.equal(defaults.namingScheme, "ticket-{number}");
            assert.deepEqual(defaults.staffRoleIds, []);
            assert.deepEqual(defaults.questions, []);
            assert.equal(defaults.categoryId, null);
            assert.equal(defaults.welcomeText, null);
            assert.equal(defaults.openersMayAddMembers, false);
            assert.deepEqual(await stores.types.get(defaults.id), defaults);
            assert.equal(await stores.types.get(2_000_000_000 as TicketTypeId), null);
          },
        );

        await t.step("tickets.claim() is a compare-and-set", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const a = userId(fresh());
          const b = userId(fresh());
          const claimers = Array.from({ length: 10 }, () => userId(fresh()));
          const wins = await Promise.all(
            claimers.map((c) => stores.tickets.claim(ticket.id, c, null)),
          );
          assert.equal(wins.filter(Boolean).length, 1);
          const winner = claimers[wins.indexOf(true)]!;
          assert.equal((await stores.tickets.get(ticket.id))?.claimedBy, winner);
          assert.equal(await stores.tickets.claim(ticket.id, a, null), false);
          assert.equal(await stores.tickets.claim(ticket.id, a, b), false);
          assert.equal(await stores.tickets.claim(ticket.id, a, winner), true);
          assert.equal(await stores.tickets.claim(ticket.id, null, a), true);
          assert.equal((await stores.tickets.get(ticket.id))?.claimedBy, null);
          assert.equal(await stores.tickets.claim(2_000_000_000 as TicketId, a, null), false);
        });

        await t.step("tickets.beginClose() succeeds once among concurrent closes", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const closers = Array.from({ length: 10 }, () => userId(fresh()));
          const wins = await Promise.all(
            closers.map((c, i) => stores.tickets.beginClose(ticket.id, c, `reason ${i}`)),
          );
          assert.equal(wins.filter(Boolean).length, 1);
          const i = wins.indexOf(true);
          const closing = await stores.tickets.get(ticket.id);
          assert.equal(closing?.status, "closing");
          assert.equal(closing?.closedBy, closers[i]);
          assert.equal(closing?.closeReason, `reason ${i}`);
          assert.equal(closing?.closeStep, "requested");
          assert.equal(await stores.tickets.beginClose(ticket.id, closers[0]!, null), false);
          await stores.tickets.finishClose(ticket.id, new Date());
          assert.equal(await stores.tickets.beginClose(ticket.id, closers[0]!, null), false);
        });

        await t.step("tickets.takeRelayNoticeSlot() grants one notice per period", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const t0 = new Date("2030-01-01T00:00:00.000Z");
          const t1 = new Date(t0.getTime() + 60_000);
          const t2 = new Date(t0.getTime() + 600_000);
          const firsts = await Promise.all(
            Array.from({ length: 5 }, () => stores.tickets.takeRelayNoticeSlot(ticket.id, t0, t0)),
          );
          assert.equal(firsts.filter(Boolean).length, 1);
          // Within the period (the last notice is not older than notBefore): refused.
          assert.equal(await stores.tickets.takeRelayNoticeSlot(ticket.id, t1, t0), false);
          assert.equal(
            await stores.tickets.takeRelayNoticeSlot(ticket.id, t1, new Date(t0.getTime() - 1)),
            false,
          );
          // After it: granted once.
          assert.equal(
            await stores.tickets.takeRelayNoticeSlot(ticket.id, t2, new Date(t0.getTime() + 1)),
            true,
          );
          assert.equal(
            await stores.tickets.takeRelayNoticeSlot(ticket.id, t2, new Date(t0.getTime() + 1)),
            false,
          );
          assert.deepEqual((await stores.tickets.get(ticket.id))?.relayNoticeAt, t2);
        });

        await t.step(
          "types.withCategory() lists only types set up with a category",
          async () => {
            const setUp = await stores.types.defaultFor(guildId(fresh()));
            const category = channelId(fresh());
            await stores.types.update(setUp.id, { categoryId: category });
            const bare = await stores.types.defaultFor(guildId(fresh()));
            const listed = await stores.types.withCategory();
            assert.ok(listed.some((type) => type.id === setUp.id && type.categoryId === category));
            assert.ok(!listed.some((type) => type.id === bare.id));
          },
        );

        await t.step("tickets.countOpen() counts open and closing tickets", async () => {
          const before = await stores.tickets.countOpen();
          const guild = guildId(fresh());
          const a = await openFor(stores, guild, { opener: userId(fresh()) });
          const b = await openFor(stores, guild, { opener: userId(fresh()) });
          assert.equal(await stores.tickets.countOpen(), before + 2);
          await stores.tickets.beginClose(a.id, a.openerId, null);
          assert.equal(await stores.tickets.countOpen(), before + 2);
          await stores.tickets.finishClose(a.id, new Date());
          await stores.tickets.discard(b.id);
          assert.equal(await stores.tickets.countOpen(), before);
        });

        await t.step("tickets.discard() removes the ticket's members and records", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          await stores.tickets.addMember({
            ticketId: ticket.id,
            userId: userId(fresh()),
            addedBy: ticket.openerId,
            addedAt: new Date(),
          });
          await stores.archive.add({
            ticketId: ticket.id,
            messageId: messageId(fresh()),
            authorId: ticket.openerId,
            payload: "{}",
            createdAt: new Date(),
          });
          await stores.tickets.discard(ticket.id);
          assert.deepEqual(await stores.tickets.members(ticket.id), []);
          assert.deepEqual(await stores.archive.messages(ticket.id), []);
        });
      } finally {
        await close();
      }
    },
  });
}
