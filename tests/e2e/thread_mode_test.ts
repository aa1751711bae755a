/**
 * Thread-mode tickets against the fake Discord: a type whose tickets are private
 * threads in a parent channel, from open (the opener and the bot in the thread,
 * staff reached by the role mention, others kept out) through add, remove, claim
 * and the live archive to close (transcript stored, thread archived and locked,
 * or deleted), and the open refused when the bot lacks a thread permission.
 */
import assert from "node:assert/strict";
import type { ChannelId } from "../../src/core/ids.ts";
import type { TicketId } from "../../src/core/model.ts";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import { startWorld } from "./boot.ts";
import { threadGuild } from "./thread_world.ts";
import {
  canView,
  closeTicket,
  command,
  eventually,
  lifecycleTest,
  openTicket,
  ticketOf,
} from "./world.ts";

lifecycleTest(
  "a thread-mode ticket lives in a private thread from open to close",
  async (dialect) => {
    await using world = await startWorld({ dialect });
    const { fake, app } = world;
    const g = await threadGuild(world);
    const [opener, other] = g.members as [string, string];

    const thread = await openTicket(g, opener, "The invoice is wrong");
    assert.equal(thread.type, 12, "a private thread");
    assert.equal(thread.parent_id, g.parent);
    assert.equal(thread.thread?.invitable, false);
    assert.ok(thread.thread?.members.includes(fake.botUser.id), "the bot is in the thread");
    assert.ok(thread.thread?.members.includes(opener), "the opener is in the thread");
    // The welcome's staff-role mention brought the staff member in; nobody else sees it.
    assert.ok(canView(g, thread.id, opener));
    assert.ok(canView(g, thread.id, g.staff), "staff see the thread");
    assert.ok(!canView(g, thread.id, other), "another member does not");
    assert.ok(
      !fake.state.channelsOf(g.guild).some((c) => c.id === thread.id),
      "no channel was made: threads are not among the guild's channels",
    );

    const added = await command(g, {
      user: g.staff,
      name: "ticket",
      subcommand: "add",
      channel: thread.id,
      options: { user: { user: other } },
    });
    assert.ok(!added.ephemeral, added.text);
    assert.ok(canView(g, thread.id, other), "an added member sees the thread");
    const removed = await command(g, {
      user: g.staff,
      name: "ticket",
      subcommand: "remove",
      channel: thread.id,
      options: { user: { user: other } },
    });
    assert.ok(!removed.ephemeral, removed.text);
    assert.ok(!canView(g, thread.id, other), "a removed member no longer sees it");

    const claimed = await command(g, {
      user: g.staff,
      name: "ticket",
      subcommand: "claim",
      channel: thread.id,
    });
    assert.match(claimed.text, new RegExp(`<@${g.staff}>`));
    const ticket = await ticketOf(app, thread.id);
    assert.equal((await app.stores.tickets.get(ticket.id))?.claimedBy, g.staff);

    fake.postMessage(thread.id, opener, "Invoice 4711 lists the wrong amount");
    await eventually(
      fake,
      async () => (await app.stores.archive.count(ticket.id)) >= 2,
      10_000,
      "the thread's messages in the live archive",
    );

    const closed = await closeTicket(g, { channel: thread.id, user: g.staff, reason: "Fixed" });
    assert.match(closed.text, /closed/i, closed.text);
    const transcript = await app.stores.transcripts.get(ticket.id);
    assert.ok(
      transcript?.text.includes("Invoice 4711 lists the wrong amount"),
      "transcript stored",
    );
    const kept = fake.state.channels.get(thread.id);
    assert.ok(kept, "the thread is kept");
    assert.equal(kept.thread?.archived, true, "archived");
    assert.equal(kept.thread?.locked, true, "locked");
    assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closed");
    fake.assertNoViolations();
  },
);

Deno.test("a thread-mode type with thread_close delete deletes the thread once its transcript is kept", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const { g, opener, thread, ticket } = await threadTicket(world, { threadClose: "delete" });
  fake.postMessage(thread.id, opener, "Please delete my account");
  await eventually(
    fake,
    async () => (await app.stores.archive.count(ticket.id)) >= 2,
    10_000,
    "archived",
  );
  await closeTicket(g, { channel: thread.id, user: g.staff });
  assert.equal(fake.state.channels.get(thread.id), undefined, "the thread is deleted");
  const transcript = await app.stores.transcripts.get(ticket.id as TicketId);
  assert.ok(transcript?.text.includes("Please delete my account"));
  fake.assertNoViolations();
});

Deno.test("a thread-mode open is refused, naming the permission, when the bot lacks Manage Threads", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const withoutManage = TYPICAL_BOT_PERMISSIONS | (1n << 36n) | (1n << 38n);
  const g = await threadGuild(world, { botPermissions: withoutManage });
  const opener = g.members[0]!;
  const answer = await command(g, {
    user: opener,
    name: "ticket",
    subcommand: "new",
    options: { topic: "Help" },
  });
  assert.ok(answer.ephemeral);
  assert.match(answer.text, /Manage Threads/);
  assert.doesNotMatch(answer.text, /Create Private Threads/);
  assert.equal(fake.state.messagesIn(g.parent).length, 0);
  assert.ok(
    ![...fake.state.channels.values()].some((c) => c.parent_id === g.parent),
    "no thread was started",
  );
  assert.deepEqual(await app.stores.tickets.heldBy(g.guild as never, opener as never), []);
  // Once the permission is given, the same member opens a ticket at once.
  fake.setBotPermissions(g.guild, withoutManage | (1n << 34n));
  const thread = await openTicket(g, opener);
  assert.equal(thread.type, 12);
  assert.ok(await app.stores.tickets.byChannel(thread.id as ChannelId));
  fake.assertNoViolations();
});

Deno.test("a ticket thread deleted by hand closes its ticket from the live archive", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const g = await threadGuild(world);
  const opener = g.members[0]!;
  const thread = await openTicket(g, opener);
  const ticket = await ticketOf(app, thread.id);
  fake.postMessage(thread.id, opener, "Kept although the thread goes");
  await eventually(
    fake,
    async () => (await app.stores.archive.count(ticket.id)) >= 2,
    10_000,
    "archived",
  );
  fake.deleteChannel(thread.id);
  const closed = await eventually(
    fake,
    async () => {
      const now = await app.stores.tickets.get(ticket.id);
      return now?.status === "closed" ? now : null;
    },
    10_000,
    "the ticket closed",
  );
  assert.equal(closed.closeReason, "channel deleted");
  const transcript = await app.stores.transcripts.get(ticket.id);
  assert.ok(transcript?.text.includes("Kept although the thread goes"));
  fake.assertNoViolations();
});

Deno.test("/ticket add in a thread Discord archived after a quiet week unarchives it first", async () => {
  await using world = await startWorld();
  const { fake } = world;
  const g = await threadGuild(world);
  const [opener, other] = g.members as [string, string];
  const thread = await openTicket(g, opener);
  // What Discord's auto-archive does: archived, not locked.
  thread.thread!.archived = true;
  const added = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "add",
    channel: thread.id,
    options: { user: { user: other } },
  });
  assert.ok(!added.ephemeral, added.text);
  assert.equal(thread.thread!.archived, false);
  assert.ok(canView(g, thread.id, other));
  fake.assertNoViolations();
});

Deno.test("a thread-mode open is refused with View Channel when the bot cannot see the parent", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const g = await threadGuild(world);
  const parent = fake.state.channels.get(g.parent)!;
  parent.permission_overwrites.push({
    id: fake.botUser.id,
    type: 1,
    allow: "0",
    deny: String(1n << 10n),
  });
  const opener = g.members[0]!;
  const answer = await command(g, { user: opener, name: "ticket", subcommand: "new" });
  assert.ok(answer.ephemeral);
  assert.match(answer.text, /lack View Channel/);
  assert.deepEqual(await app.stores.tickets.heldBy(g.guild as never, opener as never), []);
  fake.assertNoViolations();
});

Deno.test("changing a thread-mode type's staff roles leaves its open threads as they are", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const g = await threadGuild(world);
  const thread = await openTicket(g, g.members[0]!);
  const helpers = fake.createRole(g.guild, { name: "Helpers" });
  const type = await app.stores.types.defaultFor(g.guild as never);
  const answer = await command(g, {
    user: g.owner,
    name: "type",
    subcommand: "set",
    options: {
      setting: "staff_roles",
      type: String(type.id),
      value: `<@&${g.staffRole}> <@&${helpers.id}>`,
    },
  });
  assert.match(answer.text, /staff_roles of .* changed/, answer.text);
  assert.ok(!fake.calls.some((c) => c.path.startsWith(`/channels/${thread.id}/permissions`)));
  assert.ok(
    !fake.calls.some((c) =>
      c.method === "PATCH" && c.path === `/channels/${thread.id}` &&
      (c.body as Record<string, unknown> | null)?.permission_overwrites !== undefined
    ),
    "no overwrites are written to a thread",
  );
  fake.assertNoViolations();
});

/** A thread-mode guild (see `threadGuild`) where its first member opened a ticket. */
async function threadTicket(
  world: Parameters<typeof threadGuild>[0],
  options: Parameters<typeof threadGuild>[1] = {},
) {
  const g = await threadGuild(world, options);
  const opener = g.members[0]!;
  const thread = await openTicket(g, opener);
  return { g, opener, thread, ticket: await ticketOf(world.app, thread.id) };
}

/** `/ticket reopen number:N` by `user` in the general channel. */
function reopenThread(g: Awaited<ReturnType<typeof threadGuild>>, user: string, number: number) {
  return command(g, { user, name: "ticket", subcommand: "reopen", options: { number } });
}

Deno.test("a closed thread ticket reopens in its own thread, unarchived, and keeps a transcript per close", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const { g, opener, thread, ticket } = await threadTicket(world);
  const helper = g.members[1]!;
  await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "add",
    channel: thread.id,
    options: { user: { user: helper } },
  });
  fake.postMessage(thread.id, opener, "First problem");
  await eventually(
    fake,
    async () => (await app.stores.archive.count(ticket.id)) >= 2,
    10_000,
    "archived",
  );
  await closeTicket(g, { channel: thread.id, user: g.staff });
  assert.equal(fake.state.channels.get(thread.id)?.thread?.archived, true);

  assert.match(
    (await reopenThread(g, opener, ticket.number)).text,
    /staff/i,
    "a member is refused",
  );
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closed");

  const reopened = await reopenThread(g, g.staff, ticket.number);
  assert.match(reopened.text, /open again/, reopened.text);
  const back = fake.state.channels.get(thread.id);
  assert.equal(back?.thread?.archived, false, "unarchived");
  assert.equal(back?.thread?.locked, false, "unlocked");
  assert.equal((await app.stores.tickets.get(ticket.id))?.channelId, thread.id, "the same thread");
  assert.ok(canView(g, thread.id, opener) && canView(g, thread.id, helper));

  fake.postMessage(thread.id, opener, "Second problem");
  await eventually(
    fake,
    async () =>
      (await app.stores.archive.messages(ticket.id)).some((m) =>
        m.payload.includes("Second problem")
      ),
    10_000,
    "the new message archived",
  );
  await closeTicket(g, { channel: thread.id, user: g.staff });
  const transcripts = await app.stores.transcripts.list(ticket.id);
  assert.equal(transcripts.length, 2, "one transcript per close");
  assert.ok((await app.stores.transcripts.get(ticket.id, 2))?.text.includes("Second problem"));
  fake.assertNoViolations();
});

Deno.test("a thread ticket whose thread was deleted at close reopens in a new thread", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  const { g, opener, thread, ticket } = await threadTicket(world, { threadClose: "delete" });
  await closeTicket(g, { channel: thread.id, user: g.staff });
  assert.equal(fake.state.channels.get(thread.id), undefined);
  const reopened = await reopenThread(g, g.staff, ticket.number);
  assert.match(reopened.text, /open again/, reopened.text);
  const now = await app.stores.tickets.get(ticket.id);
  assert.ok(now?.channelId && now.channelId !== thread.id, "a new thread");
  const fresh = fake.state.channels.get(now.channelId);
  assert.equal(fresh?.type, 12);
  assert.equal(fresh?.parent_id, g.parent);
  assert.ok(canView(g, now.channelId, opener));
  fake.assertNoViolations();
});
