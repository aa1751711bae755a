/**
 * The statistics reads on every database in `DIALECTS`: a period's tickets with
 * their timings and ratings, the type and staff filters, the open tickets and
 * the oldest waiting, reopens from the audit trail, and messages per staff member.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import { defaultTypeSettings, type TicketId } from "../../src/core/model.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 12);
const at = (hours: number) => T0 + hours * HOUR;

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "stats store reads a period's tickets, filters and counts"),
    ignore: dialect.skip !== null,
    async fn() {
      const { stores, db, close } = await dialect.open();
      try {
        const guild = guildId(fresh());
        const staff = userId(fresh());
        const other = userId(fresh());
        const opener = userId(fresh());
        const type = await stores.types.defaultFor(guild);
        const billing = await stores.types.create(guild, defaultTypeSettings("Billing"));
        assert.equal(billing.kind, "created");
        if (billing.kind !== "created") return;
        const open = async (typeId = type.id, who = userId(fresh())) =>
          (await openFor(stores, guild, { opener: who, typeId })).id;
        const a = await open(type.id, opener);
        const b = await open();
        const c = await open(billing.type.id);
        const before = await open();
        const set = (id: TicketId, values: Record<string, unknown>) =>
          db.updateTable("tickets").set(values).where("id", "=", id).execute();
        await set(a, {
          created_at: at(0),
          first_staff_response_at: at(1),
          closed_at: at(5),
          status: "closed",
          claimed_by: staff,
        });
        await set(b, { created_at: at(2), waiting_for: "staff" });
        await set(c, { created_at: at(3), first_staff_response_at: at(4), waiting_for: "member" });
        await set(before, { created_at: at(-100), closed_at: at(6), status: "closed" });
        await stores.feedback.ask(before, guild, other, new Date(at(6)));
        await stores.feedback.rate(before, 4, new Date(at(7)));
        await stores.feedback.ask(a, guild, staff, new Date(at(5)));
        await stores.feedback.rate(a, 5, new Date(at(6)));
        await stores.audit.record({
          guildId: guild,
          ticketId: c,
          actorId: staff,
          action: "ticket.reopen",
          detail: {},
        });
        await db.updateTable("audit_events").set({ created_at: at(4) })
          .where("guild_id", "=", guild).execute();
        const message = (ticket: TicketId, author: string, hours: number) =>
          db.insertInto("archived_messages").values({
            message_id: fresh(),
            ticket_id: ticket,
            author_id: author,
            payload: "{}",
            created_at: at(hours),
            edited_at: null,
            deleted_at: null,
          }).execute();
        await message(a, staff, 1);
        await message(a, staff, 2);
        await message(a, opener, 2);
        await message(c, other, 4);
        const query = {
          guildId: guild,
          from: new Date(at(-1)),
          to: new Date(at(10)),
          typeIds: null,
          staffId: null,
        };

        const rows = await stores.stats.tickets(query);
        assert.deepEqual(rows.map((r) => r.id).sort(), [a, b, c, before].sort());
        const rowA = rows.find((r) => r.id === a);
        assert.deepEqual(rowA?.createdAt, new Date(at(0)));
        assert.deepEqual(rowA?.firstStaffResponseAt, new Date(at(1)));
        assert.deepEqual(rowA?.closedAt, new Date(at(5)));
        assert.equal(rowA?.rating, 5);
        assert.equal(rowA?.creditedStaffId, staff);
        assert.equal(rows.find((r) => r.id === before)?.rating, 4);

        const billingOnly = await stores.stats.tickets({ ...query, typeIds: [billing.type.id] });
        assert.deepEqual(billingOnly.map((r) => r.id), [c]);
        assert.deepEqual(await stores.stats.tickets({ ...query, typeIds: [] }), []);
        const staffOnly = await stores.stats.tickets({ ...query, staffId: other });
        assert.deepEqual(staffOnly.map((r) => r.id), [before], "credited when nobody claimed");

        const now = await stores.stats.openNow(query);
        assert.equal(now.count, 2);
        assert.equal(now.oldestWaiting?.number, rows.find((r) => r.id === b)?.number);

        assert.equal(await stores.stats.reopens(query), 1);
        assert.equal(await stores.stats.reopens({ ...query, typeIds: [type.id] }), 0);
        assert.equal(
          await stores.stats.reopens({ ...query, from: new Date(at(5)) }),
          0,
          "outside the period",
        );

        assert.deepEqual(await stores.stats.staffMessages(query), [
          { authorId: staff, count: 2 },
          { authorId: other, count: 1 },
        ]);
        assert.deepEqual(await stores.stats.staffMessages({ ...query, staffId: other }), [
          { authorId: other, count: 1 },
        ]);
      } finally {
        await close();
      }
    },
  });
}
