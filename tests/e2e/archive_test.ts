/**
 * The live archive through the gateway: messages, edits, single and bulk deletions
 * in an open ticket are recorded as they happen, and nothing outside tickets is.
 */
import assert from "node:assert/strict";
import { startWorld } from "./boot.ts";
import { eventually, guildWithTicket } from "./world.ts";

Deno.test("the live archive records messages, edits, deletions and bulk deletions in a ticket", async () => {
  await using world = await startWorld({});
  const { fake, app } = world;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  const outside = fake.createChannel(g.guild, { name: "general" });

  const posted = ["first", "second", "third", "fourth", "fifth"].map((text) =>
    fake.postMessage(channel, opener, text)
  );
  fake.postMessage(outside, opener, "not a ticket");
  const mine = await eventually(
    fake,
    async () => {
      const archived = (await app.stores.archive.messages(ticket.id))
        .filter((m) => m.authorId === opener);
      return archived.length === posted.length ? archived : null;
    },
    5000,
    "the archive to hold the five messages",
  );
  assert.deepEqual(mine.map((m) => m.messageId).sort(), posted.map((m) => m.id).sort());

  fake.editMessage(channel, posted[0]!.id, "first, edited");
  fake.deleteMessage(channel, posted[1]!.id);
  fake.bulkDeleteMessages(channel, [posted[2]!.id, posted[3]!.id]);
  const after = await eventually(
    fake,
    async () => {
      const archived = await app.stores.archive.messages(ticket.id);
      const deleted = archived.filter((m) => m.deletedAt !== null);
      const edited = archived.find((m) => m.messageId === posted[0]!.id);
      return deleted.length === 3 && edited?.editedAt ? archived : null;
    },
    5000,
    "one edit and three deletions in the archive",
  );
  const byId = new Map(after.map((m) => [m.messageId as string, m]));
  assert.match(byId.get(posted[0]!.id)!.payload, /first, edited/);
  for (const gone of [posted[1]!, posted[2]!, posted[3]!]) {
    assert.ok(byId.get(gone.id)?.deletedAt, `message ${gone.id} is marked deleted`);
  }
  assert.equal(byId.get(posted[4]!.id)?.deletedAt, null);
  assert.ok(
    !after.some((m) => m.payload.includes("not a ticket")),
    "messages outside tickets are not archived",
  );
  fake.assertNoViolations();
});
