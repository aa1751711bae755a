import assert from "node:assert/strict";
import type { TextInput } from "../message_body.ts";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, modalInput, opt } from "../../../tests/fixtures/inputs.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";
import type { ChannelId } from "../ids.ts";
import type { AutocompleteInput, MemberRef } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { suggest } from "./autocomplete.ts";
import { TAG_FIELDS } from "../tags/tag_form.ts";
import { fillTag } from "../tags/fill_tag.ts";

const tagCommand = (
  member: MemberRef,
  subcommand: string,
  options: { name?: string; channelId?: ChannelId } = {},
) =>
  commandInput({
    name: "tag",
    subcommand,
    member,
    ...(options.channelId === undefined ? {} : { channelId: options.channelId }),
    options: options.name === undefined ? {} : { name: opt.string(options.name) },
  });

const submitForm = (member: MemberRef, mode: "new" | "edit", name: string, text: string) =>
  modalInput({
    member,
    customId: mode === "new" ? "t1:tag:new" : `t1:tag:edit:${name}`,
    fields: mode === "new"
      ? { [TAG_FIELDS.name]: name, [TAG_FIELDS.text]: text }
      : { [TAG_FIELDS.text]: text },
  });

function modalOf(reply: Reply) {
  if (reply.kind !== "modal") throw new Error(`Expected a modal, got ${JSON.stringify(reply)}`);
  return reply.modal;
}

Deno.test("/tag create shows a form first; its answer saves the tag and is audited", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const defers = world.ctx.defers.length;
  const modal = modalOf(await world.run(tagCommand(world.staff, "create")));
  assert.equal(modal.custom_id, "t1:tag:new");
  assert.deepEqual(modal.components.map((c) => (c.component as TextInput).style), [1, 2]);
  assert.equal((modal.components[1]?.component as TextInput | undefined)?.max_length, 2000);
  assert.match(modal.components[1]?.description ?? "", /\{opener\} \{staff\} \{number\}/);
  assert.equal(world.ctx.defers.length, defers, "a form is the first answer, never after a defer");

  const saved = await world.run(
    submitForm(world.staff, "new", "Refund", "Hi {opener},\nrefunds take 5 days."),
  );
  assert.equal(saved.kind === "message" && saved.ephemeral, true);
  assert.match(contentOf(saved), /Refund/);
  const tag = await world.stores.tags.get(TEST_GUILD_ID, "refund");
  assert.equal(tag?.content, "Hi {opener},\nrefunds take 5 days.");
  assert.equal(tag?.createdBy, world.staff.user.id);
  const [event] = await world.stores.audit.recent(TEST_GUILD_ID, 1);
  assert.equal(event?.action, "tag.create");
  assert.equal(event?.actorId, world.staff.user.id);
});

Deno.test("/tag refuses members, a taken name, an unknown name and a text over 2,000 characters", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  refusalText(await world.run(tagCommand(world.alice, "create")), "not_staff");
  refusalText(await world.run(tagCommand(world.alice, "list")), "not_staff");
  refusalText(await world.run(tagCommand(world.alice, "edit", { name: "x" })), "not_staff");
  refusalText(await world.run(tagCommand(world.alice, "delete", { name: "x" })), "not_staff");
  refusalText(await world.run(submitForm(world.alice, "new", "Sneaky", "text")), "not_staff");
  assert.equal(await world.stores.tags.get(TEST_GUILD_ID, "Sneaky"), null);

  contentOf(await world.run(submitForm(world.staff, "new", "Hello", "Hello!")));
  const taken = refusalText(
    await world.run(submitForm(world.admin, "new", "HELLO", "Again")),
    "tag_name_taken",
  );
  assert.match(taken, /exists already/);
  assert.equal((await world.stores.tags.get(TEST_GUILD_ID, "hello"))?.content, "Hello!");

  const long = refusalText(
    await world.run(submitForm(world.staff, "new", "Long", "x".repeat(2001))),
    "invalid_value",
  );
  assert.match(long, /2001 characters.*at most 2000/);
  refusalText(await world.run(submitForm(world.staff, "new", "  ", "text")), "invalid_value");
  refusalText(await world.run(submitForm(world.staff, "new", "Blank", " ")), "invalid_value");
  refusalText(
    await world.run(submitForm(world.staff, "new", "n".repeat(81), "text")),
    "invalid_value",
  );
  assert.equal((await world.stores.tags.list(TEST_GUILD_ID)).length, 1);

  const unknown = refusalText(
    await world.run(tagCommand(world.staff, "edit", { name: "nope" })),
    "unknown_tag",
  );
  assert.match(unknown, /“nope”.*\/tag list/);
  refusalText(await world.run(tagCommand(world.staff, "delete", { name: "nope" })), "unknown_tag");
  refusalText(await world.run(submitForm(world.staff, "edit", "nope", "x")), "unknown_tag");
  // A tag whose name is too long for the edit form's id (one from the configuration file).
  await world.stores.tags.create({
    guildId: TEST_GUILD_ID,
    name: "l".repeat(95),
    content: "long",
    createdBy: world.admin.user.id,
  });
  refusalText(
    await world.run(tagCommand(world.staff, "edit", { name: "l".repeat(95) })),
    "invalid_value",
  );
});

Deno.test("/tag edit fills the form in and saves the new text; /tag delete removes it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.run(submitForm(world.staff, "new", "Hours", "9 to 5"));
  const modal = modalOf(await world.run(tagCommand(world.staff, "edit", { name: "hours" })));
  assert.equal(modal.custom_id, "t1:tag:edit:Hours", "the form changes the tag it was opened for");
  assert.equal(modal.title, "Edit “Hours”");
  assert.deepEqual(modal.components.map((c) => (c.component as TextInput).value), ["9 to 5"]);
  assert.match(
    contentOf(await world.run(submitForm(world.admin, "edit", "Hours", "9 to 6"))),
    /changed/,
  );
  assert.equal((await world.stores.tags.get(TEST_GUILD_ID, "Hours"))?.content, "9 to 6");

  const list = await world.run(tagCommand(world.staff, "list"));
  assert.ok(list.kind === "message" && list.ephemeral);
  assert.match(JSON.stringify(list.body.embeds), /\*\*Hours\*\*: 9 to 6/);

  assert.match(
    contentOf(await world.run(tagCommand(world.staff, "delete", { name: "HOURS" }))),
    /deleted/,
  );
  assert.equal(await world.stores.tags.get(TEST_GUILD_ID, "Hours"), null);
  assert.match(contentOf(await world.run(tagCommand(world.staff, "list"))), /no saved answers/);
  const actions = (await world.stores.audit.recent(TEST_GUILD_ID, 3)).map((e) => e.action);
  assert.deepEqual(actions, ["tag.delete", "tag.edit", "tag.create"]);
});

Deno.test("/tag send posts the filled text in the ticket, mentioning only the opener", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await world.run(
    submitForm(
      world.staff,
      "new",
      "Welcome",
      "Hi {opener}, I am {staff}. Ticket {number}. @everyone {other}",
    ),
  );
  const reply = await world.run(
    tagCommand(world.staff, "send", { name: "welcome", channelId: ticket.channelId! }),
  );
  assert.ok(reply.kind === "message" && !reply.ephemeral, "everyone in the ticket sees it");
  assert.equal(
    reply.body.content,
    `Hi <@${world.alice.user.id}>, I am <@${world.staff.user.id}>. Ticket 1. @everyone {other}`,
  );
  assert.deepEqual(reply.body.allowed_mentions, { users: [world.alice.user.id] });
  const [event] = await world.stores.audit.recent(TEST_GUILD_ID, 1);
  assert.equal(event?.action, "tag.send");
  assert.equal(event?.ticketId, ticket.id);
});

Deno.test("/tag send refuses outside a ticket, the opener, and an unknown name", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await world.run(submitForm(world.staff, "new", "Bye", "Bye!"));
  const outside = refusalText(
    await world.run(tagCommand(world.staff, "send", { name: "Bye" })),
    "not_a_ticket",
  );
  assert.match(outside, /inside a ticket/);
  const here = { name: "Bye", channelId: ticket.channelId! };
  refusalText(await world.run(tagCommand(world.alice, "send", here)), "not_staff");
  refusalText(await world.run(tagCommand(world.bob, "send", here)), "not_staff");
  refusalText(
    await world.run(tagCommand(world.staff, "send", { ...here, name: "Hi" })),
    "unknown_tag",
  );
  assert.equal((await world.stores.audit.recent(TEST_GUILD_ID, 1))[0]?.action, "tag.create");
});

Deno.test("tag names are suggested to staff only", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.run(submitForm(world.staff, "new", "Refund", "a"));
  await world.run(submitForm(world.staff, "new", "Shipping", "b"));
  const typing = (member: MemberRef, value: string): AutocompleteInput => ({
    ...commandInput({ name: "tag", subcommand: "send", member }),
    kind: "autocomplete",
    focused: { name: "name", value },
  });
  assert.deepEqual(await suggest(typing(world.staff, "ship"), world.ctx), [
    { name: "Shipping", value: "Shipping" },
  ]);
  assert.deepEqual((await suggest(typing(world.staff, ""), world.ctx)).length, 2);
  assert.deepEqual(await suggest(typing(world.alice, ""), world.ctx), []);
});

Deno.test("fillTag() fills the three placeholders and leaves other braces", () => {
  assert.equal(
    fillTag("{opener} {staff} #{number} {x} {number}", {
      opener: "1" as never,
      staff: "2" as never,
      number: 7,
    }),
    "<@1> <@2> #7 {x} 7",
  );
});

Deno.test("/tag answers and its form follow the reader's language", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const modal = modalOf(await world.run({ ...tagCommand(world.staff, "create"), locale: "de" }));
  assert.equal(modal.title, "Neuer Textbaustein");
  assert.equal(modal.components[1]?.description, "Platzhalter: {opener} {staff} {number}");
  const saved = await world.run({
    ...submitForm(world.staff, "new", "Gruß", "Hallo"),
    locale: "de",
  });
  assert.equal(
    contentOf(saved),
    "Textbaustein „Gruß“ hinzugefügt. Sende ihn in einem Ticket mit `/tag send`.",
  );
  const taken = await world.run({
    ...submitForm(world.staff, "new", "gruß", "x"),
    locale: "es-ES",
  });
  assert.match(
    refusalText(taken, "tag_name_taken"),
    /^Ya existe una respuesta guardada llamada «gruß»/,
  );
});
