import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";
import { messageCommand, userCommand } from "../fixtures/context_menus.ts";
import { modalSubmit } from "../fixtures/interactions.ts";
import { fillModal, type ShownModal } from "../fixtures/modal_answers.ts";

async function overwrite(
  fake: { apiUrl: string; token: string; applicationId: string },
  body: unknown,
) {
  const response = await fetch(`${fake.apiUrl}/v10/applications/${fake.applicationId}/commands`, {
    method: "PUT",
    headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The `data` of a context-menu interaction, as far as these tests read it. */
interface MenuData {
  type: number;
  target_id: string;
  resolved: {
    messages?: Record<string, { content: string }>;
    users?: Record<string, { username: string }>;
    members?: Record<string, { roles: string[]; user?: unknown }>;
  };
}

const MENU = { name: "Open a ticket about this", type: 3, integration_types: [0], contexts: [0] };
const SLASH = { name: "ticket", type: 1, description: "Tickets", options: [] };

Deno.test("PUT commands keeps a slash command and context menus side by side", async () => {
  const fake = await startFakeDiscord();
  try {
    const { status, body } = await overwrite(fake, [
      SLASH,
      MENU,
      { ...MENU, name: "Open a ticket for this user", type: 2 },
    ]);
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(
      [...fake.state.commands.values()].map((c) => [c.type, c.name]),
      [[1, "ticket"], [3, "Open a ticket about this"], [2, "Open a ticket for this user"]],
    );
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("PUT commands refuses a context menu with a description or options, as Discord does", async () => {
  const fake = await startFakeDiscord();
  try {
    const described = await overwrite(fake, [SLASH, { ...MENU, description: "Opens a ticket" }]);
    assert.equal(described.status, 400);
    assert.equal(described.body.code, 50035);
    assert.ok(described.body.errors["1"].description, JSON.stringify(described.body));
    const withOptions = await overwrite(fake, [{
      ...MENU,
      options: [{ type: 3, name: "x", description: "x" }],
    }]);
    assert.equal(withOptions.status, 400);
    assert.ok(withOptions.body.errors["0"].options);
    const upper = await overwrite(fake, [{ ...SLASH, name: "Ticket" }]);
    assert.equal(upper.status, 400, "a slash command's name is lower case");
    assert.equal(fake.state.commands.size, 0, "nothing is registered from a refused overwrite");
  } finally {
    await fake.close();
  }
});

Deno.test("context-menu interactions carry their target as Discord resolves it", async () => {
  const fake = await startFakeDiscord();
  try {
    await overwrite(fake, [MENU, { ...MENU, name: "Open a ticket for this user", type: 2 }]);
    const guild = fake.createGuild({ name: "G" });
    const channel = fake.createChannel(guild, { name: "general" });
    const alice = fake.createMember(guild, { username: "alice" });
    const left = fake.createUser({ username: "gone" });
    const said = fake.postMessage(channel, alice, "hello there");
    const place = { guild, channel, user: alice };

    const onMessage = messageCommand(fake, { ...place, name: MENU.name, messageId: said.id });
    const data = onMessage.data as MenuData;
    assert.equal(onMessage.type, 2);
    assert.equal(data.type, 3);
    assert.equal(data.target_id, said.id);
    assert.equal(data.resolved.messages?.[said.id]?.content, "hello there");

    const onUser = userCommand(fake, {
      ...place,
      name: "Open a ticket for this user",
      target: alice,
    });
    const user = onUser.data as MenuData;
    assert.equal(user.type, 2);
    assert.equal(user.resolved.users?.[alice.id]?.username, "alice");
    assert.deepEqual(user.resolved.members?.[alice.id]?.roles, []);
    assert.equal(
      user.resolved.members?.[alice.id]?.user,
      undefined,
      "a resolved member has no user",
    );
    const onLeft = userCommand(fake, {
      ...place,
      name: "Open a ticket for this user",
      target: left,
    });
    assert.equal((onLeft.data as MenuData).resolved.members, undefined);

    assert.throws(
      () => messageCommand(fake, { ...place, name: "Not registered", messageId: said.id }),
      /not registered/,
    );
  } finally {
    await fake.close();
  }
});

Deno.test("fillModal() answers Label fields as Discord's client would, and modalSubmit() sends selects' values", async () => {
  const fake = await startFakeDiscord();
  try {
    const modal: ShownModal = {
      custom_id: "t1:openform:1",
      title: "Open a ticket",
      components: [
        {
          type: 18,
          label: "Plan",
          component: {
            type: 3,
            custom_id: "q0",
            required: true,
            min_values: 1,
            max_values: 1,
            options: [{ label: "Free", value: "Free" }, { label: "Pro", value: "Pro" }],
          },
        },
        { type: 18, label: "Notes", component: { type: 4, custom_id: "q1", required: false } },
      ],
    };
    assert.deepEqual(fillModal(modal, { Plan: "Pro" }), { q0: ["Pro"], q1: "" });
    assert.throws(() => fillModal(modal, {}), /takes 1 to 1 choices, not 0/);
    assert.throws(() => fillModal(modal, { Plan: ["Free", "Pro"] }), /not 2/);
    assert.throws(() => fillModal(modal, { Plan: "Pro", Other: "x" }), /no field "Other"/);

    const guild = fake.createGuild({ name: "G" });
    const channel = fake.createChannel(guild, { name: "general" });
    const alice = fake.createMember(guild, { username: "alice" });
    const submitted = modalSubmit(fake, {
      guild,
      channel,
      user: alice,
      customId: modal.custom_id,
      fields: fillModal(modal, { Plan: "Free", Notes: "n" }),
    });
    assert.deepEqual((submitted.data as { components: unknown[] }).components, [
      { type: 18, id: 1, component: { type: 3, id: 2, custom_id: "q0", values: ["Free"] } },
      { type: 18, id: 3, component: { type: 4, id: 4, custom_id: "q1", value: "n" } },
    ]);
  } finally {
    await fake.close();
  }
});
