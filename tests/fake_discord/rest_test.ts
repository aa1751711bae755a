import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";

async function api(
  fake: { apiUrl: string; token: string },
  method: string,
  path: string,
  body?: unknown,
  token = fake.token,
  // deno-lint-ignore no-explicit-any
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: {
      authorization: `Bot ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? null : JSON.parse(text),
    headers: response.headers,
  };
}

Deno.test("GET /users/@me answers the bot user and 401 for a wrong token", async () => {
  const fake = await startFakeDiscord();
  try {
    const me = await api(fake, "GET", "/users/@me");
    assert.equal(me.status, 200);
    assert.equal(me.body.id, fake.botUser.id);
    assert.equal(me.body.bot, true);
    const wrong = await api(fake, "GET", "/users/@me", undefined, "not-the-token");
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, { message: "401: Unauthorized", code: 0 });
    assert.equal(fake.calls.length, 2);
    assert.equal(fake.calls[0]?.route, "/users/@me");
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("POST /guilds/:id/channels creates a channel and sanitises its name", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "Support" });
    const category = await api(fake, "POST", `/guilds/${guild.id}/channels`, {
      name: "Tickets",
      type: 4,
    });
    assert.equal(category.status, 201);
    const created = await api(fake, "POST", `/guilds/${guild.id}/channels`, {
      name: "Ticket 0001 Alice",
      type: 0,
      parent_id: category.body.id,
      permission_overwrites: [{ id: guild.id, type: 0, allow: "0", deny: String(1n << 10n) }],
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, "ticket-0001-alice");
    assert.equal(created.body.parent_id, category.body.id);
    const stored = fake.state.channels.get(created.body.id);
    assert.equal(stored?.permission_overwrites[0]?.deny, String(1n << 10n));
    assert.equal(fake.calls[1]?.route, "/guilds/:id/channels");
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("an invalid body gets 50035 and is recorded as a schema violation", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    const bad = await api(fake, "POST", `/channels/${channel.id}/messages`, {
      content: 42,
      embeds: [{ title: 7 }],
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 50035);
    assert.equal(bad.body.message, "Invalid Form Body");
    assert.ok(bad.body.errors.content._errors.length > 0);
    assert.equal(fake.schemaViolations.length, 1);
    assert.throws(() => fake.assertNoViolations(), /schema: POST \/channels\/:id\/messages/);
    assert.equal(fake.state.messagesIn(channel.id).length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("a camelCase field is ignored as Discord does, and recorded as a violation", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    const sent = await api(fake, "POST", `/channels/${channel.id}/messages`, {
      content: "hello <@1>",
      allowedMentions: { parse: [] },
      embeds: [{ title: "t", footer: { text: "f", iconUrl: "x" } }],
    });
    assert.equal(sent.status, 200);
    assert.equal(fake.state.messagesIn(channel.id).length, 1);
    assert.throws(
      () => fake.assertNoViolations(),
      /does not read .*: allowedMentions, embeds\.0\.footer\.iconUrl/,
    );
  } finally {
    await fake.close();
  }
});

Deno.test("the locales of a *_localizations map are not taken for camelCase fields", async () => {
  const fake = await startFakeDiscord();
  try {
    const response = await api(fake, "POST", `/applications/${fake.applicationId}/commands`, {
      name: "ticket",
      description: "Tickets",
      name_localizations: { "pt-BR": "ticket", "es-ES": "ticket" },
    });
    assert.equal(response.status, 201);
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("an unknown route answers 404 and is recorded as a violation", async () => {
  const fake = await startFakeDiscord();
  try {
    const response = await api(fake, "GET", "/no/such/route");
    assert.equal(response.status, 404);
    assert.equal(fake.schemaViolations[0]?.kind, "unknown_route");
  } finally {
    await fake.close();
  }
});

Deno.test("a category holds at most 50 channels", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const category = fake.createChannel(guild, { name: "Tickets", type: 4 });
    for (let i = 0; i < 50; i++) fake.createChannel(guild, { name: `t-${i}`, parent: category });
    const full = await api(fake, "POST", `/guilds/${guild.id}/channels`, {
      name: "one-more",
      type: 0,
      parent_id: category.id,
    });
    assert.equal(full.status, 400);
    assert.equal(full.body.code, 50035);
    assert.equal(
      full.body.errors.parent_id._errors[0].message,
      "Maximum number of channels in category reached (50)",
    );
    const outside = await api(fake, "POST", `/guilds/${guild.id}/channels`, {
      name: "elsewhere",
      type: 0,
    });
    assert.equal(outside.status, 201);
  } finally {
    await fake.close();
  }
});

Deno.test("a guild holds at most 500 channels (30013)", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    for (let i = 0; i < 500; i++) {
      fake.state.createChannel(guild.id, { name: `c-${i}`, position: i });
    }
    const refused = await api(fake, "POST", `/guilds/${guild.id}/channels`, { name: "x", type: 0 });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 30013);
  } finally {
    await fake.close();
  }
});

Deno.test("unknown ids answer Discord's 404 codes", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    assert.equal((await api(fake, "GET", "/channels/123")).body.code, 10003);
    assert.equal((await api(fake, "GET", "/guilds/123")).body.code, 10004);
    assert.equal((await api(fake, "GET", `/guilds/${guild.id}/members/123`)).body.code, 10007);
    assert.equal((await api(fake, "GET", `/channels/${channel.id}/messages/123`)).body.code, 10008);
    assert.equal(
      (await api(fake, "PUT", `/channels/${channel.id}/permissions/123`, {
        type: 0,
        allow: "0",
        deny: "0",
      }))
        .body.code,
      10011,
    );
  } finally {
    await fake.close();
  }
});

Deno.test("GET /channels/:id/messages pages newest first with before and after", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    const user = fake.createMember(guild, { username: "alice" });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(fake.postMessage(channel, user, `m${i}`).id);
    const newest = await api(fake, "GET", `/channels/${channel.id}/messages?limit=2`);
    assert.deepEqual(newest.body.map((m: { content: string }) => m.content), ["m4", "m3"]);
    const before = await api(
      fake,
      "GET",
      `/channels/${channel.id}/messages?limit=2&before=${ids[3]}`,
    );
    assert.deepEqual(before.body.map((m: { content: string }) => m.content), ["m2", "m1"]);
    const after = await api(
      fake,
      "GET",
      `/channels/${channel.id}/messages?limit=2&after=${ids[1]}`,
    );
    assert.deepEqual(after.body.map((m: { content: string }) => m.content), ["m3", "m2"]);
    const tooMany = await api(fake, "GET", `/channels/${channel.id}/messages?limit=101`);
    assert.equal(tooMany.status, 400);
  } finally {
    await fake.close();
  }
});

Deno.test("messages over 2000 characters or with a long custom_id are refused", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    const long = await api(fake, "POST", `/channels/${channel.id}/messages`, {
      content: "x".repeat(2001),
    });
    assert.equal(long.status, 400);
    assert.ok(long.body.errors.content);
    const button = await api(fake, "POST", `/channels/${channel.id}/messages`, {
      components: [{
        type: 1,
        components: [{ type: 2, style: 1, label: "Go", custom_id: "x".repeat(101) }],
      }],
    });
    assert.equal(button.status, 400);
    const empty = await api(fake, "POST", `/channels/${channel.id}/messages`, { content: "" });
    assert.equal(empty.body.code, 50006);
  } finally {
    await fake.close();
  }
});

Deno.test("multipart uploads are stored and served back from the fake CDN", async () => {
  const fake = await startFakeDiscord();
  try {
    const guild = fake.createGuild({ name: "g" });
    const channel = fake.createChannel(guild, { name: "general" });
    const form = new FormData();
    form.append(
      "files[0]",
      new Blob([new TextEncoder().encode("<html>hi</html>")], { type: "text/html" }),
      "t.html",
    );
    form.append(
      "payload_json",
      JSON.stringify({ content: "transcript", attachments: [{ id: 0, filename: "t.html" }] }),
    );
    const response = await fetch(`${fake.apiUrl}/v10/channels/${channel.id}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${fake.token}` },
      body: form,
    });
    const message = await response.json();
    assert.equal(response.status, 200);
    assert.equal(message.attachments[0].filename, "t.html");
    const download = await fetch(message.attachments[0].url);
    assert.equal(await download.text(), "<html>hi</html>");
    assert.deepEqual(fake.calls[0]?.files, [{ field: "files[0]", filename: "t.html", size: 15 }]);
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("a DM to a user with closed DMs answers 403 code 50007", async () => {
  const fake = await startFakeDiscord();
  try {
    const user = fake.createUser({ username: "bob" });
    const dm = await api(fake, "POST", "/users/@me/channels", { recipient_id: user.id });
    assert.equal(dm.body.type, 1);
    fake.setDmsClosed(user, true);
    const sent = await api(fake, "POST", `/channels/${dm.body.id}/messages`, { content: "hi" });
    assert.equal(sent.status, 403);
    assert.equal(sent.body.code, 50007);
  } finally {
    await fake.close();
  }
});
