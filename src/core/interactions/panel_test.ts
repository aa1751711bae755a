import assert from "node:assert/strict";
import { openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";

Deno.test("/panel posts an embed with a create-ticket button and saves the panel", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const target = world.discord.addChannel({ name: "help", kind: "text" });
  const reply = await world.run(commandInput({
    name: "panel",
    member: world.admin,
    options: {
      channel: opt.channel(target.id),
      title: opt.string("Need a hand?"),
      label: opt.string("Open ticket"),
    },
  }));
  assert.equal(reply.kind === "message" && reply.ephemeral, true);
  const posted = world.discord.messagesIn(target.id)[0];
  assert.ok(posted);
  assert.equal(posted.body.embeds?.[0]?.title, "Need a hand?");
  const button = posted.body.components?.[0]?.components[0];
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  assert.deepEqual(button, {
    type: 2,
    style: 1,
    label: "Open ticket",
    custom_id: `t1:open:${type.id}`,
  });
  const panel = await world.stores.panels.byMessage(posted.id);
  assert.equal(panel?.typeId, type.id);
  assert.equal(panel?.buttonLabel, "Open ticket");
  assert.equal(panel?.createdBy, world.admin.user.id);
});

Deno.test("/panel refuses non-admins, an unconfigured guild and a category as target", async () => {
  await using world = await openTicketWorld();
  refusalText(
    await world.run(commandInput({ name: "panel", member: world.admin })),
    "not_configured",
  );
  await world.setUp();
  refusalText(await world.run(commandInput({ name: "panel", member: world.staff })), "not_admin");
  const category = world.discord.addChannel({ name: "cat", kind: "category" });
  refusalText(
    await world.run(commandInput({
      name: "panel",
      member: world.admin,
      options: { channel: opt.channel(category.id, "category") },
    })),
    "invalid_value",
  );
  assert.equal(
    world.discord.callsOf("sendMessage").filter((c) => c.args[0] === category.id).length,
    0,
  );
});
