/** The staff notes on the web pages: on the ticket page for staff, a 404 for the opener. */
import assert from "node:assert/strict";
import { CookieClient, startWebWorld } from "./web_world.ts";

Deno.test("web pages: staff see a ticket's staff notes, its opener gets a 404 for them", async () => {
  await using w = await startWebWorld();
  const { app } = w.world;
  const [alice] = w.g.members as [string];
  await app.stores.notes.add({
    ticketId: w.closed.id,
    noteId: "1300000000000000001",
    authorId: w.g.staff as never,
    payload: JSON.stringify({
      id: "1300000000000000001",
      content: "Customer was refunded twice already",
      timestamp: new Date().toISOString(),
      author: { id: w.g.staff, username: "sam-staff" },
    }),
    createdAt: new Date(),
  });
  const notesUrl = `${w.origin}/web/t/${w.g.guild}/${w.closed.number}/staff-notes.html`;

  const staff = new CookieClient();
  await staff.signIn(w.origin, w.g.staff);
  const page = await (await staff.fetch(`${w.origin}/web/t/${w.g.guild}/${w.closed.number}`))
    .text();
  assert.ok(page.includes("Staff notes"), "the staff page shows the notes");
  const notes = await staff.fetch(notesUrl);
  assert.equal(notes.status, 200);
  assert.ok((await notes.text()).includes("Customer was refunded twice already"));

  const opener = new CookieClient();
  await opener.signIn(w.origin, alice);
  const own = await opener.fetch(`${w.origin}/web/t/${w.g.guild}/${w.closed.number}`);
  assert.equal(own.status, 200);
  const ownHtml = await own.text();
  assert.ok(!ownHtml.includes("Staff notes"));
  assert.ok(!ownHtml.includes("refunded twice"));
  const refused = await opener.fetch(notesUrl);
  assert.equal(refused.status, 404);
  assert.ok(!(await refused.text()).includes("refunded twice"));
  const transcript = await opener.fetch(
    `${w.origin}/web/t/${w.g.guild}/${w.closed.number}/download.txt`,
  );
  assert.ok(!(await transcript.text()).includes("refunded twice"));
});
