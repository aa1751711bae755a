import assert from "node:assert/strict";
import * as spec from "discord-api-spec/zod";
import { startFakeDiscord } from "./fake_discord.ts";
import { channelPermissions } from "./permissions.ts";
import { TYPICAL_BOT_PERMISSIONS } from "./state.ts";

const VIEW = 1n << 10n;
const MANAGE_THREADS = 1n << 34n;
const CREATE_PRIVATE_THREADS = 1n << 36n;
const SEND_IN_THREADS = 1n << 38n;
const THREAD_BOT = TYPICAL_BOT_PERMISSIONS | MANAGE_THREADS | CREATE_PRIVATE_THREADS |
  SEND_IN_THREADS;

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

const PRIVATE = { name: "ticket-1", type: 12, invitable: false, auto_archive_duration: 10080 };

Deno.test("a private thread needs Create Private Threads and is seen by its members and moderators", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const parent = fake.createChannel(guild, { name: "support" });
    const alice = fake.createMember(guild, { username: "alice" });
    const mod = fake.createRole(guild, { name: "Mods", permissions: MANAGE_THREADS });
    const moderator = fake.createMember(guild, { username: "mo", roles: [mod] });
    const refused = await api(fake, "POST", `/channels/${parent.id}/threads`, PRIVATE);
    assert.equal(refused.body.code, 50013);

    fake.setBotPermissions(guild, THREAD_BOT);
    const made = await api(fake, "POST", `/channels/${parent.id}/threads`, PRIVATE);
    assert.equal(made.status, 201);
    assert.ok(spec.ThreadResponseSchema.safeParse(made.body).success, JSON.stringify(made.body));
    assert.equal(made.body.thread_metadata.invitable, false);
    assert.equal(made.body.owner_id, fake.botUser.id);
    const thread = made.body.id as string;
    assert.ok(
      !(await api(fake, "GET", `/guilds/${guild.id}/channels`)).body.some((c: { id: string }) =>
        c.id === thread
      ),
      "threads are not listed with the guild's channels",
    );
    assert.equal((await api(fake, "GET", `/channels/${thread}`)).body.type, 12);
    const active = await api(fake, "GET", `/guilds/${guild.id}/threads/active`);
    assert.deepEqual(active.body.threads.map((t: { id: string }) => t.id), [thread]);
    assert.ok(spec.ThreadsResponseSchema.safeParse(active.body).success);

    const sees = (user: string) => (channelPermissions(fake.state, thread, user) & VIEW) !== 0n;
    assert.ok(!sees(alice.id), "a member who is not in the thread does not see it");
    assert.ok(sees(moderator.id), "Manage Threads sees every private thread");
    assert.equal(
      (await api(fake, "PUT", `/channels/${thread}/thread-members/${alice.id}`)).status,
      204,
    );
    assert.ok(sees(alice.id), "an added member sees it");
    assert.equal(
      (await api(fake, "DELETE", `/channels/${thread}/thread-members/${alice.id}`)).status,
      204,
    );
    assert.ok(!sees(alice.id), "a removed member no longer does");
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("a role mention in a private thread adds the role's members who see the parent", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g", botPermissions: THREAD_BOT | (1n << 17n) });
    const parent = fake.createChannel(guild, { name: "support" });
    const staff = fake.createRole(guild, { name: "Staff" });
    const sam = fake.createMember(guild, { username: "sam", roles: [staff] });
    const alice = fake.createMember(guild, { username: "alice" });
    const thread = (await api(fake, "POST", `/channels/${parent.id}/threads`, PRIVATE)).body.id;
    const sent = await api(fake, "POST", `/channels/${thread}/messages`, {
      content: `<@&${staff.id}> a new ticket`,
      allowed_mentions: { parse: [], roles: [staff.id] },
    });
    assert.equal(sent.status, 200);
    const members = fake.state.channels.get(thread)?.thread?.members ?? [];
    assert.ok(members.includes(sam.id), "the staff member joined");
    assert.ok(!members.includes(alice.id), "others did not");
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("an archived thread is reopened by a message, a locked one refuses it (50083)", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g", botPermissions: THREAD_BOT });
    const parent = fake.createChannel(guild, { name: "support" });
    const alice = fake.createMember(guild, { username: "alice" });
    const thread = (await api(fake, "POST", `/channels/${parent.id}/threads`, PRIVATE)).body.id;
    const meta = () => fake.state.channels.get(thread)!.thread!;
    assert.equal((await api(fake, "PATCH", `/channels/${thread}`, { archived: true })).status, 200);
    assert.equal(
      (await api(fake, "POST", `/channels/${thread}/messages`, { content: "hi" })).status,
      200,
    );
    assert.equal(meta().archived, false, "a message unarchives it");

    const locked = await api(fake, "PATCH", `/channels/${thread}`, {
      archived: true,
      locked: true,
    });
    assert.equal(locked.body.thread_metadata.locked, true);
    const refused = await api(fake, "POST", `/channels/${thread}/messages`, { content: "hi" });
    assert.equal(refused.body.code, 50083);
    const add = await api(fake, "PUT", `/channels/${thread}/thread-members/${alice.id}`);
    assert.equal(add.body.code, 50083);
    await api(fake, "PATCH", `/channels/${thread}`, { archived: false, locked: false });
    assert.equal(meta().archived, false);

    const bad = await api(fake, "POST", `/channels/${parent.id}/threads`, { name: "" });
    assert.equal(bad.body.code, 50035, "bodies are checked against Discord's schema");
    assert.equal((await api(fake, "DELETE", `/channels/${thread}`)).status, 200);
    assert.equal(fake.state.channels.get(thread), undefined);
    assert.ok(fake.calls.some((c) => c.route.startsWith("/channels/:id/thread-members")));
  } finally {
    await fake.close();
  }
});
