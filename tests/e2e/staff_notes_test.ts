/**
 * `/ticket notes` against the fake Discord: in a channel ticket it opens a private
 * staff thread the opener cannot see, whose messages reach the staff transcript
 * in the log channel and never the transcript the opener receives; in a thread
 * ticket it keeps and shows notes; anyone but staff is refused.
 */
import assert from "node:assert/strict";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import type { FakeDiscord, FakeMessage } from "../fake_discord/fake_discord.ts";
import { startWorld } from "./boot.ts";
import {
  botMessagesIn,
  canView,
  closeTicket,
  command,
  eventually,
  guildWithTicket,
  linkedChannel,
  openTicket,
  ticketOf,
} from "./world.ts";
import { THREAD_BITS, threadGuild } from "./thread_world.ts";

const decoder = new TextDecoder();

/** The text of every file a message carries, by file name. */
function filesOf(message: FakeMessage): Map<string, string> {
  return new Map(message.attachments.map((a) => [a.filename, decoder.decode(a.data)]));
}

/** The DM channel's messages to `user`. */
function dmsTo(fake: FakeDiscord, user: string): FakeMessage[] {
  const channel = fake.state.dmChannels.get(user);
  return channel === undefined ? [] : fake.state.messagesIn(channel);
}

Deno.test("/ticket notes opens a staff thread whose messages reach the staff transcript, never the opener", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  fake.setBotPermissions(g.guild, TYPICAL_BOT_PERMISSIONS | THREAD_BITS);

  const refused = await command(g, {
    user: opener,
    name: "ticket",
    subcommand: "notes",
    channel: channel.id,
  });
  assert.ok(refused.ephemeral);
  assert.match(refused.text, /Only staff of this ticket type/);

  const opened = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "notes",
    channel: channel.id,
  });
  assert.ok(opened.ephemeral);
  assert.match(opened.text, /Staff notes of ticket #1/);
  const notes = linkedChannel(g, opened);
  assert.equal(notes.type, 12, "a private thread");
  assert.equal(notes.parent_id, channel.id, "inside the ticket channel");
  assert.ok(canView(g, notes.id, g.staff), "the staff member who asked is in it");
  assert.ok(!canView(g, notes.id, opener), "the opener cannot see it");
  assert.equal((await app.stores.tickets.get(ticket.id))?.notesThreadId, notes.id);

  // Asked again, the same thread is linked.
  const linked = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "notes",
    channel: channel.id,
  });
  assert.match(linked.text, new RegExp(`<#${notes.id}>`));
  assert.equal(
    [...fake.state.channels.values()].filter((c) => c.parent_id === channel.id).length,
    1,
  );

  fake.postMessage(notes.id, g.staff, "Refund approved by finance, do not tell yet");
  fake.postMessage(channel.id, opener, "Any news about my refund?");
  await eventually(
    fake,
    async () => (await app.stores.notes.list(ticket.id)).some((n) => n.payload.includes("finance")),
    10_000,
    "the staff message kept as a note",
  );
  await eventually(
    fake,
    async () => (await app.stores.archive.count(ticket.id)) >= 2,
    10_000,
    "the opener's message archived",
  );

  await closeTicket(g, { channel: channel.id, user: g.staff });
  const transcript = await app.stores.transcripts.get(ticket.id);
  assert.ok(transcript?.text.includes("Any news about my refund?"));
  assert.ok(!transcript?.text.includes("finance"), "the opener's transcript holds no note");

  const summary = botMessagesIn(fake, g.logs).find((m) => m.attachments.length > 0);
  assert.ok(summary, "the summary with files in the log channel");
  const staffFiles = filesOf(summary);
  assert.ok(staffFiles.get("ticket-1-staff-notes.txt")?.includes("Refund approved by finance"));
  assert.ok(staffFiles.get("ticket-1-staff-notes.html")?.includes("Refund approved by finance"));

  const dm = dmsTo(fake, opener);
  assert.ok(dm.length > 0, "the opener got the transcript by DM");
  for (const message of dm) {
    assert.ok(!message.content.includes("finance"));
    for (const [name, text] of filesOf(message)) {
      assert.ok(!name.includes("notes"), `no notes file in the DM: ${name}`);
      assert.ok(!text.includes("finance"), "no note in the DM's transcript");
    }
  }
  fake.assertNoViolations();
});

Deno.test("/ticket notes in a thread ticket keeps notes in the database and shows them to staff only", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const g = await threadGuild(world);
  const [opener, other] = g.members as [string, string];
  const thread = await openTicket(g, opener);
  const ticket = await ticketOf(app, thread.id);

  const empty = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "notes",
    channel: thread.id,
  });
  assert.match(empty.text, /has no notes yet/);

  const added = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "notes",
    channel: thread.id,
    options: { text: "Called the customer, waiting for the bank" },
  });
  assert.ok(added.ephemeral);
  assert.match(added.text, /Note kept on ticket #1/);
  const messagesBefore = fake.state.messagesIn(thread.id).length;

  const shown = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "notes",
    channel: thread.id,
  });
  assert.ok(shown.ephemeral);
  assert.match(shown.text, /Called the customer, waiting for the bank/);
  assert.match(shown.text, new RegExp(`<@${g.staff}>`));

  for (const user of [opener, other]) {
    const refused = await command(g, {
      user,
      name: "ticket",
      subcommand: "notes",
      channel: thread.id,
      options: { text: "let me in" },
    });
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Only staff of this ticket type/);
  }
  const kept = await app.stores.notes.list(ticket.id);
  assert.equal(kept.length, 1, "refusals kept nothing");
  assert.equal(
    fake.state.messagesIn(thread.id).length,
    messagesBefore,
    "nothing posted in the ticket",
  );
  assert.ok(
    ![...fake.state.channels.values()].some((c) => c.parent_id === thread.id),
    "no thread inside a thread",
  );
  fake.assertNoViolations();
});
