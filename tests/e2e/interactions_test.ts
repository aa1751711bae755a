import assert from "node:assert/strict";
import { Permission } from "../../src/core/permissions_bits.ts";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import { answerOf, command, newMember, postPanel, pressPanel, startGuildWorld } from "./world.ts";

Deno.test("/config show from an admin is answered within 3 seconds", async () => {
  await using world = await startGuildWorld();
  const { fake } = world;
  const answer = await command(world, { user: world.owner, name: "config", subcommand: "show" });
  assert.match(answer.text, /ticket/i);
  fake.assertNoViolations();
});

Deno.test("setup, panel and the panel's button open a private ticket channel", async () => {
  // An Administrator bot: the bot's own member overwrite on ticket channels asks
  // for Manage Roles, which Discord lets only administrators grant.
  await using world = await startGuildWorld({
    botPermissions: TYPICAL_BOT_PERMISSIONS | Permission.Administrator,
  });
  const { fake } = world;
  const member = newMember(world, "alice");

  const setup = await command(world, { user: world.owner, name: "setup" });
  const category = fake.state.channelsOf(world.guild).find((c) =>
    c.type === 4 && c.name === "Tickets"
  );
  assert.ok(category, `setup creates the Tickets category; it answered: ${setup.text}`);

  const panel = await postPanel(world);
  assert.ok(panel.customId);

  const answer = await answerOf(pressPanel(world, panel, member));
  const ticket = fake.state.channelsOf(world.guild).find((c) =>
    c.parent_id === category.id && c.type === 0
  );
  assert.ok(ticket, "a ticket channel is created in the category");
  assert.match(answer.text, new RegExp(`<#${ticket.id}>`));
  const everyone = ticket.permission_overwrites.find((o) => o.id === world.guild);
  assert.ok(everyone && (BigInt(everyone.deny) & (1n << 10n)) !== 0n, "@everyone cannot view");
  const opener = ticket.permission_overwrites.find((o) => o.id === member);
  assert.ok(opener && (BigInt(opener.allow) & (1n << 10n)) !== 0n, "the opener can view");
  fake.assertNoViolations();
});
