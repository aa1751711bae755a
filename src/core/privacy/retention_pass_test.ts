import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import { guildId } from "../ids.ts";
import { openTestStores, type TestStores } from "../../../tests/fixtures/test_stores.ts";
import { fresh } from "../../../tests/fixtures/store_suite.ts";
import {
  closedTicketWithContent,
  keepsContent,
  RETAINED_WORDS,
} from "../../../tests/fixtures/retained_ticket.ts";
import { runRetention } from "./retention_pass.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** A pass at `NOW` on the shared clock, whatever the database's own time. */
function passAt(stores: TestStores, now = NOW) {
  return runRetention({
    retention: stores.retention,
    databaseClock: { now: () => Promise.resolve(now) },
    log: getLogger(["test"]),
  });
}

Deno.test("runRetention() empties a ticket of a 7-day type closed 8 days ago, not one closed 6 days ago", async () => {
  const stores = await openTestStores();
  try {
    const guild = guildId(fresh());
    const type = await stores.types.defaultFor(guild);
    await stores.types.update(type.id, { retentionDays: 7 });
    const old = await closedTicketWithContent(stores, { guildId: guild, closedAt: daysAgo(8) });
    const recent = await closedTicketWithContent(stores, { guildId: guild, closedAt: daysAgo(6) });

    const summary = await passAt(stores);
    assert.deepEqual(summary, { expiredTickets: 1, purgedGuilds: 0, failures: 0 });

    assert.equal(await stores.transcripts.get(old.id), null);
    assert.deepEqual(await stores.archive.messages(old.id), []);
    assert.deepEqual(await stores.transcripts.attachments(old.id), []);
    const expired = await stores.tickets.get(old.id);
    assert.ok(expired, "the ticket row stays");
    assert.equal(expired.number, old.number);
    assert.equal(expired.openerId, old.openerId);
    assert.deepEqual(expired.closedAt, old.closedAt);
    assert.deepEqual(expired.expiredAt, NOW);
    assert.equal(expired.topic, null);
    assert.deepEqual(expired.answers, []);
    assert.equal(expired.closeReason, null);
    const audit = await stores.audit.recent(guild, 10);
    assert.ok(audit.some((e) => e.action === "ticket.open"), "audit rows stay");
    assert.ok(audit.some((e) => e.action === "ticket.expire" && e.ticketId === old.id));
    assert.doesNotMatch(JSON.stringify(audit.filter((e) => e.ticketId === old.id)), /4471/);

    assert.equal(await keepsContent(stores, recent), true);
    assert.equal((await stores.tickets.get(recent.id))?.expiredAt, null);
    assert.match((await stores.transcripts.get(recent.id))!.text, new RegExp(RETAINED_WORDS));

    // A second pass finds nothing more to do; two days later the other one is due.
    assert.equal((await passAt(stores)).expiredTickets, 0);
    assert.equal(
      (await passAt(stores, new Date(NOW.getTime() + 2 * 86_400_000))).expiredTickets,
      1,
    );
    assert.equal(await keepsContent(stores, recent), false);
  } finally {
    await stores.close();
  }
});

Deno.test("runRetention() keeps forever the tickets of a type without retention", async () => {
  const stores = await openTestStores();
  try {
    const guild = guildId(fresh());
    const kept = await closedTicketWithContent(stores, { guildId: guild, closedAt: daysAgo(3650) });
    assert.equal((await passAt(stores)).expiredTickets, 0);
    assert.equal(await keepsContent(stores, kept), true);
    assert.equal((await stores.tickets.get(kept.id))?.expiredAt, null);
  } finally {
    await stores.close();
  }
});

Deno.test("runRetention() keeps an open ticket of a 7-day type, however old", async () => {
  const stores = await openTestStores();
  try {
    const guild = guildId(fresh());
    const type = await stores.types.defaultFor(guild);
    await stores.types.update(type.id, { retentionDays: 7 });
    const ticket = await closedTicketWithContent(stores, { guildId: guild, closedAt: daysAgo(30) });
    // Back to open, as a reopen leaves it: nothing of it is due.
    await stores.handle.db.updateTable("tickets").set({ status: "open" })
      .where("id", "=", ticket.id).execute();
    assert.equal((await passAt(stores)).expiredTickets, 0);
    assert.equal(await keepsContent(stores, ticket), true);
  } finally {
    await stores.close();
  }
});

Deno.test("runRetention() deletes a guild left 31 days ago, not one left 29 days ago nor one the bot came back to", async () => {
  const stores = await openTestStores();
  try {
    const gone = guildId(fresh());
    const recent = guildId(fresh());
    const back = guildId(fresh());
    const tickets = new Map<string, Awaited<ReturnType<typeof closedTicketWithContent>>>();
    for (const guild of [gone, recent, back]) {
      tickets.set(
        guild,
        await closedTicketWithContent(stores, { guildId: guild, closedAt: daysAgo(40) }),
      );
      await stores.settings.updateGuild(guild, { transcriptDm: false });
    }
    await stores.retention.recordDeparture(gone, daysAgo(31));
    await stores.retention.recordDeparture(recent, daysAgo(29));
    await stores.retention.recordDeparture(back, daysAgo(35));
    await stores.retention.cancelDeparture(back);

    const summary = await passAt(stores);
    assert.deepEqual(summary, { expiredTickets: 0, purgedGuilds: 1, failures: 0 });

    assert.equal(await stores.tickets.get(tickets.get(gone)!.id), null);
    assert.deepEqual(await stores.archive.messages(tickets.get(gone)!.id), []);
    assert.equal(await stores.transcripts.get(tickets.get(gone)!.id), null);
    assert.deepEqual(await stores.audit.recent(gone, 10), []);
    assert.deepEqual(await stores.types.list(gone), []);
    // Settings come back as defaults: the stored row is gone.
    assert.equal((await stores.settings.guild(gone)).transcriptDm, true);

    for (const guild of [recent, back]) {
      assert.equal(await keepsContent(stores, tickets.get(guild)!), true, guild);
      assert.equal((await stores.settings.guild(guild)).transcriptDm, false);
    }
    assert.equal((await passAt(stores)).purgedGuilds, 0);
  } finally {
    await stores.close();
  }
});
