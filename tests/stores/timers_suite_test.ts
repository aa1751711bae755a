/**
 * A ticket's timings and timers, on every database in `DIALECTS`: who wrote
 * when, the auto close's steps and close requests taken once by compare-and-set,
 * and the opener lookups a pass takes in turn.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import type { TicketId } from "../../src/core/model.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 0, 1, 12) + hours * HOUR);

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "timer store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, close } = await dialect.open();
      const mine = (ids: TicketId[]) => async (hours: number) =>
        (await stores.timers.due(at(hours), 1000)).filter((timer) => ids.includes(timer.ticketId));
      try {
        await t.step(
          "messages record the first response, the last times and waiting-for",
          async () => {
            const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
            const fresh0 = await stores.timers.timings(ticket.id);
            assert.equal(fresh0?.firstStaffResponseAt, null);
            assert.equal(fresh0?.autoClose, null);
            assert.equal(fresh0?.closeRequest, null);
            await stores.timers.openerWrote(ticket.id, at(0));
            assert.equal((await stores.tickets.get(ticket.id))?.waitingFor, "staff");
            await stores.timers.staffWrote(ticket.id, at(1), at(25));
            await stores.timers.staffWrote(ticket.id, at(2), null);
            const timings = await stores.timers.timings(ticket.id);
            assert.deepEqual(timings?.firstStaffResponseAt, at(1));
            assert.deepEqual(timings?.lastStaffMessageAt, at(2));
            assert.deepEqual(timings?.lastOpenerMessageAt, at(0));
            assert.equal(timings?.autoClose, null, "a staff message without auto close disarms it");
            assert.equal((await stores.tickets.get(ticket.id))?.waitingFor, "member");
          },
        );

        await t.step("messages of one side within a minute write nothing", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const soon = (hours: number, seconds: number) =>
            new Date(at(hours).getTime() + seconds * 1000);
          await stores.timers.openerWrote(ticket.id, at(0));
          await stores.timers.openerWrote(ticket.id, soon(0, 30));
          assert.deepEqual((await stores.timers.timings(ticket.id))?.lastOpenerMessageAt, at(0));
          await stores.timers.openerWrote(ticket.id, soon(0, 60));
          assert.deepEqual(
            (await stores.timers.timings(ticket.id))?.lastOpenerMessageAt,
            soon(0, 60),
          );
          await stores.timers.staffWrote(ticket.id, at(1), at(25));
          await stores.timers.staffWrote(ticket.id, soon(1, 10), soon(25, 10));
          const timings = await stores.timers.timings(ticket.id);
          assert.deepEqual(timings?.lastStaffMessageAt, at(1));
          assert.deepEqual(timings?.autoClose, { step: "warn", dueAt: at(25) });
          await stores.timers.openerWrote(ticket.id, soon(1, 20));
          assert.equal((await stores.timers.timings(ticket.id))?.autoClose, null, "always cancels");
        });

        await t.step("an auto close advances once from its warning to its close", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const due = mine([ticket.id]);
          await stores.timers.staffWrote(ticket.id, at(0), at(24));
          assert.deepEqual(await due(23), []);
          assert.deepEqual(await due(24), [
            { kind: "auto_close", ticketId: ticket.id, step: "warn", dueAt: at(24) },
          ]);
          const from = { step: "warn" as const, dueAt: at(24) };
          const next = { step: "close" as const, dueAt: at(48) };
          const [first, second] = await Promise.all([
            stores.timers.advanceAutoClose(ticket.id, from, next),
            stores.timers.advanceAutoClose(ticket.id, from, next),
          ]);
          assert.equal([first, second].filter(Boolean).length, 1, "taken exactly once");
          assert.deepEqual(await due(30), []);
          assert.equal(
            await stores.timers.advanceAutoClose(ticket.id, next, null),
            true,
          );
          assert.equal((await stores.timers.timings(ticket.id))?.autoClose, null);
        });

        await t.step("the opener's message cancels an auto close the pass read", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          await stores.timers.staffWrote(ticket.id, at(0), at(24));
          await stores.timers.openerWrote(ticket.id, at(1));
          assert.deepEqual(await mine([ticket.id])(100), []);
          const taken = await stores.timers.advanceAutoClose(
            ticket.id,
            { step: "warn", dueAt: at(24) },
            { step: "close", dueAt: at(48) },
          );
          assert.equal(taken, false);
        });

        await t.step("a close request replaces the last one and ends once", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const staff = userId(fresh());
          const first = await stores.timers.requestClose(ticket.id, {
            by: staff,
            reason: "Solved 🎫",
            dueAt: at(24),
          });
          const second = await stores.timers.requestClose(ticket.id, {
            by: staff,
            reason: null,
            dueAt: at(30),
          });
          assert.equal(second.seq, first.seq + 1);
          assert.equal(first.reason, "Solved 🎫");
          assert.deepEqual(await mine([ticket.id])(24), []);
          assert.deepEqual(await mine([ticket.id])(30), [
            { kind: "close_request", ticketId: ticket.id, seq: second.seq, dueAt: at(30) },
          ]);
          assert.equal(await stores.timers.endCloseRequest(ticket.id, first.seq), null);
          const [a, b] = await Promise.all([
            stores.timers.endCloseRequest(ticket.id, second.seq),
            stores.timers.endCloseRequest(ticket.id, second.seq),
          ]);
          assert.deepEqual([a, b].filter((x) => x !== null), [second]);
          assert.equal((await stores.timers.timings(ticket.id))?.closeRequest, null);
        });

        await t.step("opener lookups come due and are taken once", async () => {
          const guild = guildId(fresh());
          const ticket = await openFor(stores, guild, { opener: userId(fresh()) });
          await stores.tickets.setChannel(ticket.id, fresh() as never);
          const later = (hours: number) => new Date(ticket.createdAt.getTime() + hours * HOUR);
          const dueNow = async (before: Date) =>
            (await stores.timers.openerChecksDue(before, 1000)).filter((c) =>
              c.ticket.id === ticket.id
            );
          assert.deepEqual(await dueNow(later(-1)), [], "not before it is that old");
          const [found] = await dueNow(later(0));
          assert.equal(found?.checkedAt, null);
          assert.equal(await stores.timers.takeOpenerCheck(ticket.id, null, later(6)), true);
          assert.equal(await stores.timers.takeOpenerCheck(ticket.id, null, later(6)), false);
          assert.deepEqual(await dueNow(later(5)), []);
          const [again] = await dueNow(later(6));
          assert.deepEqual(again?.checkedAt, later(6));
          assert.equal(await stores.timers.takeOpenerCheck(ticket.id, later(6), later(12)), true);
        });

        await t.step(
          "stop() ends the auto close and the close request, and keeps the timings",
          async () => {
            const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
            await stores.timers.staffWrote(ticket.id, at(0), at(1));
            await stores.timers.requestClose(ticket.id, {
              by: userId(fresh()),
              reason: "done",
              dueAt: at(1),
            });
            await stores.timers.stop(ticket.id);
            const timings = await stores.timers.timings(ticket.id);
            assert.equal(timings?.autoClose, null);
            assert.equal(timings?.closeRequest, null);
            assert.deepEqual(timings?.firstStaffResponseAt, at(0));
            assert.deepEqual(await mine([ticket.id])(10), []);
          },
        );

        await t.step("closed tickets have no due timers", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          await stores.timers.staffWrote(ticket.id, at(0), at(1));
          await stores.timers.requestClose(ticket.id, {
            by: userId(fresh()),
            reason: null,
            dueAt: at(1),
          });
          await stores.tickets.beginClose(ticket.id, userId(fresh()), null);
          assert.deepEqual(await mine([ticket.id])(10), []);
        });
      } finally {
        await close();
      }
    },
  });
}
