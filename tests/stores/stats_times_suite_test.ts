/**
 * The two reads of the statistics give the same figures on every database in
 * `DIALECTS`: the times the database measures and packs (`times`, with rows
 * only for the types with support hours) against every ticket read as a row
 * and measured in JavaScript, over a varied set of tickets (answered or not,
 * answered "before" they opened, closed in the period, before or after it,
 * opened before it, reopened, claimed, credited, rated 1-5 or not, three types,
 * one of them with support hours), for every type, some types and one staff member.
 */
import assert from "node:assert/strict";
import { guildId, userId } from "../../src/core/ids.ts";
import { defaultTypeSettings, type TicketId, type TicketType } from "../../src/core/model.ts";
import { readStats, readStatsWithin, type StatsRequest } from "../../src/core/stats/read_stats.ts";
import type { TicketTimes } from "../../src/core/stats/stats_query.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { dialectLabel, fresh } from "../fixtures/store_suite.ts";

const HOUR = 3_600_000;
/** A Monday. */
const T0 = Date.UTC(2026, 2, 2, 0);
const DAYS = 5;
const NOW = T0 + DAYS * 24 * HOUR;
const TICKETS = 240;

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "stats figures from the database's times equal those from rows"),
    ignore: dialect.skip !== null,
    async fn() {
      const { stores, db, close } = await dialect.open();
      try {
        const guild = guildId(fresh());
        const staff = [userId(fresh()), userId(fresh()), userId(fresh())];
        const general = await stores.types.defaultFor(guild);
        const billing = await stores.types.create(guild, defaultTypeSettings("Billing"));
        const hours = await stores.types.create(guild, {
          ...defaultTypeSettings("Hours"),
          supportHours: { schedule: "Mon-Fri 09:00-17:00 Europe/Berlin", policy: "warn" },
        });
        assert.ok(billing.kind === "created" && hours.kind === "created");
        const typeIds = [general.id, billing.type.id, hours.type.id];

        let seed = 11;
        const random = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return Math.floor((seed / 2147483648) * n);
        };
        const rows = [];
        for (let n = 1; n <= TICKETS; n++) {
          // From two days before the period to a few hours after it.
          const created = T0 - 48 * HOUR + random(DAYS * 24 + 54) * HOUR + random(3600) * 1000;
          const answered = random(5) > 0;
          const closedAt = random(4) === 0 ? null : created + (random(90) - 2) * HOUR;
          const status = closedAt === null
            ? "open"
            : ["closed", "closed", "closed", "open", "closing"][random(5)]!;
          rows.push({
            guild_id: guild,
            number: n,
            type_id: typeIds[random(3)]!,
            opener_id: userId(fresh()),
            status,
            claimed_by: random(3) === 0 ? null : staff[random(3)]!,
            answers: "[]",
            created_at: created,
            closed_at: closedAt,
            assistant_paused: 0,
            // Now and then "before" it opened (clocks): counted as no time at all.
            first_staff_response_at: answered ? created + (random(40) - 3) * HOUR : null,
          });
        }
        await db.insertInto("tickets").values(rows).execute();
        const stored = await db.selectFrom("tickets").select(["id", "number"])
          .where("guild_id", "=", guild).execute();
        for (const ticket of stored) {
          const row = rows[Number(ticket.number) - 1]!;
          if (random(3) === 0) continue;
          await db.insertInto("ticket_feedback").values({
            ticket_id: Number(ticket.id) as TicketId,
            guild_id: guild,
            staff_id: staff[random(3)]!,
            asked_at: row.created_at,
            rating: random(6) === 0 ? null : 1 + random(5),
            rated_at: row.created_at,
          }).execute();
        }
        for (const ticket of stored.slice(0, 30)) {
          await db.insertInto("archived_messages").values({
            message_id: fresh(),
            ticket_id: Number(ticket.id) as TicketId,
            author_id: staff[random(3)]!,
            payload: "{}",
            created_at: T0 + random(DAYS * 24) * HOUR,
            edited_at: null,
            deleted_at: null,
          }).execute();
        }

        const types = await stores.types.list(guild);
        const only = (...ids: number[]) => types.filter((t: TicketType) => ids.includes(t.id));
        const base: StatsRequest = {
          guildId: guild,
          now: new Date(NOW),
          days: DAYS,
          types,
          allTypes: true,
          staffId: null,
        };
        const requests: Array<[string, StatsRequest]> = [
          ["every type", base],
          ["types without support hours", {
            ...base,
            types: only(general.id, billing.type.id),
            allTypes: false,
          }],
          ["the type with support hours", { ...base, types: only(hours.type.id), allTypes: false }],
          ["one staff member", { ...base, staffId: staff[0]!, notStaff: [staff[1]!] }],
          ["no type", { ...base, types: [], allTypes: false }],
        ];
        for (const [what, request] of requests) {
          const { tickets, ...fromRows } = await readStats(stores.stats, request);
          // A limit below any count: always the database's times.
          const fromTimes = await readStatsWithin(stores.stats, request, -1);
          assert.ok(!("tickets" in fromTimes), what);
          assert.deepEqual(fromTimes, fromRows, what);
          const query = {
            guildId: guild,
            from: new Date(NOW - DAYS * 24 * HOUR),
            to: new Date(NOW),
            typeIds: request.allTypes ? null : request.types.map((t) => t.id),
            staffId: request.staffId,
          };
          assert.equal(await stores.stats.count(query), tickets.length, what);
          // Ticket by ticket, the database measures what JavaScript measures.
          const key = (t: TicketTimes) =>
            JSON.stringify([t.handler, t.opened, t.firstResponseMs, t.resolutionMs, t.rating]);
          const scheduled = [hours.type.id];
          const times = await stores.stats.times(query, scheduled);
          assert.deepEqual(
            times.map(key).sort(),
            tickets.filter((t) => !t.inSupportHours).map(key).sort(),
            what,
          );
        }

        // The data set reaches every case the figures have.
        const { tickets, ...all } = await readStats(stores.stats, base);
        assert.ok(all.supportHours);
        assert.ok(tickets.some((t) => t.createdAt.getTime() < T0), "opened before the period");
        assert.ok(all.firstResponse.count > 50 && all.firstResponse.medianMs! > 0);
        assert.ok(all.resolution.count > 30, JSON.stringify(all.resolution));
        assert.ok(tickets.some((t) => t.firstResponseMs === 0 && !t.inSupportHours));
        assert.ok(all.ratings.distribution.every((n) => n > 0), JSON.stringify(all.ratings));
        assert.equal(all.staff.length, 3);
        assert.ok(all.staff.every((s) => s.messages > 0 && s.medianFirstResponseMs !== null));
      } finally {
        await close();
      }
    },
  });
}
