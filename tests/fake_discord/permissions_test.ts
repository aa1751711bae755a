import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";
import { ALL_PERMISSIONS, channelPermissions } from "./permissions.ts";
import { FakeState } from "./state.ts";

const VIEW = 1n << 10n;
const SEND = 1n << 11n;
const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_GUILD = 1n << 5n;
const MANAGE_ROLES = 1n << 28n;
const ADMINISTRATOR = 1n << 3n;

function world() {
  const state = new FakeState(
    { id: "1", username: "bot", global_name: null, avatar: null, bot: true, dmsClosed: false },
    () => {},
  );
  const guild = state.createGuild({ name: "g" });
  const staff = state.createRole(guild.id, { name: "Staff" });
  const user = state.createUser({ username: "alice" });
  state.addMember(guild.id, user.id, [staff.id]);
  return { state, guild, staff, user };
}

Deno.test("channelPermissions() applies @everyone, then roles, then the member's overwrite", () => {
  const { state, guild, staff, user } = world();
  const channel = state.createChannel(guild.id, {
    name: "private",
    overwrites: [
      { id: guild.id, type: 0, allow: "0", deny: String(VIEW | SEND) },
      { id: staff.id, type: 0, allow: String(VIEW | SEND), deny: "0" },
    ],
  });
  assert.equal(channelPermissions(state, channel.id, user.id) & (VIEW | SEND), VIEW | SEND);
  channel.permission_overwrites.push({ id: user.id, type: 1, allow: "0", deny: String(SEND) });
  assert.equal(channelPermissions(state, channel.id, user.id) & (VIEW | SEND), VIEW);
  channel.permission_overwrites[2] = { id: user.id, type: 1, allow: "0", deny: String(VIEW) };
  assert.equal(channelPermissions(state, channel.id, user.id), 0n);
});

Deno.test("channelPermissions() gives the owner and Administrator everything", () => {
  const { state, guild, staff, user } = world();
  const channel = state.createChannel(guild.id, {
    name: "locked",
    overwrites: [{ id: guild.id, type: 0, allow: "0", deny: String(VIEW) }],
  });
  assert.equal(channelPermissions(state, channel.id, guild.owner_id), ALL_PERMISSIONS);
  assert.equal(channelPermissions(state, channel.id, user.id), 0n);
  state.roles.get(staff.id)!.permissions = String(ADMINISTRATOR);
  assert.equal(channelPermissions(state, channel.id, user.id), ALL_PERMISSIONS);
});

async function api(
  fake: { apiUrl: string; token: string },
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : JSON.parse(text) };
}

Deno.test("a bot without Manage Channels cannot create a channel (50013)", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g", botPermissions: VIEW | SEND });
    const refused = await api(fake, "POST", `/guilds/${guild.id}/channels`, { name: "x", type: 0 });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 50013);
    fake.setBotPermissions(guild, VIEW | SEND | MANAGE_CHANNELS);
    assert.equal(
      (await api(fake, "POST", `/guilds/${guild.id}/channels`, { name: "x", type: 0 })).status,
      201,
    );
  } finally {
    await fake.close();
  }
});

Deno.test("a non-admin bot may only allow or deny bits it holds, and never Manage Roles", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    const user = fake.createMember(guild, { username: "alice" });
    const path = `/channels/${channel.id}/permissions/${user.id}`;
    assert.equal(
      (await api(fake, "PUT", path, { type: 1, allow: String(VIEW | SEND), deny: "0" })).status,
      204,
    );
    const notHeld = await api(fake, "PUT", path, {
      type: 1,
      allow: String(MANAGE_GUILD),
      deny: "0",
    });
    assert.equal(notHeld.body.code, 50013);
    const manageRoles = await api(fake, "PUT", path, {
      type: 1,
      allow: String(MANAGE_ROLES),
      deny: "0",
    });
    assert.equal(manageRoles.body.code, 50013);
    const created = await api(fake, "POST", `/guilds/${guild.id}/channels`, {
      name: "t",
      permission_overwrites: [{ id: user.id, type: 1, allow: String(MANAGE_GUILD), deny: "0" }],
    });
    assert.equal(created.body.code, 50013);
    fake.setBotPermissions(guild, ADMINISTRATOR);
    assert.equal(
      (await api(fake, "PUT", path, { type: 1, allow: String(MANAGE_ROLES), deny: "0" })).status,
      204,
    );
  } finally {
    await fake.close();
  }
});

Deno.test("a channel the bot cannot view answers 50001; one it cannot post in answers 50013", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const hidden = fake.createChannel(guild, {
      name: "hidden",
      overwrites: [{ id: guild.id, type: 0, allow: "0", deny: String(VIEW) }],
    });
    const readOnly = fake.createChannel(guild, {
      name: "read-only",
      overwrites: [{ id: guild.id, type: 0, allow: "0", deny: String(SEND) }],
    });
    const hiddenPost = await api(fake, "POST", `/channels/${hidden.id}/messages`, {
      content: "hi",
    });
    assert.equal(hiddenPost.status, 403);
    assert.equal(hiddenPost.body.code, 50001);
    const readOnlyPost = await api(fake, "POST", `/channels/${readOnly.id}/messages`, {
      content: "hi",
    });
    assert.equal(readOnlyPost.body.code, 50013);
    assert.equal((await api(fake, "DELETE", `/channels/${hidden.id}`)).body.code, 50001);
  } finally {
    await fake.close();
  }
});

Deno.test("a bot may not create a role with permissions it lacks", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const refused = await api(fake, "POST", `/guilds/${guild.id}/roles`, {
      name: "Boss",
      permissions: String(ADMINISTRATOR),
    });
    assert.equal(refused.body.code, 50013);
    const support = await api(fake, "POST", `/guilds/${guild.id}/roles`, {
      name: "Support",
      permissions: "0",
    });
    assert.equal(support.status, 200);
    assert.equal(fake.state.roles.get(support.body.id)?.name, "Support");
  } finally {
    await fake.close();
  }
});
