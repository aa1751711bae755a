/**
 * Panels against the fake Discord: several types as buttons, an edit that
 * changes the posted message in place (PATCH, same message), a select menu
 * that opens the chosen type, the list, and deletion.
 */
import assert from "node:assert/strict";
import { Permission } from "../../src/core/permissions_bits.ts";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import { buttonPress } from "../fixtures/interactions.ts";
import { answerOf, botMessagesIn, command, newMember, runSetup, startGuildWorld } from "./world.ts";

Deno.test("/panel create, edit in place, list and delete a panel of several types", async () => {
  await using world = await startGuildWorld({
    botPermissions: TYPICAL_BOT_PERMISSIONS | Permission.Administrator,
  });
  const { fake } = world;
  const setup = await runSetup(world);
  for (const name of ["Billing", "Bugs"]) {
    await command(world, {
      user: world.owner,
      name: "type",
      subcommand: "create",
      options: { name },
    });
    const set = await command(world, {
      user: world.owner,
      name: "type",
      subcommand: "set",
      options: { setting: "category", type: name, value: setup.category.id },
    });
    assert.match(set.text, /changed/);
  }
  const posted = await command(world, {
    user: world.owner,
    name: "panel",
    subcommand: "create",
    options: { title: "Help desk", types: "Support, Billing, Bugs" },
  });
  assert.match(posted.text, /Panel posted/);
  const message = botMessagesIn(fake, world.general).findLast((m) => m.components.length > 0)!;
  const labels = (message.components as Array<{ components: Array<{ label: string }> }>)
    .flatMap((row) => row.components.map((c) => c.label));
  assert.deepEqual(labels, ["Support", "Billing", "Bugs"]);

  const listed = await command(world, { user: world.owner, name: "panel", subcommand: "list" });
  const panelId = /panel (\d+)\)/.exec(listed.text)?.[1];
  assert.ok(panelId, listed.text);

  const before = fake.calls.length;
  const edited = await command(world, {
    user: world.owner,
    name: "panel",
    subcommand: "edit",
    options: { panel: panelId, title: "Ask us", style: "select", types: "Billing, Bugs" },
  });
  assert.match(edited.text, /was changed/);
  const after = fake.calls.slice(before);
  assert.ok(after.some((r) => r.method === "PATCH" && r.path.endsWith(`/messages/${message.id}`)));
  assert.ok(
    !after.some((r) =>
      r.method === "POST" && r.path.endsWith(`/channels/${world.general}/messages`)
    ),
  );
  const same = fake.state.findMessage(world.general, message.id)!;
  assert.equal((same.embeds[0] as { title: string }).title, "Ask us");
  const select = (same.components[0] as { components: Array<Record<string, unknown>> })
    .components[0]!;
  assert.equal(select.type, 3);
  assert.equal(select.custom_id, "t2:pick");
  const bugs = (select.options as Array<{ label: string; value: string }>)
    .find((o) => o.label === "Bugs")!;

  const alice = newMember(world, "alice");
  const picked = await answerOf(fake.interact({
    ...buttonPress(fake, {
      guild: world.guild,
      channel: world.general,
      user: alice,
      customId: "t2:pick",
      messageId: message.id,
    }),
    // A select menu submits the chosen option's value (component type 3).
    data: { custom_id: "t2:pick", component_type: 3, values: [bugs.value] },
  }));
  assert.match(picked.text, /<#\d+>/);

  const deleted = await command(world, {
    user: world.owner,
    name: "panel",
    subcommand: "delete",
    options: { panel: panelId },
  });
  assert.match(deleted.text, /was deleted/);
  assert.equal(fake.state.findMessage(world.general, message.id), undefined);
  fake.assertNoViolations();
});
