/**
 * The transcript store on every database in `DIALECTS`: transcripts round-trip,
 * large ones stored compressed, one per close of a reopened ticket; and the
 * reopen that makes the next one.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { type ChannelId, guildId, userId } from "../../src/core/ids.ts";
import type { TicketId } from "../../src/core/model.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { AWKWARD, dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "transcript store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const { stores, db, close } = await dialect.open();
      try {
        await t.step("transcripts round-trip, large ones stored compressed", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const line = `<p class="m">${AWKWARD} ${"🎫".repeat(20)}</p>\n`;
          const html = line.repeat(Math.ceil(3_000_000 / new TextEncoder().encode(line).length));
          const byteSize = new TextEncoder().encode(html).length;
          assert.ok(byteSize >= 3_000_000);
          const text = "plain " + AWKWARD + "\n".repeat(10) + "ب".repeat(50_000);
          await stores.transcripts.save({
            ticketId: ticket.id,
            html,
            text,
            messageCount: 1234,
            byteSize,
          });
          const stored = await stores.transcripts.get(ticket.id);
          assert.ok(stored);
          assert.equal(stored.html, html);
          assert.equal(stored.text, text);
          assert.equal(stored.messageCount, 1234);
          assert.equal(stored.byteSize, byteSize);
          assert.equal(stored.ticketId, ticket.id);
          assert.ok(stored.createdAt instanceof Date);
          const raw = await db.selectFrom("transcripts")
            .select(["compressed", sql<number>`length(html)`.as("stored")])
            .where("ticket_id", "=", ticket.id).executeTakeFirstOrThrow();
          assert.equal(Number(raw.compressed), 1);
          assert.ok(Number(raw.stored) < byteSize / 10, `stored ${raw.stored} bytes`);

          // Saving again replaces; a small transcript is stored as is.
          await stores.transcripts.save({
            ticketId: ticket.id,
            html: "<p>short ✓</p>",
            text: "short ✓",
            messageCount: 1,
            byteSize: 16,
          });
          const small = await stores.transcripts.get(ticket.id);
          assert.equal(small?.html, "<p>short ✓</p>");
          assert.equal(small?.text, "short ✓");
          assert.equal(small?.messageCount, 1);
          const rawSmall = await db.selectFrom("transcripts").select("compressed")
            .where("ticket_id", "=", ticket.id).executeTakeFirstOrThrow();
          assert.equal(Number(rawSmall.compressed), 0);
          assert.equal(await stores.transcripts.get(2_000_000_000 as TicketId), null);
        });

        await t.step("a ticket keeps one transcript per close, listed in order", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          assert.deepEqual(await stores.transcripts.list(ticket.id), []);
          const save = (sequence: number | undefined, html: string, messageCount: number) =>
            stores.transcripts.save({
              ticketId: ticket.id,
              ...(sequence === undefined ? {} : { sequence }),
              html,
              text: html.toUpperCase(),
              messageCount,
              byteSize: html.length,
            });
          await save(undefined, "first", 3);
          await save(2, "second", 5);
          await save(3, `third ${AWKWARD}`, 8);
          // Saving one again replaces that one alone.
          await save(2, "second again", 6);
          const listed = await stores.transcripts.list(ticket.id);
          assert.deepEqual(listed.map((x) => [x.sequence, x.messageCount]), [[1, 3], [2, 6], [
            3,
            8,
          ]]);
          assert.ok(listed.every((x) => x.ticketId === ticket.id && x.createdAt instanceof Date));
          assert.equal((await stores.transcripts.get(ticket.id))?.html, `third ${AWKWARD}`);
          assert.equal((await stores.transcripts.get(ticket.id))?.sequence, 3);
          assert.equal((await stores.transcripts.get(ticket.id, 1))?.text, "FIRST");
          assert.equal((await stores.transcripts.get(ticket.id, 2))?.html, "second again");
          assert.equal(await stores.transcripts.get(ticket.id, 4), null);
          const rows = await db.selectFrom("transcripts").select("sequence")
            .where("ticket_id", "=", ticket.id).execute();
          assert.equal(rows.length, 3);
        });

        await t.step("a closed ticket reopens once, with its close fields cleared", async () => {
          const guild = guildId(fresh());
          const ticket = await openFor(stores, guild, { opener: userId(fresh()) });
          const staff = userId(fresh());
          assert.equal(await stores.tickets.claim(ticket.id, staff, null), true);
          assert.equal(await stores.tickets.reopen(ticket.id, fresh() as ChannelId), null);
          await stores.tickets.beginClose(ticket.id, staff, "done");
          await stores.tickets.recordCloseStep(ticket.id, "channel_deleted");
          assert.equal(await stores.tickets.reopen(ticket.id, fresh() as ChannelId), null);
          await stores.tickets.finishClose(ticket.id, new Date());
          const channel = fresh() as ChannelId;
          const [first, second] = await Promise.all([
            stores.tickets.reopen(ticket.id, channel),
            stores.tickets.reopen(ticket.id, fresh() as ChannelId),
          ]);
          const reopened = first ?? second;
          assert.ok(reopened);
          assert.equal(first === null || second === null, true, "only one reopen wins");
          assert.equal(reopened.status, "open");
          assert.equal(reopened.number, ticket.number);
          assert.equal(reopened.reopenCount, 1);
          assert.equal(reopened.claimedBy, null);
          assert.equal(reopened.closedAt, null);
          assert.equal(reopened.closedBy, null);
          assert.equal(reopened.closeReason, null);
          assert.equal(reopened.closeStep, null);
          assert.equal(ticket.reopenCount, 0);
        });
      } finally {
        await close();
      }
    },
  });
}
