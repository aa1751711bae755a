/**
 * Reopening against the fake Discord: staff bring a closed ticket back with
 * `/ticket reopen` and with the Reopen button on its summary; the ticket comes
 * back with its number, opener and members in a new channel that starts with
 * the previous transcript; each close keeps its own transcript, and
 * `ticketeer transcript` reads each of them. Members, open tickets, expired
 * tickets and a second concurrent reopen are refused without changing anything.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import type { GuildId } from "../../src/core/ids.ts";
import type { FakeChannel, FakeMessage } from "../fake_discord/fake_discord.ts";
import { runTicketeer } from "../fixtures/ticketeer_process.ts";
import { SAMPLE_TOKEN } from "../fixtures/sample_token.ts";
import { startWorld, type World } from "./boot.ts";
import {
  answerOf,
  botMessagesIn,
  buttonIds,
  canView,
  closeTicket,
  command,
  eventually,
  linkedChannel,
  openTicket,
  press,
  sendCommand,
  setUpGuild,
  type TicketGuild,
  ticketOf,
} from "./world.ts";

/** The summaries of ticket `number` posted in the log channel, oldest first. */
function summariesOf(g: TicketGuild, number: number): FakeMessage[] {
  return botMessagesIn(g.fake, g.logs).filter((m) =>
    JSON.stringify(m.embeds).includes(`Ticket #${number} closed`)
  );
}

/** `/ticket reopen number:N` by `user`, run in the general channel. */
function reopenCommand(g: TicketGuild, user: string, number: number) {
  return command(g, { user, name: "ticket", subcommand: "reopen", options: { number } });
}

/** The reopened ticket's channel, once its notice (the last of its first posts) is there. */
async function reopenedChannel(g: TicketGuild, text: string): Promise<FakeChannel> {
  const channel = linkedChannel(g, { text } as Parameters<typeof linkedChannel>[1]);
  await g.fake.waitFor(
    () => botMessagesIn(g.fake, channel.id).find((m) => m.content.includes("reopened this")),
    10_000,
    "the reopen notice",
  );
  return channel;
}

/** Closes the ticket of `channel` as staff and waits for its `count`th summary. */
async function closedTicket(
  world: World,
  g: TicketGuild,
  spec: { channel: FakeChannel; number: number; count: number },
) {
  const ticket = await ticketOf(world.app, spec.channel.id);
  const answer = await closeTicket(g, {
    channel: spec.channel.id,
    user: g.staff,
    reason: `Done ${spec.count}`,
  });
  assert.match(answer.text, /is closed/);
  assert.equal((await world.app.stores.tickets.get(ticket.id))?.status, "closed");
  await g.fake.waitFor(
    () => summariesOf(g, spec.number).length >= spec.count,
    10_000,
    `summary ${spec.count} of ticket #${spec.number}`,
  );
}

Deno.test("reopen: by command and by the summary's button, each close keeps its transcript, and the CLI reads each", async () => {
  const dir = await Deno.makeTempDir();
  const databasePath = `${dir}/ticketeer.db`;
  try {
    await using world = await startWorld({ databasePath });
    const g = await setUpGuild(world.fake, 2);
    const [opener, helper] = g.members as [string, string];
    const first = await openTicket(g, opener, "Broken widget");
    const ticket = await ticketOf(world.app, first.id);
    const added = await command(g, {
      user: g.staff,
      name: "ticket",
      subcommand: "add",
      channel: first.id,
      options: { user: { user: helper } },
    });
    assert.match(added.text, /added/);
    world.fake.postMessage(first.id, opener, "first words before the close");
    await eventually(
      world.fake,
      async () => (await world.app.stores.archive.messages(ticket.id)).length >= 1,
      10_000,
      "the archived message",
    );
    await closedTicket(world, g, { channel: first, number: 1, count: 1 });
    const [summary] = summariesOf(g, 1);
    assert.ok(summary);
    const reopenId = buttonIds(summary).find((id) => id.startsWith("t1:reopen:"));
    assert.equal(reopenId, `t1:reopen:${ticket.id}`, "the summary carries a Reopen button");

    // A member may not reopen, and nothing changes.
    const channelsBefore = world.fake.state.channelsOf(g.guild).length;
    const refused = await reopenCommand(g, opener, 1);
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Only staff of this ticket’s type/);
    const byButton = await answerOf(
      press(g, { user: helper, channel: g.logs, messageId: summary.id, customId: reopenId }),
    );
    assert.match(byButton.text, /Only staff/);
    assert.equal(world.fake.state.channelsOf(g.guild).length, channelsBefore);
    assert.equal((await world.app.stores.tickets.get(ticket.id))?.status, "closed");
    assert.match((await reopenCommand(g, g.staff, 99)).text, /no ticket #99/);

    // Staff reopen by command: same number, opener and members, the old transcript first.
    const reopened = await reopenCommand(g, g.staff, 1);
    assert.ok(reopened.ephemeral);
    assert.match(reopened.text, /Ticket #1 is open again/);
    const second = await reopenedChannel(g, reopened.text);
    assert.notEqual(second.id, first.id);
    assert.equal(second.parent_id, g.category);
    for (const who of [opener, helper, g.staff]) assert.ok(canView(g, second.id, who));
    assert.ok(!canView(g, second.id, newcomer(g)), "the ticket stays private");
    const [previous, notice] = botMessagesIn(world.fake, second.id);
    assert.match(previous?.content ?? "", /Transcript of this ticket until it was closed/);
    assert.ok(previous?.attachments.some((a) => a.filename.endsWith("-transcript-1.html")));
    assert.match(notice?.content ?? "", new RegExp(`<@${g.staff}> reopened this ticket`));
    const open = await world.app.stores.tickets.get(ticket.id);
    assert.equal(open?.status, "open");
    assert.equal(open?.number, 1);
    assert.equal(open?.closeStep, null);
    assert.equal(open?.closedAt, null);
    assert.equal(open?.reopenCount, 1);
    assert.match((await reopenCommand(g, g.staff, 1)).text, /still open/);
    const audit = await world.app.stores.audit.recent(g.guild as GuildId, 20);
    assert.equal(audit.filter((e) => e.action === "ticket.reopen").length, 1);

    world.fake.postMessage(second.id, opener, "second words after the reopen");
    await eventually(
      world.fake,
      async () => (await world.app.stores.archive.messages(ticket.id)).length >= 2,
      10_000,
      "the second archived message",
    );
    await closedTicket(world, g, { channel: second, number: 1, count: 2 });
    assert.deepEqual((await world.app.stores.transcripts.list(ticket.id)).map((t) => t.sequence), [
      1,
      2,
    ]);

    // Staff reopen with the first summary's button, then close a third time.
    const pressed = await answerOf(
      press(g, { user: g.staff, channel: g.logs, messageId: summary.id, customId: reopenId }),
    );
    assert.ok(pressed.ephemeral);
    const third = await reopenedChannel(g, pressed.text);
    assert.ok(canView(g, third.id, helper));
    assert.ok(
      botMessagesIn(world.fake, third.id)[0]?.attachments.some((a) =>
        a.filename.endsWith("-transcript-2.html")
      ),
    );
    await closedTicket(world, g, { channel: third, number: 1, count: 3 });

    const env = { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: `sqlite:${databasePath}` };
    const list = await runTicketeer(["transcript", g.guild, "1", "--list"], { env });
    assert.equal(list.code, 0, list.output);
    assert.deepEqual(list.stdout.trimEnd().split("\n").map((l) => l.split("\t")[0]), [
      "1",
      "2",
      "3",
    ]);
    const one = await runTicketeer(["transcript", g.guild, "1", "--close", "1", "--text"], {
      env,
    });
    assert.equal(one.code, 0, one.output);
    assert.ok(one.stdout.includes("first words before the close"));
    assert.ok(!one.stdout.includes("second words after the reopen"));
    const latest = await runTicketeer(["transcript", g.guild, "1", "--text"], { env });
    assert.equal(latest.code, 0, latest.output);
    assert.ok(latest.stdout.includes("second words after the reopen"));
    assert.ok(latest.stdout.includes("transcript 3"), "the latest names its close");
    world.fake.assertNoViolations();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** A member who is not in any ticket. */
function newcomer(g: TicketGuild): string {
  return g.fake.createMember(g.guild, { username: "newcomer" }).id;
}

Deno.test("reopen: an expired ticket is refused, and two reopens at once make one channel", async () => {
  const dir = await Deno.makeTempDir();
  const databasePath = `${dir}/ticketeer.db`;
  try {
    await using world = await startWorld({ databasePath });
    const g = await setUpGuild(world.fake, 2);
    const [alice, bob] = g.members as [string, string];
    const expired = await openTicket(g, alice, "Old question");
    const expiredTicket = await ticketOf(world.app, expired.id);
    await closedTicket(world, g, { channel: expired, number: 1, count: 1 });
    const db = new DatabaseSync(databasePath);
    try {
      db.prepare("update tickets set expired_at = ? where id = ?").run(
        Date.now(),
        expiredTicket.id,
      );
    } finally {
      db.close();
    }
    const before = world.fake.state.channelsOf(g.guild).length;
    const refused = await reopenCommand(g, g.staff, 1);
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Ticket #1 cannot be reopened: its data was deleted/);
    assert.equal(world.fake.state.channelsOf(g.guild).length, before);
    assert.equal((await world.app.stores.tickets.get(expiredTicket.id))?.status, "closed");

    const raced = await openTicket(g, bob, "Race");
    const racedTicket = await ticketOf(world.app, raced.id);
    await closedTicket(world, g, { channel: raced, number: 2, count: 1 });
    const spec = { name: "ticket", subcommand: "reopen", options: { number: 2 } };
    const answers = await Promise.all([
      answerOf(sendCommand(g, { user: g.staff, ...spec }), 20_000),
      answerOf(sendCommand(g, { user: g.owner, ...spec }), 20_000),
    ]);
    for (const answer of answers) assert.match(answer.text, /Ticket #2 is open again: <#\d+>/);
    const channels = new Set(answers.map((a) => /<#(\d+)>/.exec(a.text)?.[1]));
    assert.equal(channels.size, 1, "both answers name the one channel");
    const named = world.fake.state.channelsOf(g.guild).filter((c) =>
      c.type === 0 && c.name === raced.name
    );
    assert.equal(named.length, 1, "one channel for the reopened ticket");
    const reopened = await world.app.stores.tickets.get(racedTicket.id);
    assert.equal(reopened?.reopenCount, 1);
    const audit = await world.app.stores.audit.recent(g.guild as GuildId, 30);
    assert.equal(audit.filter((e) => e.action === "ticket.reopen").length, 1);
    world.fake.assertNoViolations();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
