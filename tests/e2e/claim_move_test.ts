/**
 * Working a ticket against the fake Discord: claim modes (`hide`, `readonly`),
 * `/ticket transfer`, `/ticket move` and `/ticket priority`, with everyone's
 * access checked as Discord computes it after each step, and refusals that
 * change nothing.
 */
import assert from "node:assert/strict";
import type { Ticket } from "../../src/core/model.ts";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import { channelPermissions } from "../fake_discord/permissions.ts";
import {
  canView,
  command,
  type CommandSpec,
  lifecycleTest,
  newMember,
  openFromPanel,
  SEND_MESSAGES,
  startTicketDesk,
  type TicketDesk,
  ticketOf,
} from "./world.ts";

/** Calls that change something in Discord (posts of messages aside), from `from` on. */
function editsSince(fake: FakeDiscord, from: number): string[] {
  return fake.calls.slice(from)
    .filter((c) => c.method !== "GET" && !c.route.includes("/messages"))
    .filter((c) => !c.route.startsWith("/interactions") && !c.route.startsWith("/webhooks"))
    .map((c) => `${c.method} ${c.route}`);
}

/** Runs `spec` and asserts it was refused privately, with no edit and no change of the ticket. */
async function refusedWithoutChange(
  world: TicketDesk,
  ticket: Ticket,
  spec: CommandSpec,
  says: RegExp,
): Promise<void> {
  const from = world.fake.calls.length;
  const before = await world.app.stores.tickets.get(ticket.id);
  const answer = await command(world, spec);
  assert.ok(answer.ephemeral, `${spec.subcommand} by a refused member is answered privately`);
  assert.match(answer.text, says);
  assert.deepEqual(editsSince(world.fake, from), [], "nothing was edited in Discord");
  assert.deepEqual(
    await world.app.stores.tickets.get(ticket.id),
    before,
    "the ticket is as it was",
  );
}

/** Sets a type's setting as the owner. */
async function setType(world: TicketDesk, type: string, setting: string, value: string) {
  const answer = await command(world, {
    user: world.owner,
    name: "type",
    subcommand: "set",
    options: { setting, type, value },
  });
  assert.match(answer.text, /changed/, answer.text);
}

lifecycleTest(
  "a hidden claim follows transfer, move and unclaim, and the added member keeps access throughout",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const support = setup.supportRole;
    const billingRole = fake.createRole(world.guild, { name: "Billing team" }).id;
    const billingCategory = fake.createChannel(world.guild, { name: "Billing", type: 4 }).id;
    const opener = newMember(world, "alice");
    const added = newMember(world, "bob");
    const sam = newMember(world, "sam", [support]);
    const sue = newMember(world, "sue", [support]);
    const bea = newMember(world, "bea", [support, billingRole]);
    const bill = newMember(world, "bill", [billingRole]);
    const outsider = newMember(world, "mallory");
    const people = { opener, added, sam, sue, bea, bill, outsider };

    const defaultType = await world.app.stores.types.defaultFor(world.guild as Ticket["guildId"]);
    await setType(world, String(defaultType.id), "claim_mode", "hide");
    await command(world, {
      user: world.owner,
      name: "type",
      subcommand: "create",
      options: { name: "Billing" },
    });
    await setType(world, "Billing", "category", `<#${billingCategory}>`);
    await setType(world, "Billing", "staff_roles", `<@&${billingRole}>`);
    await setType(world, "Billing", "naming_scheme", "billing-{number}");
    await setType(world, "Billing", "claim_mode", "hide");

    const channel = await openFromPanel(world, panel, opener);
    const ticket = await ticketOf(world.app, channel.id);
    const inTicket = (user: string, subcommand: string, options?: CommandSpec["options"]) => ({
      user,
      name: "ticket",
      subcommand,
      channel: channel.id,
      ...(options === undefined ? {} : { options }),
    });
    const expectAccess = (step: string, seeing: Array<keyof typeof people>) => {
      for (const [name, id] of Object.entries(people)) {
        const should = seeing.includes(name as keyof typeof people);
        assert.equal(canView(world, channel.id, id), should, `${step}: ${name} sees it: ${should}`);
      }
    };
    await command(world, inTicket(sam, "add", { user: { user: added } }));
    expectAccess("opened", ["opener", "added", "sam", "sue", "bea"]);

    // Claim: the other staff lose the ticket; opener, added member and claimer keep it.
    await refusedWithoutChange(world, ticket, inTicket(outsider, "claim"), /Only staff/);
    const claimed = await command(world, inTicket(sam, "claim"));
    assert.match(claimed.text, new RegExp(`<@${sam}> is handling this ticket`));
    expectAccess("claimed by sam", ["opener", "added", "sam"]);
    assert.equal(fake.state.channels.get(channel.id)?.name, channel.name, "never renamed");

    // Transfer to bea, who is staff of both types.
    await refusedWithoutChange(
      world,
      ticket,
      inTicket(opener, "transfer", { user: { user: bea } }),
      /Only staff/,
    );
    await refusedWithoutChange(
      world,
      ticket,
      inTicket(sam, "transfer", { user: { user: bill } }),
      /not staff of the type/,
    );
    const transferred = await command(world, inTicket(sam, "transfer", { user: { user: bea } }));
    assert.ok(!transferred.ephemeral);
    assert.match(transferred.text, new RegExp(`<@${sam}> handed this ticket to <@${bea}>`));
    expectAccess("handed to bea", ["opener", "added", "bea"]);

    // Move to Billing: its category, its staff, its name, in one channel edit.
    await refusedWithoutChange(
      world,
      ticket,
      inTicket(outsider, "move", { type: "Billing" }),
      /Only staff/,
    );
    await refusedWithoutChange(
      world,
      ticket,
      inTicket(bea, "move", { type: String(defaultType.id) }),
      /already is of the type/,
    );
    const from = fake.calls.length;
    const moved = await command(world, inTicket(bea, "move", { type: "Billing" }));
    assert.match(moved.text, new RegExp(`<@${bea}> moved this ticket to “Billing”`));
    assert.deepEqual(editsSince(fake, from), ["PATCH /channels/:id"], "one channel edit");
    const after = fake.state.channels.get(channel.id);
    assert.equal(after?.parent_id, billingCategory);
    assert.equal(after?.name, `billing-${ticket.number}`);
    expectAccess("moved to Billing", ["opener", "added", "bea"]);
    const row = await world.app.stores.tickets.get(ticket.id);
    assert.equal(row?.claimedBy, bea, "bea is Billing staff: she keeps the claim");
    assert.notEqual(row?.typeId, defaultType.id);

    // Unclaim: Billing's staff see it again; Support's no longer do.
    await refusedWithoutChange(world, ticket, inTicket(sam, "unclaim"), /Only staff/);
    await command(world, inTicket(bea, "unclaim"));
    expectAccess("released", ["opener", "added", "bea", "bill"]);

    // Priority: staff set it, the opener may not.
    await refusedWithoutChange(
      world,
      ticket,
      inTicket(opener, "priority", { level: "urgent" }),
      /Only staff/,
    );
    const priority = await command(world, inTicket(bill, "priority", { level: "urgent" }));
    assert.ok(!priority.ephemeral);
    assert.match(priority.text, /priority to \*\*Urgent\*\*/);
    assert.equal((await world.app.stores.tickets.get(ticket.id))?.priority, "urgent");
    const actions = (await world.app.stores.audit.recent(ticket.guildId, 20)).map((e) => e.action);
    for (const action of ["ticket.transfer", "ticket.move", "ticket.priority"]) {
      assert.ok(actions.includes(action), `${action} is audited`);
    }
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "a readonly claim lets other staff read the ticket but not write in it",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const opener = newMember(world, "alice");
    const sam = newMember(world, "sam", [setup.supportRole]);
    const sue = newMember(world, "sue", [setup.supportRole]);
    const defaultType = await world.app.stores.types.defaultFor(world.guild as Ticket["guildId"]);
    await setType(world, String(defaultType.id), "claim_mode", "readonly");
    const channel = await openFromPanel(world, panel, opener);
    await command(world, {
      user: sam,
      name: "ticket",
      subcommand: "claim",
      channel: channel.id,
    });
    const mayWrite = (user: string) =>
      (channelPermissions(fake.state, channel.id, user) & SEND_MESSAGES) !== 0n;
    assert.ok(canView(world, channel.id, sue), "other staff still see it");
    assert.ok(!mayWrite(sue), "other staff cannot write");
    assert.ok(mayWrite(sam), "the claimer writes");
    assert.ok(mayWrite(opener), "the opener writes");
    await command(world, {
      user: sam,
      name: "ticket",
      subcommand: "unclaim",
      channel: channel.id,
    });
    assert.ok(mayWrite(sue), "after the release other staff write again");
    fake.assertNoViolations();
  },
);
