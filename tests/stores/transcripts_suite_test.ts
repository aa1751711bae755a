/**
 * The transcript store on every database in `DIALECTS`: transcripts round-trip,
 * large ones stored compressed.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { guildId, userId } from "../../src/core/ids.ts";
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
      } finally {
        await close();
      }
    },
  });
}
