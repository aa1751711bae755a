/**
 * Every way of opening a ticket, against the fake Discord: the panel's buttons and
 * its select menu, `/ticket new type:`, the message command "Open a ticket about
 * this", and staff's `/ticket open-for` and user command "Open a ticket for this
 * user"; a type's form with a select answered; and the people each path refuses
 * (a member using open-for, a blocked role, support hours that block).
 */
import assert from "node:assert/strict";
import type { FakeMessage, InteractionHandle } from "../fake_discord/fake_discord.ts";
import { guildId } from "../../src/core/ids.ts";
import {
  autocompleteQuery,
  buttonPress,
  modalSubmit,
  slashCommand,
} from "../fixtures/interactions.ts";
import { messageCommand, userCommand } from "../fixtures/context_menus.ts";
import { fillModal, type ShownModal } from "../fixtures/modal_answers.ts";
import { httpOrigin, startWorld } from "./boot.ts";
import {
  answerOf,
  botMessagesIn,
  buttonIds,
  canView,
  closeTicket,
  command,
  guildChannels,
  lifecycleTest,
  linkedChannel,
  newMember,
  runSetup,
  setUpGuild,
  startGuildWorld,
  type TicketGuild,
  ticketOf,
  welcomeIn,
} from "./world.ts";
import type { TestDialect } from "../fixtures/dialects.ts";

const ABOUT = "Open a ticket about this";
const FOR_USER = "Open a ticket for this user";

/** A set-up guild on `dialect` with a second type, Billing, that asks a choice and a text. */
async function billingDesk(dialect: TestDialect) {
  const world = await startWorld({ dialect });
  try {
    const g = await setUpGuild(world.fake, 3);
    const created = await command(g, {
      user: g.owner,
      name: "type",
      subcommand: "create",
      options: { name: "Billing", emoji: "💳" },
    });
    assert.match(created.text, /added/);
    const set = await command(g, {
      user: g.owner,
      name: "type",
      subcommand: "set",
      options: {
        setting: "questions",
        type: "Billing",
        value: "Plan (choice: Free, Pro, Team); Order number [optional]",
      },
    });
    assert.match(set.text, /changed/, set.text);
    const staff = await command(g, {
      user: g.owner,
      name: "type",
      subcommand: "set",
      options: { setting: "staff_roles", type: "Billing", value: `<@&${g.staffRole}>` },
    });
    assert.match(staff.text, /changed/, staff.text);
    return Object.assign(world, { g });
  } catch (error) {
    await world[Symbol.asyncDispose]();
    throw error;
  }
}

/** Posts a panel with `options` and returns its message. */
async function postPanelOf(
  g: TicketGuild,
  options: Record<string, string>,
): Promise<FakeMessage> {
  const answer = await command(g, { user: g.owner, name: "panel", subcommand: "create", options });
  assert.match(answer.text, /Panel posted/, answer.text);
  const message = botMessagesIn(g.fake, g.general).findLast((m) => m.components.length > 0);
  assert.ok(message, "the panel is posted");
  return message;
}

/** The ticket channel an opened answer links to, once its welcome is posted. */
async function openedChannel(g: TicketGuild, handle: InteractionHandle) {
  const answer = await answerOf(handle);
  assert.ok(answer.ephemeral, answer.text);
  const channel = linkedChannel(g, answer);
  const welcome = await welcomeIn(g.fake, channel.id);
  return { answer, channel, welcome };
}

/** The modal an interaction answered with (its first answer, type 9). */
async function shownModal(handle: InteractionHandle): Promise<ShownModal> {
  const first = await handle.response;
  assert.equal(first.type, 9, `a form is the first answer, not ${first.type}`);
  return first.data as unknown as ShownModal;
}

/** A member's pick in a panel's select menu. */
function pick(g: TicketGuild, panel: FakeMessage, user: string, value: string) {
  const payload = buttonPress(g.fake, {
    guild: g.guild,
    channel: g.general,
    user,
    customId: "t2:pick",
    messageId: panel.id,
  });
  payload.data = { custom_id: "t2:pick", component_type: 3, values: [value] };
  return g.fake.interact(payload);
}

function pressOn(g: TicketGuild, panel: FakeMessage, user: string, index: number) {
  return g.fake.interact(buttonPress(g.fake, {
    guild: g.guild,
    channel: g.general,
    user,
    customId: buttonIds(panel)[index] ?? "",
    messageId: panel.id,
  }));
}

function channelCount(g: TicketGuild): number {
  return guildChannels(g).length;
}

lifecycleTest(
  "the panel's button asks the type's form, a chosen answer shows in the welcome and the transcript",
  async (dialect) => {
    await using world = await billingDesk(dialect);
    const { fake, g } = world;
    const panel = await postPanelOf(g, { title: "Help desk", types: "Support, Billing" });
    const alice = g.members[0]!;

    const press = pressOn(g, panel, alice, 1);
    const modal = await shownModal(press);
    assert.deepEqual(modal.components.map((c) => [c.type, c.label, c.component.type]), [
      [18, "Plan", 3],
      [18, "Order number", 4],
    ]);
    const plan = modal.components[0]!.component;
    assert.deepEqual(plan.options?.map((o) => o.value), ["Free", "Pro", "Team"]);
    assert.equal(plan.required, true);
    assert.equal(modal.components[1]!.component.required, false);
    assert.throws(() => fillModal(modal, { Plan: "Gold" }), /offers Free, Pro, Team/);

    const submitted = fake.interact(modalSubmit(fake, {
      guild: g.guild,
      channel: g.general,
      user: alice,
      customId: modal.custom_id,
      fields: fillModal(modal, { Plan: "Pro" }),
    }));
    const { channel, welcome } = await openedChannel(g, submitted);
    const ticket = await ticketOf(world.app, channel.id);
    const billing = await world.app.stores.types.byName(ticket.guildId, "Billing");
    assert.equal(ticket.typeId, billing?.id, "the ticket is of the pressed button's type");
    assert.equal(ticket.openerId, alice);
    assert.deepEqual(ticket.answers, [
      { question: "Plan", answer: "Pro" },
      { question: "Order number", answer: "" },
    ]);
    assert.equal(channel.parent_id, g.category, "a type without a category uses the default's");
    assert.deepEqual(welcome.embeds, [{
      title: `Ticket #${ticket.number}`,
      fields: [{ name: "Plan", value: "Pro" }],
    }]);

    const closed = await closeTicket(g, { channel: channel.id, user: g.staff });
    assert.match(closed.text, /is closed/);
    const transcript = await world.app.stores.transcripts.get(ticket.id);
    assert.ok(transcript, "the transcript is stored");
    assert.ok(transcript.html.includes("Plan") && transcript.html.includes("Pro"));
    assert.match(transcript.text, /Plan[^\n]*\n?[^\n]*Pro/);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "a panel's select menu opens the chosen type; a required choice left out is refused",
  async (dialect) => {
    await using world = await billingDesk(dialect);
    const { fake, g } = world;
    const panel = await postPanelOf(g, { types: "Support, Billing", style: "select" });
    const options = ((panel.components[0] as { components: Array<Record<string, unknown>> })
      .components[0]!.options) as Array<{ label: string; value: string }>;
    const support = options.find((o) => o.label === "Support")!;
    const billing = options.find((o) => o.label === "Billing")!;

    const { channel } = await openedChannel(g, pick(g, panel, g.members[0]!, support.value));
    assert.equal((await ticketOf(world.app, channel.id)).answers.length, 0, "Support asks nothing");

    const bob = g.members[1]!;
    const modal = await shownModal(pick(g, panel, bob, billing.value));
    const before = channelCount(g);
    // Discord's client sends a select's values; a submission without the required one
    // (a stale or forged form) is refused and opens nothing.
    const refused = await answerOf(fake.interact(modalSubmit(fake, {
      guild: g.guild,
      channel: g.general,
      user: bob,
      customId: modal.custom_id,
      fields: { q0: [], q1: "" },
    })));
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Please answer “Plan”/);
    assert.equal(channelCount(g), before);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "/ticket new type: opens the type autocomplete offers; an unknown type is refused",
  async (dialect) => {
    await using world = await billingDesk(dialect);
    const { fake, g } = world;
    const alice = g.members[0]!;
    const billing = (await world.app.stores.types.byName(guildId(g.guild), "Billing"))!;
    const suggested = await fake.interact(autocompleteQuery(fake, {
      guild: g.guild,
      channel: g.general,
      user: alice,
      name: "ticket",
      subcommand: "new",
      focused: "type",
      typed: "bil",
    })).response;
    const choices = (suggested.data as { choices: Array<{ name: string; value: string }> }).choices;
    assert.deepEqual(choices, [{ name: "💳 Billing", value: String(billing.id) }]);

    const unknown = await command(g, {
      user: alice,
      name: "ticket",
      subcommand: "new",
      options: { type: "Nope" },
    });
    assert.ok(unknown.ephemeral);
    assert.match(unknown.text, /no such ticket type/);

    // Without a topic, the type's form comes first.
    const asked = await shownModal(fake.interact(
      slashCommand(fake, {
        guild: g.guild,
        channel: g.general,
        user: alice,
        name: "ticket",
        subcommand: "new",
        options: { type: String(billing.id) },
      }),
    ));
    assert.equal(asked.components[0]?.label, "Plan");

    // With a topic it opens at once (a choice question is not answered by a topic).
    const opened = await command(g, {
      user: alice,
      name: "ticket",
      subcommand: "new",
      options: { type: String(billing.id), topic: "Invoice 7 is wrong" },
    });
    const channel = linkedChannel(g, opened);
    const ticket = await ticketOf(world.app, channel.id);
    assert.equal(ticket.typeId, billing.id);
    assert.equal(ticket.topic, "Invoice 7 is wrong");
    assert.deepEqual(ticket.answers, []);
    await welcomeIn(fake, channel.id);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "the message command opens a ticket that quotes the message and links to it",
  async (dialect) => {
    await using world = await billingDesk(dialect);
    const { fake, g } = world;
    const [alice, bob] = g.members as [string, string];
    const said = fake.postMessage(
      g.general,
      alice,
      "The checkout page says **error 500**\nsince noon",
    );

    const { answer, channel, welcome } = await openedChannel(
      g,
      fake.interact(messageCommand(fake, {
        guild: g.guild,
        channel: g.general,
        user: bob,
        name: ABOUT,
        messageId: said.id,
      })),
    );
    assert.match(answer.text, /Your ticket is open/);
    const ticket = await ticketOf(world.app, channel.id);
    assert.equal(ticket.openerId, bob, "the one who ran the command opens the ticket");
    assert.ok(canView(g, channel.id, bob));
    assert.ok(!canView(g, channel.id, alice), "the quoted author is not added");
    assert.equal(ticket.topic, "The checkout page says **error 500**\nsince noon");
    assert.ok(welcome.content.includes(`About this message from <@${alice}>:`), welcome.content);
    assert.ok(welcome.content.includes("> The checkout page says **error 500**\n> since noon"));
    assert.ok(
      welcome.content.includes(`https://discord.com/channels/${g.guild}/${g.general}/${said.id}`),
    );
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "staff open a ticket for a member with /ticket open-for and the user command; members are refused",
  async (dialect) => {
    await using world = await billingDesk(dialect);
    const { fake, g } = world;
    const [alice, bob, carol] = g.members as [string, string, string];

    const before = channelCount(g);
    const refused = await command(g, {
      user: bob,
      name: "ticket",
      subcommand: "open-for",
      options: { user: { user: alice } },
    });
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Only staff can open a ticket for someone else/);
    const refusedMenu = await answerOf(fake.interact(userCommand(fake, {
      guild: g.guild,
      channel: g.general,
      user: bob,
      name: FOR_USER,
      target: carol,
    })));
    assert.match(refusedMenu.text, /Only staff/);
    assert.equal(channelCount(g), before, "a refusal changes nothing");

    const opened = await command(g, {
      user: g.staff,
      name: "ticket",
      subcommand: "open-for",
      options: { user: { user: alice }, type: "Billing", topic: "Refund for March" },
    });
    assert.match(opened.text, new RegExp(`The ticket for <@${alice}> is open: <#\\d+>`));
    const channel = linkedChannel(g, opened);
    const welcome = await welcomeIn(fake, channel.id);
    const ticket = await ticketOf(world.app, channel.id);
    assert.equal(ticket.openerId, alice, "the member is the opener, not the staff member");
    assert.equal(ticket.topic, "Refund for March");
    assert.ok(canView(g, channel.id, alice));
    assert.ok(welcome.content.startsWith(`<@${alice}>`));
    assert.ok(welcome.content.includes(`<@${g.staff}> opened this ticket for you.`));

    const viaMenu = await answerOf(fake.interact(userCommand(fake, {
      guild: g.guild,
      channel: g.general,
      user: g.staff,
      name: FOR_USER,
      target: carol,
    })));
    const carols = linkedChannel(g, viaMenu);
    assert.equal((await ticketOf(world.app, carols.id)).openerId, carol);
    assert.ok(canView(g, carols.id, carol));
    await welcomeIn(fake, carols.id);
    // The member's limit counts for open-for too, and the staff member reads whose it is.
    const again = await answerOf(fake.interact(userCommand(fake, {
      guild: g.guild,
      channel: g.general,
      user: g.staff,
      name: FOR_USER,
      target: carol,
    })));
    assert.match(again.text, new RegExp(`<@${carol}> already has an open ticket.*<#${carols.id}>`));
    fake.assertNoViolations();
  },
);

/** A weekday schedule that is closed at `now` (only the day after tomorrow, UTC). */
function closedNow(now: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return `${days[(now.getUTCDay() + 2) % 7]} 09:00-17:00 UTC block`;
}

lifecycleTest(
  "a blocked role and support hours that block refuse every path and open nothing",
  async (dialect) => {
    await using world = await billingDesk(dialect);
    const { fake, g } = world;
    const muted = fake.createRole(g.guild, { name: "Muted" });
    const mallory = newMember(g, "mallory", [muted.id]);
    const set = (setting: string, value: string) =>
      command(g, {
        user: g.owner,
        name: "type",
        subcommand: "set",
        options: { setting, type: "Support", value },
      });
    assert.match((await set("blocked_roles", `<@&${muted.id}>`)).text, /changed/);
    const panel = await postPanelOf(g, { types: "Support, Billing" });
    const said = fake.postMessage(g.general, g.members[0]!, "look at this");
    const before = channelCount(g);

    const blocked = [
      await answerOf(pressOn(g, panel, mallory, 0)),
      await command(g, { user: mallory, name: "ticket", subcommand: "new" }),
      await answerOf(fake.interact(messageCommand(fake, {
        guild: g.guild,
        channel: g.general,
        user: mallory,
        name: ABOUT,
        messageId: said.id,
      }))),
    ];
    for (const answer of blocked) {
      assert.ok(answer.ephemeral);
      assert.match(answer.text, new RegExp(`Members with the role <@&${muted.id}> cannot open`));
    }
    const forMallory = await command(g, {
      user: g.staff,
      name: "ticket",
      subcommand: "open-for",
      options: { user: { user: mallory } },
    });
    assert.match(forMallory.text, new RegExp(`<@${mallory}> has the role <@&${muted.id}>`));
    // The other type has no such rule: the panel's Billing button still asks its form.
    assert.equal((await pressOn(g, panel, mallory, 1).response).type, 9);
    assert.equal(channelCount(g), before);

    assert.match((await set("support_hours", closedNow(new Date()))).text, /changed/);
    const alice = g.members[0]!;
    const outside = [
      await answerOf(pressOn(g, panel, alice, 0)),
      await command(g, {
        user: alice,
        name: "ticket",
        subcommand: "new",
        options: { topic: "hi" },
      }),
    ];
    for (const answer of outside) {
      assert.ok(answer.ephemeral);
      assert.match(
        answer.text,
        /Staff are away right now\. This kind of ticket can be opened again <t:\d+:R>/,
      );
    }
    assert.equal(channelCount(g), before, "a refusal opens nothing");
    fake.assertNoViolations();
  },
);

Deno.test("HTTP interactions: the message command opens a ticket as over the gateway", async () => {
  await using world = await startGuildWorld({ httpInteractions: true });
  const { fake, app } = world;
  await runSetup(world);
  const [alice, bob] = [newMember(world, "alice"), newMember(world, "bob")];
  const said = fake.postMessage(world.general, alice, "Is this a bug?");
  const sent = await fake.interactHttp(
    `${httpOrigin(app)}/interactions`,
    messageCommand(fake, {
      guild: world.guild,
      channel: world.general,
      user: bob,
      name: ABOUT,
      messageId: said.id,
    }),
  );
  assert.equal(sent.status, 202);
  const answer = await answerOf(sent.handle);
  const channel = linkedChannel(world, answer);
  const welcome = await welcomeIn(fake, channel.id);
  assert.ok(welcome.content.includes("> Is this a bug?"), welcome.content);
  assert.equal((await ticketOf(app, channel.id)).openerId, bob);
  fake.assertNoViolations();
});
