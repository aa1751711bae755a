/**
 * The ticket lifecycle through the real bot against the fake Discord, on every
 * database it supports: setup, settings, panel, opening (once per member, even
 * when clicked many times), `/ticket new`, closing, and a restart in between.
 */
import assert from "node:assert/strict";
import { channelId, guildId, userId } from "../../src/core/ids.ts";
import type { FakeChannel } from "../fake_discord/types.ts";
import {
  answerOf,
  buttonIds,
  buttonLabels,
  canView,
  channelsNamed,
  command,
  guildChannels,
  type GuildPlace,
  lifecycleTest,
  linkedChannel,
  newMember,
  openFromPanel,
  PARTICIPANT_PERMISSIONS,
  postPanel,
  press,
  pressPanel,
  runSetup,
  startLifecycleWorld,
  startTicketDesk,
  VIEW_CHANNEL,
  welcomeIn,
} from "./world.ts";

const MANAGE_CHANNELS = 1n << 4n;

function rolesOf(world: GuildPlace): string[] {
  return world.fake.state.rolesOf(world.guild).map((r) => r.id);
}

/** Overwrites as comparable rows, sorted by target id. */
function overwriteRows(channel: FakeChannel): string[] {
  return channel.permission_overwrites
    .map((o) => `${o.type === 0 ? "role" : "member"} ${o.id} allow=${o.allow} deny=${o.deny}`)
    .sort();
}

function configField(body: Record<string, unknown>, name: string): string {
  const embeds = (body.embeds ?? []) as Array<{ fields?: Array<{ name: string; value: string }> }>;
  const field = embeds[0]?.fields?.find((f) => f.name === name);
  assert.ok(field, `/config show has a "${name}" field`);
  return field.value;
}

lifecycleTest(
  "/setup creates the category, role and staff-only log channel once, and refuses non-admins",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const member = newMember(world, "mallory");

    const refused = await command(world, { user: member, name: "setup" });
    assert.ok(refused.ephemeral, "the refusal is ephemeral");
    assert.match(refused.text, /Manage Server/);
    assert.deepEqual(channelsNamed(world, "Tickets", 4), [], "a refused /setup creates nothing");

    const channelsBefore = guildChannels(world).length;
    const rolesBefore = rolesOf(world).length;
    const first = await runSetup(world);
    assert.ok(first.answer.ephemeral);
    assert.equal(guildChannels(world).length, channelsBefore + 2, "a category and a log channel");
    assert.equal(rolesOf(world).length, rolesBefore + 1, "the Support role");
    assert.equal(first.logChannel.parent_id, null);

    const staff = newMember(world, "sam", [first.supportRole]);
    assert.ok(canView(world, first.logChannel.id, staff), "staff see the log channel");
    assert.ok(canView(world, first.logChannel.id, fake.botUser.id), "the bot sees it");
    assert.ok(!canView(world, first.logChannel.id, member), "members do not see it");
    assert.ok(!canView(world, first.category.id, member), "members do not see the category");

    const channelsAfter = guildChannels(world).length;
    const rolesAfter = rolesOf(world).length;
    const second = await command(world, { user: world.owner, name: "setup" });
    assert.match(second.text, /set up/i);
    assert.equal(guildChannels(world).length, channelsAfter, "a second /setup creates no channel");
    assert.equal(rolesOf(world).length, rolesAfter, "a second /setup creates no role");
    assert.equal(channelsNamed(world, "Tickets", 4).length, 1);
    assert.equal(channelsNamed(world, "ticket-logs", 0).length, 1);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "/config show and /config set take valid values, refuse invalid ones and non-admins",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const setup = await runSetup(world);
    const member = newMember(world, "mallory");
    const set = (subcommand: string, options: Record<string, string | number | boolean>) =>
      command(world, { user: world.owner, name: "config", group: "set", subcommand, options });

    const shown = await command(world, { user: world.owner, name: "config", subcommand: "show" });
    assert.ok(shown.ephemeral);
    assert.equal(configField(shown.body, "Open tickets per member"), "1");
    assert.equal(configField(shown.body, "Channel names"), "`ticket-{number}`");
    assert.equal(configField(shown.body, "Category"), `<#${setup.category.id}>`);
    assert.equal(configField(shown.body, "Log channel"), `<#${setup.logChannel.id}>`);
    assert.equal(configField(shown.body, "Staff roles"), `<@&${setup.supportRole}>`);

    const accepted = [
      await set("max_open", { limit: 3 }),
      await set("naming_scheme", { scheme: "{username}-{number}" }),
      await set("welcome_text", { text: "Hello! Staff will answer shortly." }),
      await set("transcript_dm", { enabled: true }),
      await set("openers_may_add", { enabled: true }),
    ];
    for (const answer of accepted) {
      assert.ok(answer.ephemeral);
      assert.doesNotMatch(answer.text, /must|cannot|only/i, answer.text);
    }
    const zero = await set("max_open", { limit: 0 });
    assert.ok(zero.ephemeral);
    assert.match(zero.text, /1 to 100/);
    const tooMany = await set("max_open", { limit: 101 });
    assert.match(tooMany.text, /1 to 100/);
    const badScheme = await set("naming_scheme", { scheme: "ticket-{bogus}" });
    assert.match(badScheme.text, /unknown token \{bogus\}/);
    const everyone = await command(world, {
      user: world.owner,
      name: "config",
      group: "set",
      subcommand: "staff_role_add",
      options: { role: { role: world.guild } },
    });
    assert.match(everyone.text, /@everyone cannot be a staff role/);

    const after = await command(world, { user: world.owner, name: "config", subcommand: "show" });
    assert.equal(configField(after.body, "Open tickets per member"), "3", "0 and 101 were refused");
    assert.equal(configField(after.body, "Channel names"), "`{username}-{number}`");
    assert.equal(configField(after.body, "Transcript by DM"), "on");
    assert.equal(configField(after.body, "Openers may add members"), "on");
    assert.equal(configField(after.body, "Welcome text"), "Hello! Staff will answer shortly.");
    assert.equal(configField(after.body, "Staff roles"), `<@&${setup.supportRole}>`);

    const refusedShow = await command(world, {
      user: member,
      name: "config",
      subcommand: "show",
    });
    assert.ok(refusedShow.ephemeral);
    assert.match(refusedShow.text, /Only members with Manage Server/);
    assert.doesNotMatch(refusedShow.text, /Ticket settings/);
    const refusedSet = await command(world, {
      user: member,
      name: "config",
      group: "set",
      subcommand: "max_open",
      options: { limit: 5 },
    });
    assert.ok(refusedSet.ephemeral);
    assert.match(refusedSet.text, /Only members with Manage Server/);
    const unchanged = await command(world, {
      user: world.owner,
      name: "config",
      subcommand: "show",
    });
    assert.equal(configField(unchanged.body, "Open tickets per member"), "3");

    // The settings take effect: the next ticket is named by the new scheme and greets
    // with the new text.
    const panel = await postPanel(world);
    const alice = newMember(world, "alice");
    const channel = await openFromPanel(world, panel, alice);
    assert.equal(channel.name, "alice-1");
    assert.match((await welcomeIn(fake, channel.id)).content, /Staff will answer shortly/);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "the panel's button opens a private ticket with exact overwrites, a welcome and a link",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const setup = await runSetup(world);
    const panelAnswer = await command(world, { user: world.owner, name: "panel" });
    assert.ok(panelAnswer.ephemeral);
    const panel = await postPanel(world);
    assert.equal(panel.message.embeds.length, 1, "the panel is an embed");
    assert.equal(buttonIds(panel.message).length, 1, "with one button");
    assert.ok(panel.customId.length > 0 && panel.customId.length <= 100);

    const alice = newMember(world, "alice");
    const stranger = newMember(world, "mallory");
    const staff = newMember(world, "sam", [setup.supportRole]);
    const answer = await answerOf(pressPanel(world, panel, alice));
    assert.ok(answer.firstAnswerMs < 3000);
    assert.ok(answer.ephemeral, "the link is only shown to the opener");
    const channel = linkedChannel(world, answer);
    assert.equal(channel.type, 0);
    assert.equal(channel.parent_id, setup.category.id, "the ticket is under Tickets");
    assert.equal(channel.name, "ticket-1");

    assert.deepEqual(
      overwriteRows(channel),
      [
        `role ${world.guild} allow=0 deny=${VIEW_CHANNEL}`,
        `member ${alice} allow=${PARTICIPANT_PERMISSIONS} deny=0`,
        `role ${setup.supportRole} allow=${PARTICIPANT_PERMISSIONS} deny=0`,
        `member ${fake.botUser.id} allow=${PARTICIPANT_PERMISSIONS | MANAGE_CHANNELS} deny=0`,
      ].sort(),
    );
    assert.ok(canView(world, channel.id, alice));
    assert.ok(canView(world, channel.id, staff));
    assert.ok(!canView(world, channel.id, stranger), "other members cannot see the ticket");

    const welcome = await welcomeIn(fake, channel.id);
    assert.equal(welcome.author_id, fake.botUser.id);
    assert.match(welcome.content, new RegExp(`<@${alice}>`));
    assert.match(welcome.content, new RegExp(`<@&${setup.supportRole}>`));
    assert.deepEqual(buttonLabels(welcome), ["Close", "Claim"]);
    const ticket = await world.app.stores.tickets.byChannel(channelId(channel.id));
    assert.equal(ticket?.status, "open");
    assert.equal(ticket?.openerId, alice);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "a member who clicks again is pointed at their ticket, and 20 racing clicks open one",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const alice = newMember(world, "alice");
    const first = await openFromPanel(world, panel, alice);

    const again = await answerOf(pressPanel(world, panel, alice));
    assert.ok(again.ephemeral);
    assert.match(again.text, /already have an open ticket/);
    assert.match(again.text, new RegExp(`<#${first.id}>`));

    const bob = newMember(world, "bob");
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => answerOf(pressPanel(world, panel, bob))),
    );
    const tickets = guildChannels(world).filter((c) =>
      c.parent_id === setup.category.id && c.type === 0
    );
    assert.equal(tickets.length, 2, "alice's ticket and exactly one for bob");
    const bobs = tickets.find((c) => c.id !== first.id);
    assert.ok(bobs);
    const opened = answers.filter((a) => /Your ticket is open/.test(a.text));
    assert.equal(opened.length, 1, "one click opens the ticket");
    assert.match(opened[0]?.text ?? "", new RegExp(`<#${bobs.id}>`));
    for (const answer of answers) {
      assert.ok(answer.ephemeral);
      if (answer === opened[0]) continue;
      // Clicks that lose the race while the channel is still being made cannot link it yet.
      assert.match(
        answer.text,
        new RegExp(`already have an open ticket.*(<#${bobs.id}>|being created right now)`),
      );
    }
    assert.equal(
      (await world.app.stores.tickets.heldBy(guildId(world.guild), userId(bob))).length,
      1,
    );
    fake.assertNoViolations();
  },
);

lifecycleTest("/ticket new with a topic opens a ticket the same way", async (dialect) => {
  await using world = await startLifecycleWorld(dialect);
  const { fake } = world;
  const setup = await runSetup(world);
  const alice = newMember(world, "alice");
  const answer = await command(world, {
    user: alice,
    name: "ticket",
    subcommand: "new",
    options: { topic: "My invoice is wrong" },
  });
  assert.ok(answer.ephemeral);
  const channel = linkedChannel(world, answer);
  assert.equal(channel.parent_id, setup.category.id);
  assert.equal(channel.name, "ticket-1");
  assert.ok(canView(world, channel.id, alice));
  assert.ok(!canView(world, channel.id, newMember(world, "mallory")));
  const welcome = await welcomeIn(fake, channel.id);
  assert.match(welcome.content, new RegExp(`<@${alice}>`));
  assert.match(JSON.stringify(welcome.embeds), /My invoice is wrong/);
  assert.deepEqual(buttonLabels(welcome), ["Close", "Claim"]);

  const again = await command(world, { user: alice, name: "ticket", subcommand: "new" });
  assert.match(again.text, new RegExp(`already have an open ticket.*<#${channel.id}>`));
  fake.assertNoViolations();
});

lifecycleTest(
  "/ticket close asks, and Confirm posts the transcript, deletes the channel and closes",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const alice = newMember(world, "alice");
    const staff = newMember(world, "sam", [setup.supportRole]);
    const channel = await openFromPanel(world, panel, alice);
    fake.postMessage(channel, alice, "My order never arrived");
    fake.postMessage(channel, staff, "Looking into it");
    const ticket = await world.app.stores.tickets.byChannel(channelId(channel.id));
    assert.ok(ticket);

    const question = await command(world, {
      user: staff,
      name: "ticket",
      subcommand: "close",
      channel: channel.id,
      options: { reason: "Solved" },
    });
    assert.ok(question.ephemeral);
    assert.match(question.text, /Close ticket #1\?/);
    assert.ok(fake.state.channels.has(channel.id), "nothing is deleted before Confirm");
    assert.ok(question.messageId, "the question is a message with buttons");
    const questionMessage = fake.state.findMessage(channel.id, question.messageId);
    assert.ok(questionMessage);
    const [confirmId] = buttonIds(questionMessage);
    assert.ok(confirmId);

    const confirmed = await answerOf(press(world, {
      user: staff,
      channel: channel.id,
      messageId: question.messageId,
      customId: confirmId,
    }));
    assert.match(confirmed.text, /Ticket #1 is closed/);
    await fake.waitFor(() => !fake.state.channels.has(channel.id), 5000, "channel deleted");

    const logged = fake.state.messagesIn(setup.logChannel.id).find((m) => m.attachments.length > 0);
    assert.ok(logged, "the transcript is posted to ticket-logs as a file");
    const html = logged.attachments.find((a) => a.filename.endsWith(".html"));
    assert.ok(html, `an HTML transcript among ${logged.attachments.map((a) => a.filename)}`);
    const transcriptText = new TextDecoder().decode(html.data);
    assert.match(transcriptText, /My order never arrived/);
    assert.match(transcriptText, /Looking into it/);
    assert.match(JSON.stringify(logged.embeds), /Solved/);

    const closed = await world.app.stores.tickets.get(ticket.id);
    assert.equal(closed?.status, "closed");
    assert.equal(closed?.closedBy, staff);
    assert.equal(closed?.closeReason, "Solved");
    assert.ok(
      (await world.app.stores.transcripts.get(ticket.id)) !== null,
      "the transcript is stored",
    );
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "after a restart on the same database the old panel button opens ticket-3",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    await answerOf(pressPanel(world, panel, newMember(world, "alice")));
    await answerOf(pressPanel(world, panel, newMember(world, "bob")));

    await world.restart();
    const carol = newMember(world, "carol");
    const answer = await answerOf(pressPanel(world, panel, carol));
    const channel = linkedChannel(world, answer);
    assert.equal(channel.name, "ticket-3", "numbers continue across the restart");
    assert.equal(channel.parent_id, setup.category.id);
    assert.ok(canView(world, channel.id, carol));
    const names = guildChannels(world).filter((c) => c.parent_id === setup.category.id).map((c) =>
      c.name
    );
    assert.deepEqual(names.sort(), ["ticket-1", "ticket-2", "ticket-3"]);
    fake.assertNoViolations();
  },
);
