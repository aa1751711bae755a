import assert from "node:assert/strict";
import { openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, componentInput, opt } from "../../../tests/fixtures/inputs.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";
import { defaultTypeSettings } from "../model.ts";
import type { MemberRef } from "../interaction.ts";
import type { Button, MessageBody } from "../message_body.ts";
import type { Reply } from "../reply.ts";

const list = (member: MemberRef, filter?: string) =>
  commandInput({
    name: "ticket",
    subcommand: "list",
    member,
    options: filter === undefined ? {} : { filter: opt.string(filter) },
  });

function bodyOf(reply: Reply): MessageBody {
  if (reply.kind === "message" || reply.kind === "update") return reply.body;
  throw new Error(`Expected a message, got ${JSON.stringify(reply)}`);
}
const linesOf = (body: MessageBody) => (body.embeds?.[0]?.description ?? "").split("\n");
const buttonsOf = (body: MessageBody) =>
  (body.components ?? []).flatMap((row) => row.components as unknown[]) as Button[];

Deno.test("/ticket list shows staff the open tickets oldest first, with who they wait for", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const first = await world.openTicketAs(world.alice);
  await world.openTicketAs(world.bob);
  await world.stores.tickets.claim(first.id, world.staff.user.id, null);
  await world.stores.tickets.setWaitingFor(first.id, "staff");
  await world.stores.tickets.setPriority(first.id, "urgent");

  const reply = await world.run(list(world.staff));
  assert.ok(reply.kind === "message" && reply.ephemeral, "only the one who asked sees it");
  const body = bodyOf(reply);
  const lines = linesOf(body);
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, new RegExp(`^\\*\\*#1\\*\\* <#${first.channelId}> · `));
  assert.match(lines[0]!, /opened <t:\d+:R>/);
  assert.match(
    lines[0]!,
    new RegExp(`waits for staff · claimed by <@${world.staff.user.id}> · urgent`),
  );
  assert.match(lines[1]!, /^\*\*#2\*\*.*no messages yet · unclaimed · normal$/);
  assert.deepEqual(body.allowed_mentions, { parse: [] });
  assert.deepEqual(buttonsOf(body), [], "one page needs no buttons");

  const mine = linesOf(bodyOf(await world.run(list(world.staff, "mine"))));
  assert.deepEqual(mine.map((l) => l.slice(0, 6)), ["**#1**"]);
  const waiting = bodyOf(await world.run(list(world.staff, "waiting-member")));
  assert.match(waiting.embeds?.[0]?.description ?? "", /No open ticket matches/);
});

Deno.test("/ticket list refuses members and shows staff only their types' tickets", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.openTicketAs(world.alice);
  refusalText(await world.run(list(world.alice)), "not_staff");
  refusalText(await world.run(list(world.bob, "mine")), "not_staff");
  refusalText(await world.run(list(world.staff, "everything")), "invalid_value");

  const role = world.discord.addRole("Billing team");
  const created = await world.stores.types.create(TEST_GUILD_ID, {
    ...defaultTypeSettings("Billing"),
    staffRoleIds: [role.id],
  });
  assert.equal(created.kind, "created");
  const biller = world.newMember("biller");
  biller.roles.push(role.id);
  const theirs = bodyOf(await world.run(list(biller)));
  assert.match(theirs.embeds?.[0]?.description ?? "", /No open ticket/);
  const admins = linesOf(bodyOf(await world.run(list(world.admin))));
  assert.equal(admins.length, 1, "Manage Server sees every type");
});

Deno.test("/ticket list pages beyond 20 with Previous and Next", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  for (let i = 0; i < 23; i++) await world.openTicketAs(world.newMember(`m${i}`));
  const body = bodyOf(await world.run(list(world.staff, "unclaimed")));
  assert.equal(linesOf(body).length, 20);
  assert.match(body.embeds?.[0]?.footer?.text ?? "", /Page 1 of 2 · 23 tickets/);
  const [previous, next] = buttonsOf(body);
  assert.equal(previous?.disabled, true);
  assert.equal(next?.disabled, false);
  assert.equal(next?.custom_id, "t1:queue:unclaimed:1");

  const paged = await world.run(componentInput({ customId: next!.custom_id, member: world.staff }));
  assert.equal(paged.kind, "update", "the same message shows the next page");
  const page2 = bodyOf(paged);
  assert.deepEqual(linesOf(page2).map((l) => l.slice(0, 7)), ["**#21**", "**#22**", "**#23**"]);
  assert.deepEqual(buttonsOf(page2).map((b) => b.disabled), [false, true]);
  const beyond = bodyOf(
    await world.run(componentInput({ customId: "t1:queue:all:9", member: world.staff })),
  );
  assert.match(beyond.embeds?.[0]?.footer?.text ?? "", /Page 2 of 2/);
  refusalText(
    await world.run(componentInput({ customId: next!.custom_id, member: world.alice })),
    "not_staff",
  );
});

Deno.test("/ticket list answers in the reader's language", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.openTicketAs(world.alice);
  const reply = await world.run({ ...list(world.staff, "unclaimed"), locale: "de" });
  const body = bodyOf(reply);
  assert.equal(body.embeds?.[0]?.title, "Offene Tickets: nicht übernommen");
  assert.match(
    linesOf(body)[0]!,
    /eröffnet <t:\d+:R> · noch keine Nachrichten · nicht übernommen · normal$/,
  );
  assert.match(body.embeds?.[0]?.footer?.text ?? "", /^Seite 1 von 1 · 1 Ticket$/);
  const refused = await world.run({ ...list(world.alice), locale: "fr" });
  assert.match(refusalText(refused, "not_staff"), /Seule l’équipe/);
});
