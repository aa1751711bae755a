import assert from "node:assert/strict";
import { openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";
import { defaultTypeSettings } from "../model.ts";
import type { MemberRef, OptionValue } from "../interaction.ts";
import type { MessageBody } from "../message_body.ts";
import type { Reply } from "../reply.ts";

const HOUR = 3_600_000;

const stats = (member: MemberRef, options: Record<string, OptionValue> = {}) =>
  commandInput({ name: "stats", member, options });

function bodyOf(reply: Reply): MessageBody {
  if (reply.kind === "message") return reply.body;
  throw new Error(`Expected a message, got ${JSON.stringify(reply)}`);
}

Deno.test("/stats shows staff the period's figures with the CSV attached", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const first = await world.openTicketAs(world.alice);
  const second = await world.openTicketAs(world.bob);
  const db = world.stores.handle.db;
  const now = world.ctx.clock.now().getTime();
  await db.updateTable("tickets").set({
    created_at: now - 10 * HOUR,
    first_staff_response_at: now - 9 * HOUR,
    closed_at: now - 6 * HOUR,
    status: "closed",
    claimed_by: world.staff.user.id,
  }).where("id", "=", first.id).execute();
  await db.updateTable("tickets").set({
    created_at: now - 5 * HOUR,
    first_staff_response_at: now - 2 * HOUR,
  }).where("id", "=", second.id).execute();

  const reply = await world.run(stats(world.staff, { days: opt.integer(7) }));
  assert.ok(reply.kind === "message" && reply.ephemeral, "only the one who asked sees it");
  const body = bodyOf(reply);
  const embed = body.embeds?.[0];
  assert.equal(embed?.title, "Statistics of the last 7 days");
  const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value ?? "";
  assert.match(field("Tickets"), /Opened: 2\nClosed: 1\nReopened: 0\nOpen now: 1/);
  assert.match(field("First staff response"), /Median: 1 hr\n90th percentile: 3 hr\n2 tickets/);
  assert.match(field("Resolution"), /Median: 4 hr/);
  assert.match(field("Per staff member"), new RegExp(`<@${world.staff.user.id}>: 1 handled`));
  const file = body.files?.[0];
  assert.equal(file?.contentType, "text/csv");
  const csv = new TextDecoder().decode(file?.data).split("\r\n");
  assert.equal(csv[0]?.split(",")[0], "number");
  assert.equal(csv.length, 4, "a header, two tickets and the last line end");
  assert.match(csv[1]!, /^1,Support,/);
});

Deno.test("/stats gives the figures without the CSV when the period has more tickets than a file surely holds", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const first = await world.openTicketAs(world.alice);
  const second = await world.openTicketAs(world.bob);
  const now = world.ctx.clock.now().getTime();
  await world.stores.handle.db.updateTable("tickets").set({ created_at: now - 5 * HOUR })
    .where("id", "=", second.id).execute();
  await world.stores.handle.db.updateTable("tickets").set({
    created_at: now - 10 * HOUR,
    first_staff_response_at: now - 9 * HOUR,
    closed_at: now - 6 * HOUR,
    status: "closed",
    claimed_by: world.staff.user.id,
  }).where("id", "=", first.id).execute();

  // A file of 400 bytes surely holds one ticket's row, not two.
  const reply = await world.run({ ...stats(world.staff), attachmentSizeLimit: 400 });
  const body = bodyOf(reply);
  assert.equal(body.files, undefined, "no CSV attached");
  assert.match(body.content ?? "", /too many tickets to attach their CSV/);
  assert.match(body.content ?? "", /ticketeer stats --csv/);
  assert.equal(body.embeds?.[0]?.footer?.text, "Median and 90th percentile by nearest rank.");
  const field = (name: string) => body.embeds?.[0]?.fields?.find((f) => f.name === name)?.value;
  assert.match(field("Tickets") ?? "", /Opened: 2\nClosed: 1\nReopened: 0\nOpen now: 1/);
  assert.match(field("Resolution") ?? "", /Median: 4 hr\n90th percentile: 4 hr\n1 ticket/);
  assert.match(field("Per staff member") ?? "", new RegExp(`<@${world.staff.user.id}>: 1 handled`));

  const attached = bodyOf(await world.run({ ...stats(world.staff), attachmentSizeLimit: 4000 }));
  assert.equal(attached.files?.length, 1, "two rows surely fit in 4,000 bytes");
});

Deno.test("/stats refuses members, bad periods and types the staff member does not handle", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  assert.match(refusalText(await world.run(stats(world.alice)), "not_staff"), /Only staff/);
  assert.match(
    refusalText(await world.run(stats(world.staff, { days: opt.integer(0) })), "invalid_value"),
    /1 to 365 days/,
  );
  assert.match(
    refusalText(await world.run(stats(world.staff, { type: opt.string("Nope") })), "unknown_type"),
    /no such ticket type/,
  );
  const billing = await world.stores.types.create(TEST_GUILD_ID, defaultTypeSettings("Billing"));
  assert.equal(billing.kind, "created");
  assert.match(
    refusalText(await world.run(stats(world.staff, { type: opt.string("Billing") })), "not_staff"),
    /not staff of the type “Billing”/,
  );
  const admin = bodyOf(await world.run(stats(world.admin, { type: opt.string("Billing") })));
  assert.match(admin.embeds?.[0]?.description ?? "", /Type: Billing/);
});
