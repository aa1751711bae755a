import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";
import type { MemberRef } from "../interaction.ts";
import { suggest } from "./autocomplete.ts";

const typeCommand = (
  member: MemberRef,
  subcommand: string,
  options: Record<string, string> = {},
) =>
  commandInput({
    name: "type",
    subcommand,
    member,
    options: Object.fromEntries(Object.entries(options).map(([k, v]) => [k, opt.string(v)])),
  });

Deno.test("/type create adds a type, refuses a taken name and a member without Manage Server", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  refusalText(
    await world.run(typeCommand(world.staff, "create", { name: "Billing" })),
    "not_admin",
  );
  const reply = await world.run(
    typeCommand(world.admin, "create", { name: "Billing", emoji: "💳" }),
  );
  assert.match(contentOf(reply), /Billing/);
  const billing = await world.stores.types.byName(TEST_GUILD_ID, "billing");
  assert.equal(billing?.emoji, "💳");
  assert.deepEqual(
    billing?.staffRoleIds,
    [world.staffRole.id],
    "a new type is handled by the guild's staff roles",
  );
  const taken = refusalText(
    await world.run(typeCommand(world.admin, "create", { name: "BILLING" })),
    "type_name_taken",
  );
  assert.match(taken, /exists already/);
});

Deno.test("/type set changes a setting and names the rule a value breaks", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.run(typeCommand(world.admin, "create", { name: "Bugs" }));
  const bugs = (await world.stores.types.byName(TEST_GUILD_ID, "Bugs"))!;
  const set = (setting: string, value: string, member = world.admin) =>
    world.run(typeCommand(member, "set", { setting, type: String(bugs.id), value }));
  refusalText(await set("max_open", "3", world.alice), "not_admin");
  contentOf(await set("max_open", "3"));
  contentOf(await set("support_hours", "Mon-Fri 09:00-17:00 Europe/Berlin block"));
  contentOf(await set("questions", "Steps (paragraph); Platform (choice: Web, App) [optional]"));
  const type = (await world.stores.types.get(bugs.id))!;
  assert.equal(type.maxOpenPerMember, 3);
  assert.deepEqual(type.supportHours, {
    schedule: "Mon-Fri 09:00-17:00 Europe/Berlin",
    policy: "block",
  });
  assert.deepEqual(type.questions.map((q) => [q.style, q.required]), [
    ["paragraph", true],
    ["choice", false],
  ]);
  assert.match(refusalText(await set("max_open", "500"), "invalid_value"), /at most 100/);
  assert.match(refusalText(await set("feedback", "maybe"), "invalid_value"), /on or off/);
  assert.match(
    refusalText(await set("questions", "Pick (choice: Only)"), "invalid_value"),
    /questions\[0\]\.options: at least 2/,
  );
  refusalText(
    await world.run(
      typeCommand(world.admin, "set", { setting: "feedback", type: "999", value: "on" }),
    ),
    "unknown_type",
  );
});

Deno.test("/type set staff_roles re-applies the overwrites of the type's open tickets", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const type = (await world.stores.types.get(ticket.typeId))!;
  const extra = world.discord.addRole("Billing team");
  const reply = await world.run(typeCommand(world.admin, "set", {
    setting: "staff_roles",
    type: String(type.id),
    value: `<@&${extra.id}>`,
  }));
  contentOf(reply);
  const edits = world.discord.callsOf("editChannel").map((c) => c.args);
  assert.equal(edits.length, 1, "one edit of the ticket's channel");
  const ids = world.discord.channels.get(ticket.channelId!)!.overwrites.map((o) => o.id);
  assert.ok(ids.includes(extra.id), "the new staff role is in");
  assert.ok(!ids.includes(world.staffRole.id), "the old staff role is out");
  assert.ok(ids.includes(world.alice.user.id), "the opener keeps access");
});

Deno.test("/type delete refuses the default type and deletes one without open tickets", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const def = await world.stores.types.defaultFor(TEST_GUILD_ID);
  refusalText(
    await world.run(typeCommand(world.admin, "delete", { type: String(def.id) })),
    "type_is_default",
  );
  await world.openTicketAs(world.alice);
  await world.run(typeCommand(world.admin, "create", { name: "Old" }));
  const old = (await world.stores.types.byName(TEST_GUILD_ID, "Old"))!;
  assert.match(
    contentOf(await world.run(typeCommand(world.admin, "delete", { type: "old" }))),
    /deleted/,
  );
  assert.equal(await world.stores.types.get(old.id), null);
  const list = await world.run(typeCommand(world.admin, "list"));
  assert.equal(
    list.kind === "message" && list.body.embeds?.[0]?.description?.includes("Old"),
    false,
  );
});

Deno.test("suggest() offers the guild's types that match what was typed", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.run(typeCommand(world.admin, "create", { name: "Billing", emoji: "💳" }));
  await world.run(typeCommand(world.admin, "create", { name: "Bug report" }));
  const base = commandInput({ name: "type", subcommand: "delete", member: world.admin });
  const choices = await suggest(
    { ...base, kind: "autocomplete", focused: { name: "type", value: "B" } },
    world.stores,
  );
  assert.deepEqual(choices.map((c) => c.name), ["💳 Billing", "Bug report"]);
  const none = await suggest(
    { ...base, kind: "autocomplete", focused: { name: "value", value: "" } },
    world.stores,
  );
  assert.deepEqual(none, []);
});
