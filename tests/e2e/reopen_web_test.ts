/**
 * A reopened ticket on the web pages: the reopened channel links the previous
 * transcript's page, the next summary links its own, and the ticket's page lists
 * both transcripts and shows one at a time; one it does not have is a 404.
 */
import assert from "node:assert/strict";
import { CookieClient, startWebWorld } from "./web_world.ts";
import { botMessagesIn, closeTicket, command, eventually, linkedChannel } from "./world.ts";

Deno.test("web pages: a reopened ticket's page lists its transcripts and shows each", async () => {
  await using w = await startWebWorld();
  const { g } = w;
  const page = `${w.origin}/web/t/${g.guild}/${w.closed.number}`;
  const reopened = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "reopen",
    options: { number: w.closed.number },
  });
  const channel = linkedChannel(g, reopened);
  const [previous] = await w.world.fake.waitFor(
    () => {
      const posted = botMessagesIn(w.world.fake, channel.id);
      return posted.length >= 2 ? posted : null;
    },
    10_000,
    "the reopened channel's first posts",
  );
  assert.deepEqual(previous?.attachments, []);
  assert.ok(
    JSON.stringify(previous?.components).includes(JSON.stringify(`${page}?transcript=1`)),
    "the previous transcript's page is linked",
  );

  w.world.fake.postMessage(channel.id, g.members[0]!, "said after the reopen");
  await eventually(
    w.world.fake,
    async () =>
      (await w.world.app.stores.archive.messages(w.closed.id)).some((m) =>
        m.payload.includes("said after the reopen")
      ),
    10_000,
    "the new message archived",
  );
  const closed = await closeTicket(g, { channel: channel.id, user: g.staff });
  assert.match(closed.text, /is closed/);
  const summary = await w.world.fake.waitFor(
    () =>
      botMessagesIn(w.world.fake, g.logs).filter((m) =>
        JSON.stringify(m.embeds).includes(`Ticket #${w.closed.number} closed`)
      )[1],
    10_000,
    "the second summary",
  );
  assert.ok(JSON.stringify(summary.components).includes(`${page}?transcript=2`));

  const client = new CookieClient();
  await client.signIn(w.origin, g.members[0]!);
  const latest = await (await client.fetch(page)).text();
  assert.match(latest, /Transcripts of this ticket, one per close/);
  assert.match(latest, /<strong aria-current="page">#2<\/strong>/);
  assert.ok(latest.includes(`href="/web/t/${g.guild}/${w.closed.number}?transcript=1"`));
  assert.ok(latest.includes("transcript.html?transcript=2"));
  const first = await (await client.fetch(`${page}?transcript=1`)).text();
  assert.match(first, /<strong aria-current="page">#1<\/strong>/);
  const firstDoc = await (await client.fetch(`${page}/transcript.html?transcript=1`)).text();
  assert.ok(!firstDoc.includes("said after the reopen"), "the first ends at its close");
  const latestDoc = await (await client.fetch(`${page}/download.txt`)).text();
  assert.ok(latestDoc.includes("said after the reopen"));
  for (const path of [`${page}?transcript=3`, `${page}/download.html?transcript=0`]) {
    const missing = await client.fetch(path);
    await missing.body?.cancel();
    assert.equal(missing.status, 404, path);
  }
  w.world.fake.assertNoViolations();
});
