/**
 * Saved answers and the queue against the fake Discord: `/tag` from staff and
 * from a member (the form first, then its answer), a tag sent in a ticket that
 * may mention only the opener, and `/ticket list` with its filters and pages.
 */
import assert from "node:assert/strict";
import { autocompleteQuery, modalSubmit, slashCommand } from "../fixtures/interactions.ts";
import {
  answerOf,
  buttonIds,
  command,
  newMember,
  openTicket,
  press,
  setUpGuild,
  type TicketGuild,
} from "./world.ts";
import { startWorld } from "./boot.ts";
import { guildId } from "../../src/core/ids.ts";

async function createTag(g: TicketGuild, user: string, name: string, text: string) {
  const handle = g.fake.interact(slashCommand(g.fake, {
    guild: g.guild,
    channel: g.general,
    user,
    name: "tag",
    subcommand: "create",
  }));
  const first = await handle.response;
  assert.equal(first.type, 9, "the form is the first answer");
  const modal = first.data as {
    custom_id: string;
    components: Array<{ component: { custom_id: string; style: number } }>;
  };
  const [nameField, textField] = modal.components.map((c) => c.component.custom_id);
  return await answerOf(g.fake.interact(modalSubmit(g.fake, {
    guild: g.guild,
    channel: g.general,
    user,
    customId: modal.custom_id,
    fields: { [nameField!]: name, [textField!]: text },
  })));
}

Deno.test("staff keep saved answers and send them in a ticket; members are refused", async () => {
  await using world = await startWorld();
  const { fake } = world;
  const g = await setUpGuild(fake, 1);
  const opener = g.members[0]!;

  const refused = await command(g, { user: opener, name: "tag", subcommand: "create" });
  assert.ok(refused.ephemeral);
  assert.match(refused.text, /Only staff and members with Manage Server/);

  const created = await createTag(g, g.staff, "Refund", "Hi {opener},\nrefunds take 5 days.");
  assert.ok(created.ephemeral);
  assert.match(created.text, /Saved answer “Refund” added/);
  const taken = await createTag(g, g.owner, "refund", "Other text");
  assert.match(taken.text, /exists already/);
  const edit = await fake.interact(slashCommand(fake, {
    guild: g.guild,
    channel: g.general,
    user: g.owner,
    name: "tag",
    subcommand: "edit",
    options: { name: "REFUND" },
  })).response;
  assert.equal(edit.type, 9, "the edit form is the first answer");
  const form = edit.data as {
    custom_id: string;
    components: Array<{ component: { custom_id: string; value?: string } }>;
  };
  assert.equal(form.components[0]?.component.value, "Hi {opener},\nrefunds take 5 days.");
  const edited = await answerOf(fake.interact(modalSubmit(fake, {
    guild: g.guild,
    channel: g.general,
    user: g.owner,
    customId: form.custom_id,
    fields: { [form.components[0]!.component.custom_id]: "Hi {opener},\nrefunds take 3 days." },
  })));
  assert.match(edited.text, /Saved answer “Refund” changed/);

  const choices = await fake.interact(autocompleteQuery(fake, {
    guild: g.guild,
    channel: g.general,
    user: g.staff,
    name: "tag",
    subcommand: "send",
    focused: "name",
    typed: "ref",
  })).response;
  assert.deepEqual((choices.data as { choices: unknown[] }).choices, [
    { name: "Refund", value: "Refund" },
  ]);

  const outside = await command(g, {
    user: g.staff,
    name: "tag",
    subcommand: "send",
    options: { name: "Refund" },
  });
  assert.match(outside.text, /inside a ticket/);

  const channel = await openTicket(g, opener);
  const byMember = await command(g, {
    user: opener,
    name: "tag",
    subcommand: "send",
    channel: channel.id,
    options: { name: "Refund" },
  });
  assert.ok(byMember.ephemeral);
  assert.match(byMember.text, /Only staff of this ticket’s type/);
  const unknown = await command(g, {
    user: g.staff,
    name: "tag",
    subcommand: "send",
    channel: channel.id,
    options: { name: "Nope" },
  });
  assert.match(unknown.text, /no saved answer named “Nope”/);

  const sent = await command(g, {
    user: g.staff,
    name: "tag",
    subcommand: "send",
    channel: channel.id,
    options: { name: "refund" },
  });
  assert.equal(sent.ephemeral, false, "everyone in the ticket reads it");
  assert.equal(sent.body.content, `Hi <@${opener}>,\nrefunds take 3 days.`);
  assert.deepEqual(sent.body.allowed_mentions, { users: [opener] });
  const posted = fake.state.messagesIn(channel.id).at(-1);
  assert.equal(posted?.content, `Hi <@${opener}>,\nrefunds take 3 days.`);

  const list = await command(g, { user: g.staff, name: "tag", subcommand: "list" });
  assert.ok(list.ephemeral);
  assert.match(list.text, /\*\*Refund\*\*: Hi \{opener\}, refunds take 3 days\./);
  const actions = (await world.app.stores.audit.recent(guildId(g.guild), 10)).map((e) => e.action);
  assert.ok(actions.includes("tag.create") && actions.includes("tag.send"), actions.join());
  fake.assertNoViolations();
});

Deno.test("/ticket list is the staff's queue: filters, and Previous/Next beyond 20", async () => {
  await using world = await startWorld();
  const { fake } = world;
  const g = await setUpGuild(fake, 0);
  const channels = [];
  for (let i = 0; i < 22; i++) channels.push(await openTicket(g, newMember(g, `m${i}`)));
  const claim = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "claim",
    channel: channels[1]!.id,
  });
  assert.match(claim.text, /is handling/);

  const member = newMember(g, "curious");
  const refused = await command(g, { user: member, name: "ticket", subcommand: "list" });
  assert.ok(refused.ephemeral);
  assert.match(refused.text, /Only staff can see the queue/);

  const mine = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "list",
    options: { filter: "mine" },
  });
  assert.ok(mine.ephemeral);
  assert.match(mine.text, new RegExp(`#2\\*\\* <#${channels[1]!.id}>.*claimed by <@${g.staff}>`));
  assert.match(mine.text, /Page 1 of 1 · 1 ticket"/);

  const all = await command(g, { user: g.staff, name: "ticket", subcommand: "list" });
  assert.match(all.text, /Page 1 of 2 · 22 tickets/);
  assert.ok(all.text.includes(`<#${channels[19]!.id}>`));
  assert.ok(!all.text.includes(`<#${channels[20]!.id}>`));
  const [, next] = buttonIds(all.body);
  assert.ok(next && all.messageId, "a Next button on the answer");
  const paged = press(g, {
    user: g.staff,
    channel: g.general,
    messageId: all.messageId,
    customId: next,
  });
  const update = await paged.response;
  assert.equal(update.type, 7, "the same message shows the next page");
  const page2 = JSON.stringify(update.data);
  assert.ok(page2.includes(`<#${channels[20]!.id}>`) && page2.includes(`<#${channels[21]!.id}>`));
  assert.match(page2, /Page 2 of 2/);
  const shown = fake.state.findMessage(g.general, all.messageId);
  assert.match(JSON.stringify(shown?.embeds), /Page 2 of 2/);

  const unclaimed = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "list",
    options: { filter: "unclaimed" },
  });
  assert.match(unclaimed.text, /21 tickets/);
  const waiting = await command(g, {
    user: g.owner,
    name: "ticket",
    subcommand: "list",
    options: { filter: "waiting-member" },
  });
  assert.match(waiting.text, /No open ticket matches this filter/);
  fake.assertNoViolations();
});
