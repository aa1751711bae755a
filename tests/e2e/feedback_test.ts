/**
 * Feedback after close, end to end through the real bot and the fake Discord: the
 * opener's DM with five rating buttons, the comment form, one rating per ticket,
 * the summary in the log channel edited to show it, and nothing sent (and no
 * error) when the opener's DMs are closed or the type asks for no feedback.
 */
import assert from "node:assert/strict";
import type { FakeDiscord, FakeMessage } from "../fake_discord/fake_discord.ts";
import { dmButtonPress, dmModalSubmit } from "../fixtures/interactions.ts";
import { startWorld } from "./boot.ts";
import { buttonIds, closeTicket, command, eventually, guildWithTicket } from "./world.ts";

/** The bot's DMs to `user` that ask for a rating. */
function ratingAsks(fake: FakeDiscord, user: string): FakeMessage[] {
  const dm = fake.state.dmChannels.get(user);
  if (dm === undefined) return [];
  return fake.state.messagesIn(dm).filter((m) => m.content?.includes("Rate it from 1"));
}

Deno.test("the opener rates a closed ticket once, with a comment, and the summary shows it", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  fake.postMessage(channel.id, g.staff, "A new one ships today.");
  fake.postMessage(channel.id, opener, "Thanks!");
  await eventually(
    fake,
    async () => (await app.stores.archive.count(ticket.id)) >= 2,
    10_000,
    "both messages archived",
  );
  await closeTicket(g, { channel: channel.id, user: g.staff, reason: "shipped" });

  const ask = await fake.waitFor(() => ratingAsks(fake, opener)[0], 10_000, "the rating DM");
  assert.match(ask.content ?? "", /ticket #1 \(Support\)/);
  const ids = buttonIds(ask);
  assert.equal(ids.length, 5);
  const feedback = await app.stores.feedback.get(ticket.id);
  assert.equal(feedback?.staffId, g.staff, "credited to the staff member who wrote");

  // Someone else cannot rate it (a forwarded message, say).
  fake.state.dmChannelWith(g.staff);
  fake.state.messagesIn(fake.state.dmChannelWith(g.staff).id).push(ask);
  const stranger = await fake.interact(
    dmButtonPress(fake, { user: g.staff, customId: ids[0]!, messageId: ask.id }),
  ).response;
  assert.match(JSON.stringify(stranger.data), /does not take a rating/);
  assert.equal((await app.stores.feedback.get(ticket.id))?.rating, null, "nothing stored");

  const press = fake.interact(
    dmButtonPress(fake, { user: opener, customId: ids[3]!, messageId: ask.id }),
  );
  const form = await press.response;
  assert.equal(form.type, 9, "the comment form");
  const modalId = String(form.data?.custom_id);
  const rated = await eventually(
    fake,
    async () => {
      const f = await app.stores.feedback.get(ticket.id);
      return f?.rating === 4 ? f : null;
    },
    10_000,
    "the rating stored",
  );
  assert.equal(rated.comment, null);
  const summary = rated.summary;
  assert.ok(summary, "the summary's place is kept");
  await fake.waitFor(
    () =>
      JSON.stringify(fake.state.findMessage(summary.channelId, summary.messageId)?.embeds)
        .includes("★★★★☆"),
    10_000,
    "the summary shows the rating",
  );

  const submit = fake.interact(dmModalSubmit(fake, {
    user: opener,
    customId: modalId,
    messageId: ask.id,
    fields: { comment: "Quick and friendly." },
  }));
  const thanks = await submit.response;
  assert.equal(thanks.type, 7, "the DM is updated");
  assert.match(String(thanks.data?.content), /comment was added/);
  assert.equal((await app.stores.feedback.get(ticket.id))?.comment, "Quick and friendly.");
  await fake.waitFor(
    () =>
      JSON.stringify(fake.state.findMessage(summary.channelId, summary.messageId)?.embeds)
        .includes("Quick and friendly."),
    10_000,
    "the summary shows the comment",
  );

  const again = await fake.interact(
    dmButtonPress(fake, { user: opener, customId: ids[0]!, messageId: ask.id }),
  ).response;
  assert.match(String(JSON.stringify(again.data)), /already rated/);
  assert.equal((await app.stores.feedback.get(ticket.id))?.rating, 4, "the first rating stays");
  fake.assertNoViolations();
});

Deno.test("no rating is asked when DMs are closed or the type asks for none", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const first = await guildWithTicket(world);
  fake.setDmsClosed(first.opener, true);
  const closed = await closeTicket(first.g, { channel: first.channel.id, user: first.g.staff });
  assert.match(closed.text, /closed/i);
  assert.equal(ratingAsks(fake, first.opener).length, 0);
  assert.ok((await app.stores.feedback.get(first.ticket.id))?.askedAt, "asked, though unheard");

  const second = await guildWithTicket(world);
  const set = await command(second.g, {
    user: second.g.owner,
    name: "type",
    subcommand: "set",
    options: { setting: "feedback", type: "Support", value: "off" },
  });
  assert.match(set.text, /feedback/);
  await closeTicket(second.g, { channel: second.channel.id, user: second.g.staff });
  assert.equal(ratingAsks(fake, second.opener).length, 0);
  assert.equal(
    await app.stores.feedback.get(second.ticket.id).then((f) => f?.askedAt ?? null),
    null,
  );
  fake.assertNoViolations();
});
