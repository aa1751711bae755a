/**
 * The note store on every database in `DIALECTS`: notes round-trip in order and
 * are kept once per id; a ticket's staff thread is set once and found again; the
 * `thread_close` type setting is stored.
 */
import assert from "node:assert/strict";
import { channelId, guildId, userId } from "../../src/core/ids.ts";
import { DIALECTS } from "../fixtures/dialects.ts";
import { AWKWARD, dialectLabel, fresh, openFor } from "../fixtures/store_suite.ts";
import { exportGuild } from "../../src/db/stores/guild_export.ts";

for (const dialect of DIALECTS) {
  Deno.test({
    name: dialectLabel(dialect, "note store keeps its contract"),
    ignore: dialect.skip !== null,
    async fn(t) {
      const handle = await dialect.open();
      const { stores, close } = handle;
      try {
        await t.step("notes round-trip oldest first, each id kept once", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const author = userId(fresh());
          const first = fresh();
          const second = fresh();
          const payload = (text: string) => JSON.stringify({ content: text });
          await stores.notes.add({
            ticketId: ticket.id,
            noteId: second,
            authorId: author,
            payload: payload("second"),
            createdAt: new Date(2_000_000),
          });
          await stores.notes.add({
            ticketId: ticket.id,
            noteId: first,
            authorId: author,
            payload: payload(AWKWARD),
            createdAt: new Date(1_000_000),
          });
          await stores.notes.add({
            ticketId: ticket.id,
            noteId: first,
            authorId: author,
            payload: payload("a repeat is ignored"),
            createdAt: new Date(1_000_000),
          });
          const notes = await stores.notes.list(ticket.id);
          assert.deepEqual(notes.map((n) => n.noteId), [first, second]);
          assert.equal(JSON.parse(notes[0]!.payload).content, AWKWARD);
          assert.equal(notes[0]!.authorId, author);
          assert.equal(notes[0]!.createdAt.getTime(), 1_000_000);
          const other = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          assert.deepEqual(await stores.notes.list(other.id), []);
        });

        await t.step("a ticket's staff thread is set once and leads back to it", async () => {
          const ticket = await openFor(stores, guildId(fresh()), { opener: userId(fresh()) });
          const thread = channelId(fresh());
          assert.equal(await stores.notes.setThread(ticket.id, thread), true);
          assert.equal(await stores.notes.setThread(ticket.id, channelId(fresh())), false);
          const found = await stores.notes.ticketOfThread(thread);
          assert.equal(found?.id, ticket.id);
          assert.equal(found?.notesThreadId, thread);
          assert.equal((await stores.tickets.get(ticket.id))?.notesThreadId, thread);
          assert.equal(await stores.notes.ticketOfThread(channelId(fresh())), null);
        });

        await t.step(
          "a guild's export holds its notes, a member's own export does not",
          async () => {
            const guild = guildId(fresh());
            const opener = userId(fresh());
            const ticket = await openFor(stores, guild, { opener });
            await stores.notes.setThread(ticket.id, channelId(fresh()));
            await stores.notes.add({
              ticketId: ticket.id,
              noteId: fresh(),
              authorId: userId(fresh()),
              payload: JSON.stringify({ content: "between us staff" }),
              createdAt: new Date(),
            });
            const exported = async (options: { userId?: typeof opener; ownOnly?: boolean }) => {
              let text = "";
              await exportGuild(
                { db: handle.db, kind: handle.kind, now: () => Date.now() },
                guild,
                {
                  ...options,
                  write: (chunk) => Promise.resolve(void (text += chunk)),
                },
              );
              return text;
            };
            const whole = JSON.parse(await exported({}));
            assert.equal(whole.staff_notes[0].payload.content, "between us staff");
            const own = await exported({ userId: opener, ownOnly: true });
            assert.ok(!own.includes("between us staff"));
            assert.ok(!own.includes("notesThreadId"), "the member is not told of a staff thread");
          },
        );

        await t.step("thread_close defaults to archive and takes delete", async () => {
          const guild = guildId(fresh());
          const type = await stores.types.defaultFor(guild);
          assert.equal(type.threadClose, "archive");
          const updated = await stores.types.update(type.id, { threadClose: "delete" });
          assert.equal(updated.threadClose, "delete");
          assert.equal((await stores.types.get(type.id))?.threadClose, "delete");
        });
      } finally {
        await close();
      }
    },
  });
}
