import assert from "node:assert/strict";
import { openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import { Permission } from "../permissions_bits.ts";

Deno.test("handleSetup() creates category, role and log channel once; a second run creates nothing", async () => {
  await using world = await openTicketWorld();
  const { discord, admin } = world;
  const setup = () => world.run(commandInput({ name: "setup", member: admin }));

  const first = await setup();
  assert.equal(first.kind, "message");
  assert.deepEqual(world.ctx.defers, [{ ephemeral: true }]);
  const category = discord.channelNamed("Tickets");
  const logs = discord.channelNamed("ticket-logs");
  const support = [...discord.guildRoles.values()].find((r) => r.name === "Support");
  assert.ok(category && logs && support);
  assert.equal(category.kind, "category");
  assert.equal(logs.kind, "text");
  assert.deepEqual(
    logs.overwrites.find((o) => o.id === (discord.guildId as string))?.deny,
    Permission.ViewChannel,
    "the log channel is hidden from @everyone",
  );
  assert.ok(logs.overwrites.some((o) => o.id === support.id), "staff see the log channel");

  const type = await world.stores.types.defaultFor(discord.guildId);
  assert.equal(type.categoryId, category.id);
  assert.deepEqual(type.staffRoleIds, [support.id]);
  assert.equal((await world.stores.settings.guild(discord.guildId)).logChannelId, logs.id);

  const creates = () =>
    discord.callsOf("createChannel").length + discord.callsOf("createRole").length;
  const before = creates();
  assert.equal(before, 3);
  const second = await setup();
  assert.equal(second.kind, "message");
  assert.equal(creates(), before, "the second run created nothing");
  assert.equal(
    (await world.stores.audit.recent(discord.guildId, 10)).filter((e) => e.action === "setup")
      .length,
    2,
  );
});

Deno.test("handleSetup() finds existing channels and roles by name before creating", async () => {
  await using world = await openTicketWorld();
  const { discord } = world;
  const category = discord.addChannel({ name: "tickets", kind: "category" });
  const logs = discord.addChannel({ name: "ticket-logs", kind: "text" });
  const role = discord.addRole("support");
  await world.run(commandInput({ name: "setup", member: world.admin }));
  assert.equal(discord.callsOf("createChannel").length, 0);
  assert.equal(discord.callsOf("createRole").length, 0);
  const type = await world.stores.types.defaultFor(discord.guildId);
  assert.equal(type.categoryId, category.id);
  assert.deepEqual(type.staffRoleIds, [role.id]);
  assert.equal((await world.stores.settings.guild(discord.guildId)).logChannelId, logs.id);
});

Deno.test("handleSetup() uses the category, role and log channel it is given", async () => {
  await using world = await openTicketWorld();
  const { discord } = world;
  const category = discord.addChannel({ name: "Help desk", kind: "category" });
  const logs = discord.addChannel({ name: "audit", kind: "text" });
  await world.run(commandInput({
    name: "setup",
    member: world.admin,
    options: {
      category: opt.channel(category.id, "category"),
      staff_role: opt.role(world.staffRole.id),
      log_channel: opt.channel(logs.id),
    },
  }));
  assert.equal(discord.callsOf("createChannel").length, 0);
  assert.equal(discord.callsOf("createRole").length, 0);
  const type = await world.stores.types.defaultFor(discord.guildId);
  assert.equal(type.categoryId, category.id);
  assert.deepEqual(type.staffRoleIds, [world.staffRole.id]);
});

Deno.test("handleSetup() refuses members without Manage Server and wrong option kinds", async () => {
  await using world = await openTicketWorld();
  refusalText(await world.run(commandInput({ name: "setup", member: world.staff })), "not_admin");
  assert.equal(world.discord.callsOf("createChannel").length, 0);
  assert.deepEqual(world.ctx.defers, []);

  const text = world.discord.addChannel({ name: "general", kind: "text" });
  refusalText(
    await world.run(commandInput({
      name: "setup",
      member: world.admin,
      options: { category: opt.channel(text.id, "text") },
    })),
    "invalid_value",
  );
  refusalText(
    await world.run(commandInput({
      name: "setup",
      member: world.admin,
      options: { staff_role: opt.role("999999999999" as never) },
    })),
    "invalid_value",
  );
});

Deno.test("handleSetup() refuses, naming the permission, when the bot cannot make channels private", async () => {
  await using world = await openTicketWorld();
  const { discord, admin } = world;
  discord.botPermissions &= ~Permission.ManageRoles;
  const reply = await world.run(commandInput({ name: "setup", member: admin }));
  assert.match(refusalText(reply, "bot_missing_permissions"), /lacks Manage Roles/);
  assert.equal(discord.callsOf("createChannel").length, 0, "nothing was created");
  assert.equal(discord.callsOf("createRole").length, 0);
});

Deno.test("handleSetup() judges overwrites by the bot's roles, not by the channel it ran in", async () => {
  await using world = await openTicketWorld();
  const { discord, admin } = world;
  // In a channel the bot cannot see, Discord sends app_permissions 0.
  const reply = await world.run(commandInput({ name: "setup", member: admin, appPermissions: 0n }));
  assert.equal(reply.kind, "message");
  const logs = discord.channelNamed("ticket-logs");
  assert.equal(
    logs?.overwrites.find((o) => o.id === (discord.guildId as string))?.deny,
    Permission.ViewChannel,
  );
});
