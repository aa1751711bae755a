import assert from "node:assert/strict";
import { closeAs, converse, file, logPosts, world } from "../../../tests/fixtures/close_world.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";

Deno.test("runClose() writes the transcript and the summary in the guild's language", async () => {
  const w = await world();
  try {
    await w.ctx.settings.updateGuild(TEST_GUILD_ID, { language: "de" });
    converse(w, 3);
    w.now.value += 5 * 60_000;
    const outcome = await closeAs(w, null);
    assert.equal(outcome.kind, "closed");

    const stored = await w.ctx.transcripts.get(w.ticket.id);
    assert.ok(stored);
    assert.match(stored.html, /<html lang="de">/);
    assert.match(stored.html, /<dt>Grund<\/dt><dd>Kein Grund angegeben<\/dd>/);
    assert.match(stored.html, /data-style="D">5\. Januar 2026<\/time>/);
    assert.match(stored.text, /^Ticket #1 · .+\nEröffnet: 05\.01\.2026, 09:00 UTC\n/);
    assert.match(stored.text, /\n3 Nachrichten\n$/);

    const post = logPosts(w)[0]!.body;
    const field = (name: string) => post.embeds?.[0]?.fields?.find((f) => f.name === name)?.value;
    assert.equal(field("Grund"), "Kein Grund angegeben");
    assert.match(field("Dauer") ?? "", /Min\.$/);
    assert.equal(new TextDecoder().decode(file(post, ".html").data), stored.html);
  } finally {
    await w.test.close();
  }
});
