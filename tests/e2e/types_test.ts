/**
 * Ticket types against the fake Discord: `/type` commands from an admin and
 * from a member, and the `type:` option's autocomplete answered with choices.
 */
import assert from "node:assert/strict";
import { autocompleteQuery } from "../fixtures/interactions.ts";
import { command, newMember, runSetup, startGuildWorld } from "./world.ts";

Deno.test("/type create, set and list work for an admin and are refused to a member", async () => {
  await using world = await startGuildWorld();
  const { fake } = world;
  await runSetup(world);
  const alice = newMember(world, "alice");

  const refused = await command(world, {
    user: alice,
    name: "type",
    subcommand: "create",
    options: { name: "Billing" },
  });
  assert.match(refused.text, /Only members with Manage Server/);
  assert.ok(refused.ephemeral);

  const created = await command(world, {
    user: world.owner,
    name: "type",
    subcommand: "create",
    options: { name: "Billing", emoji: "💳" },
  });
  assert.match(created.text, /Ticket type “Billing” added/);
  const set = await command(world, {
    user: world.owner,
    name: "type",
    subcommand: "set",
    options: { setting: "max_open", type: "Billing", value: "2" },
  });
  assert.match(set.text, /max_open of “Billing” changed/);
  const list = await command(world, { user: world.owner, name: "type", subcommand: "list" });
  assert.match(list.text, /💳 Billing\*\*: staff .*up to 2 open per member/);
  fake.assertNoViolations();
});

Deno.test("the type option is answered with matching types as autocomplete choices", async () => {
  await using world = await startGuildWorld();
  const { fake } = world;
  await runSetup(world);
  for (const name of ["Billing", "Bug report", "Appeal"]) {
    await command(world, {
      user: world.owner,
      name: "type",
      subcommand: "create",
      options: { name },
    });
  }
  const handle = fake.interact(autocompleteQuery(fake, {
    guild: world.guild,
    channel: world.general,
    user: world.owner,
    name: "type",
    subcommand: "delete",
    focused: "type",
    typed: "b",
  }));
  const answer = await handle.response;
  assert.equal(answer.type, 8);
  const choices = (answer.data as { choices: Array<{ name: string; value: string }> }).choices;
  assert.deepEqual(choices.map((c) => c.name), ["Billing", "Bug report"]);
  // The value a choice carries opens that type's `/type delete`.
  const deleted = await command(world, {
    user: world.owner,
    name: "type",
    subcommand: "delete",
    options: { type: choices[1]!.value },
  });
  assert.match(deleted.text, /“Bug report” deleted/);
  assert.throws(
    () =>
      autocompleteQuery(fake, {
        guild: world.guild,
        channel: world.general,
        user: world.owner,
        name: "type",
        subcommand: "set",
        focused: "value",
        typed: "x",
      }),
    /does not declare autocomplete/,
  );
  fake.assertNoViolations();
});
