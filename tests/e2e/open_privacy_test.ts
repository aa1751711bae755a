/**
 * Opening is private wherever it is asked for: `/setup` and `/ticket new` run in a
 * channel the bot cannot see (Discord then sends `app_permissions` without View
 * Channel) still make channels only opener, staff and bot can read; staff are
 * notified by the welcome; a change of staff roles reaches the open tickets.
 */
import assert from "node:assert/strict";
import {
  botMessagesIn,
  canView,
  command,
  lifecycleTest,
  linkedChannel,
  newMember,
  openLogEntry,
  runSetup,
  startLifecycleWorld,
  VIEW_CHANNEL,
  welcomeIn,
} from "./world.ts";

lifecycleTest(
  "/setup and /ticket new in a channel the bot cannot see make private channels",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    // A channel hidden from the bot: slash commands still work there.
    const hidden = fake.createChannel(world.guild, {
      name: "members-only",
      overwrites: [{ id: fake.botUser.id, type: 1, allow: "0", deny: String(VIEW_CHANNEL) }],
    });
    const setupAnswer = await command(world, {
      user: world.owner,
      name: "setup",
      channel: hidden.id,
    });
    assert.match(setupAnswer.text, /Tickets are set up/);
    const setup = await runSetup(world);
    const alice = newMember(world, "alice");
    const mallory = newMember(world, "mallory");
    const staff = newMember(world, "sam", [setup.supportRole]);

    const answer = await command(world, {
      user: alice,
      name: "ticket",
      subcommand: "new",
      channel: hidden.id,
    });
    const ticket = linkedChannel(world, answer);
    for (const channel of [ticket.id, setup.logChannel.id, setup.category.id]) {
      assert.ok(!canView(world, channel, mallory), `a plain member cannot see ${channel}`);
      const everyone = fake.state.channels.get(channel)?.permission_overwrites
        .find((o) => o.id === world.guild);
      assert.ok(everyone && (BigInt(everyone.deny) & VIEW_CHANNEL) !== 0n, "@everyone denied");
      assert.ok(canView(world, channel, staff), `staff see ${channel}`);
      assert.ok(canView(world, channel, fake.botUser.id), `the bot sees ${channel}`);
    }
    assert.ok(canView(world, ticket.id, alice), "the opener sees the ticket");
    assert.ok(!canView(world, setup.logChannel.id, alice), "the opener does not see the log");
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "/ticket new is refused, naming the permission, when the bot cannot make the channel private",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const setup = await runSetup(world);
    const alice = newMember(world, "alice");
    const role = fake.state.rolesOf(world.guild).find((r) => r.managed);
    assert.ok(role, "the bot's own role");
    fake.setBotPermissions(world.guild, BigInt(role.permissions) & ~(1n << 28n));

    const answer = await command(world, { user: alice, name: "ticket", subcommand: "new" });
    assert.ok(answer.ephemeral);
    assert.match(answer.text, /lacks Manage Roles/);
    const inCategory = fake.state.channelsOf(world.guild)
      .filter((c) => c.parent_id === setup.category.id);
    assert.deepEqual(inCategory, [], "no channel was made");
  },
);

lifecycleTest(
  "the welcome message notifies staff through the mentionable Support role",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const setup = await runSetup(world);
    const role = fake.state.roles.get(setup.supportRole);
    assert.equal(role?.mentionable, true, "/setup makes Support mentionable");
    const alice = newMember(world, "alice");
    const staff = newMember(world, "sam", [setup.supportRole]);
    const answer = await command(world, { user: alice, name: "ticket", subcommand: "new" });
    const welcome = await welcomeIn(fake, linkedChannel(world, answer).id);
    const notified = fake.state.notifiedBy(welcome);
    assert.ok(notified.includes(staff), "staff are notified");
    assert.ok(notified.includes(alice), "the opener is notified");
  },
);

lifecycleTest(
  "/setup with a staff role that cannot be mentioned says so",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const helpers = fake.createRole(world.guild, { name: "Helpers" });
    const answer = await command(world, {
      user: world.owner,
      name: "setup",
      options: { staff_role: { role: helpers.id } },
    });
    assert.match(answer.text, /not mentionable/);
  },
);

lifecycleTest(
  "/config set staff_role_add and staff_role_remove re-apply the overwrites of open tickets and the log",
  async (dialect) => {
    await using world = await startLifecycleWorld(dialect);
    const { fake } = world;
    const setup = await runSetup(world);
    const members = ["alice", "bob"].map((name) => newMember(world, name));
    const tickets: string[] = [];
    for (const member of members) {
      const answer = await command(world, { user: member, name: "ticket", subcommand: "new" });
      const channel = linkedChannel(world, answer);
      await openLogEntry(fake, setup.logChannel.id, channel.id);
      tickets.push(channel.id);
    }
    const moderators = fake.createRole(world.guild, { name: "Moderators" });
    const moderator = newMember(world, "mia", [moderators.id]);
    for (const channel of [...tickets, setup.logChannel.id]) {
      assert.ok(!canView(world, channel, moderator), "not staff yet");
    }
    const staff = newMember(world, "sam", [setup.supportRole]);
    const change = async (subcommand: string, role: string, who: string, sees: boolean) => {
      const answer = await command(world, {
        user: world.owner,
        name: "config",
        group: "set",
        subcommand,
        options: { role: { role } },
      });
      assert.match(answer.text, /Updated 2 open tickets and the log channel/);
      for (const channel of [...tickets, setup.logChannel.id]) {
        assert.equal(canView(world, channel, who), sees, `${subcommand}: ${who} in ${channel}`);
      }
    };
    await change("staff_role_add", moderators.id, moderator, true);
    await change("staff_role_remove", setup.supportRole, staff, false);
    assert.ok(botMessagesIn(fake, setup.logChannel.id).length > 0);
    fake.assertNoViolations();
  },
);
