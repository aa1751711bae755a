import assert from "node:assert/strict";
import type { FakeDiscord, InteractionHandle } from "../fake_discord/fake_discord.ts";
import { Permission } from "../../src/core/permissions_bits.ts";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import { startWorld } from "./boot.ts";
import { buttonPayload, commandPayload } from "./payloads.ts";

/** The text a member finally reads: the first answer, or the edit after a defer. */
async function finalAnswer(handle: InteractionHandle): Promise<Record<string, unknown>> {
  const first = await handle.response;
  assert.ok(first.elapsedMs < 3000, `first answer after ${first.elapsedMs} ms`);
  if (first.type !== 5 && first.type !== 6) return first.data ?? {};
  const edit = await handle.waitForEvent("edit_original", 5000);
  return edit.body as Record<string, unknown>;
}

function textOf(body: Record<string, unknown>): string {
  const embeds = (body.embeds ?? []) as Array<Record<string, unknown>>;
  return [body.content, ...embeds.map((e) => JSON.stringify(e))].join("\n");
}

function guildWithChannel(fake: FakeDiscord, botPermissions?: bigint) {
  const guild = fake.createGuild({
    name: "Support HQ",
    ...(botPermissions === undefined ? {} : { botPermissions }),
  });
  const general = fake.createChannel(guild, { name: "general" });
  const member = fake.createMember(guild, { username: "alice" });
  return { guild: guild.id, general: general.id, owner: guild.owner_id, member: member.id };
}

Deno.test("/config show from an admin is answered within 3 seconds", async () => {
  await using world = await startWorld();
  const { fake } = world;
  const g = guildWithChannel(fake);
  const handle = fake.interact(
    commandPayload(fake, {
      guild: g.guild,
      channel: g.general,
      user: g.owner,
      name: "config",
      subcommand: "show",
    }),
  );
  const body = await finalAnswer(handle);
  assert.match(textOf(body), /ticket/i);
  fake.assertNoViolations();
});

Deno.test("setup, panel and the panel's button open a private ticket channel", async () => {
  await using world = await startWorld();
  const { fake } = world;
  // An Administrator bot: the bot's own member overwrite on ticket channels asks
  // for Manage Roles, which Discord lets only administrators grant.
  const g = guildWithChannel(fake, TYPICAL_BOT_PERMISSIONS | Permission.Administrator);
  const at = { guild: g.guild, channel: g.general };

  const setup = await finalAnswer(
    fake.interact(commandPayload(fake, { ...at, user: g.owner, name: "setup" })),
  );
  const category = [...fake.state.channels.values()].find((c) =>
    c.guild_id === g.guild && c.type === 4 && c.name === "Tickets"
  );
  assert.ok(category, `setup creates the Tickets category; it answered: ${textOf(setup)}`);

  await finalAnswer(fake.interact(commandPayload(fake, { ...at, user: g.owner, name: "panel" })));
  const panel = (fake.state.messages.get(g.general) ?? []).find((m) =>
    m.author_id === fake.botUser.id && m.components.length > 0
  );
  assert.ok(panel, "the panel is posted in the channel");
  const row = panel.components[0] as { components: Array<{ custom_id?: string }> };
  const customId = row.components[0]?.custom_id;
  assert.ok(customId);

  const press = fake.interact(
    buttonPayload(fake, { ...at, user: g.member, customId, messageId: panel.id }),
  );
  const answer = await finalAnswer(press);
  const ticket = [...fake.state.channels.values()].find((c) =>
    c.guild_id === g.guild && c.parent_id === category.id && c.type === 0
  );
  assert.ok(ticket, "a ticket channel is created in the category");
  assert.match(textOf(answer), new RegExp(`<#${ticket.id}>`));
  const everyone = ticket.permission_overwrites.find((o) => o.id === g.guild);
  assert.ok(everyone && (BigInt(everyone.deny) & (1n << 10n)) !== 0n, "@everyone cannot view");
  const opener = ticket.permission_overwrites.find((o) => o.id === g.member);
  assert.ok(opener && (BigInt(opener.allow) & (1n << 10n)) !== 0n, "the opener can view");
  fake.assertNoViolations();
});
