/**
 * Working a ticket: adding and removing members, claiming and releasing it, as
 * staff, as the opener (with and without "openers may add") and as a stranger.
 */
import assert from "node:assert/strict";
import type { FakeChannel } from "../fake_discord/types.ts";
import {
  canView,
  command,
  type GuildPlace,
  lifecycleTest,
  newMember,
  openFromPanel,
  PARTICIPANT_PERMISSIONS,
  startTicketDesk,
} from "./world.ts";

function memberOverwrite(world: GuildPlace, channel: FakeChannel, user: string) {
  const current = world.fake.state.channels.get(channel.id);
  return current?.permission_overwrites.find((o) => o.type === 1 && o.id === user);
}

/** Messages everyone in the ticket sees, newest last. */
function visibleTexts(world: GuildPlace, channel: FakeChannel): string[] {
  return world.fake.state.messagesIn(channel.id).map((m) => m.content);
}

lifecycleTest(
  "/ticket add, remove, claim and unclaim follow who is asking",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, setup, panel } = world;
    const opener = newMember(world, "alice");
    const staff = newMember(world, "sam", [setup.supportRole]);
    const otherStaff = newMember(world, "sue", [setup.supportRole]);
    const stranger = newMember(world, "mallory");
    const bob = newMember(world, "bob");
    const carol = newMember(world, "carol");
    const ticket = await openFromPanel(world, panel, opener);
    const inTicket = (
      user: string,
      subcommand: string,
      options?: Record<string, { user: string }>,
    ) =>
      command(world, {
        user,
        name: "ticket",
        subcommand,
        channel: ticket.id,
        ...(options === undefined ? {} : { options }),
      });
    const openersMayAdd = (enabled: boolean) =>
      command(world, {
        user: world.owner,
        name: "config",
        group: "set",
        subcommand: "openers_may_add",
        options: { enabled },
      });

    // Staff add and remove.
    assert.ok(!canView(world, ticket.id, bob));
    const added = await inTicket(staff, "add", { user: { user: bob } });
    assert.ok(!added.ephemeral, "an addition is announced in the ticket");
    assert.match(added.text, new RegExp(`<@${staff}> added <@${bob}>`));
    const bobOverwrite = memberOverwrite(world, ticket, bob);
    assert.deepEqual(bobOverwrite && [bobOverwrite.allow, bobOverwrite.deny], [
      String(PARTICIPANT_PERMISSIONS),
      "0",
    ]);
    assert.ok(canView(world, ticket.id, bob));
    const again = await inTicket(staff, "add", { user: { user: bob } });
    assert.ok(again.ephemeral);
    assert.match(again.text, /already in this ticket/);
    const removed = await inTicket(staff, "remove", { user: { user: bob } });
    assert.match(removed.text, new RegExp(`removed <@${bob}>`));
    assert.equal(memberOverwrite(world, ticket, bob), undefined, "bob's overwrite is gone");
    assert.ok(!canView(world, ticket.id, bob));

    // The opener, while openers may not add members.
    await openersMayAdd(false);
    const openerRefused = await inTicket(opener, "add", { user: { user: carol } });
    assert.ok(openerRefused.ephemeral);
    assert.match(openerRefused.text, /Only staff can add members/);
    assert.equal(memberOverwrite(world, ticket, carol), undefined);

    // The opener, once openers may add members.
    await openersMayAdd(true);
    const openerAdded = await inTicket(opener, "add", { user: { user: carol } });
    assert.match(openerAdded.text, new RegExp(`<@${opener}> added <@${carol}>`));
    assert.ok(canView(world, ticket.id, carol));
    const openerRemoved = await inTicket(opener, "remove", { user: { user: carol } });
    assert.match(openerRemoved.text, new RegExp(`removed <@${carol}>`));
    assert.ok(!canView(world, ticket.id, carol));

    // A stranger may do none of it.
    for (const subcommand of ["add", "remove"]) {
      const refused = await inTicket(stranger, subcommand, { user: { user: bob } });
      assert.ok(refused.ephemeral);
      assert.match(refused.text, /Only staff and the person who opened this ticket/);
    }
    assert.equal(memberOverwrite(world, ticket, bob), undefined);
    assert.equal(memberOverwrite(world, ticket, stranger), undefined);

    // Claiming.
    for (const user of [stranger, opener]) {
      const refused = await inTicket(user, "claim");
      assert.ok(refused.ephemeral);
      assert.match(refused.text, /Only staff can claim tickets/);
    }
    const claimed = await inTicket(staff, "claim");
    assert.ok(!claimed.ephemeral, "the claim is announced to everyone in the ticket");
    assert.ok(
      visibleTexts(world, ticket).includes(`<@${staff}> is handling this ticket.`),
      "the announcement is in the channel",
    );
    const taken = await inTicket(otherStaff, "claim");
    assert.ok(taken.ephemeral);
    assert.match(taken.text, new RegExp(`<@${staff}> already handles this ticket`));
    const strangerRelease = await inTicket(stranger, "unclaim");
    assert.match(strangerRelease.text, /Only staff can release tickets/);
    const released = await inTicket(staff, "unclaim");
    assert.ok(!released.ephemeral);
    assert.ok(
      visibleTexts(world, ticket).includes(
        `<@${staff}> released this ticket; it is free to claim.`,
      ),
    );
    const nobody = await inTicket(staff, "unclaim");
    assert.match(nobody.text, /Nobody has claimed this ticket/);
    const reclaimed = await inTicket(otherStaff, "claim");
    assert.match(reclaimed.text, new RegExp(`<@${otherStaff}> is handling this ticket`));

    // Outside a ticket these commands say where to run them.
    const outside = await command(world, { user: staff, name: "ticket", subcommand: "claim" });
    assert.match(outside.text, /not a ticket channel/);
    fake.assertNoViolations();
  },
);
