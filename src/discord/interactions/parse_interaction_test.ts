import assert from "node:assert/strict";
import { isInteractionInput, NOT_IN_GUILD, parseInteraction } from "./parse_interaction.ts";
import type { CommandInput, ComponentInput, ModalInput } from "../../core/interaction.ts";

const member = {
  user: {
    id: "300000000000000001",
    username: "alice",
    global_name: "Alice",
    avatar: "abc",
    discriminator: "0",
  },
  nick: null,
  roles: ["500000000000000001", "500000000000000002"],
  permissions: "2147483648",
  joined_at: "2024-01-01T00:00:00.000000+00:00",
};

function base(type: number, data: unknown): Record<string, unknown> {
  return {
    id: "900000000000000001",
    application_id: "800000000000000001",
    type,
    data,
    guild_id: "100000000000000001",
    channel_id: "200000000000000001",
    channel: { id: "200000000000000001", type: 0, name: "general" },
    member,
    token: "secret-token",
    version: 1,
    app_permissions: "9007199254740993",
    locale: "fr",
    guild_locale: "en-US",
    entitlements: [],
  };
}

function parse<T>(raw: unknown): T {
  const parsed = parseInteraction(raw);
  if (!isInteractionInput(parsed)) throw new Error(`ignored: ${JSON.stringify(parsed)}`);
  return parsed as T;
}

Deno.test("parseInteraction() reads a slash command's member, ids and permissions", () => {
  const input = parse<CommandInput>(base(2, { id: "1", name: "setup", type: 1 }));
  assert.equal(input.kind, "command");
  assert.equal(input.name, "setup");
  assert.equal(input.group, null);
  assert.equal(input.subcommand, null);
  assert.deepEqual(input.options, {});
  assert.equal(input.id, "900000000000000001");
  assert.equal(input.token, "secret-token");
  assert.equal(input.applicationId, "800000000000000001");
  assert.equal(input.guildId, "100000000000000001");
  assert.equal(input.channelId, "200000000000000001");
  assert.equal(input.locale, "fr");
  assert.equal(input.guildLocale, "en-US");
  // Bitfields above 2^53 survive as bigint.
  assert.equal(input.appPermissions, 9007199254740993n);
  assert.deepEqual(input.member, {
    user: {
      id: "300000000000000001",
      username: "alice",
      globalName: "Alice",
      avatar: "abc",
      bot: false,
    },
    nick: null,
    roles: ["500000000000000001", "500000000000000002"],
    permissions: 2147483648n,
  });
});

Deno.test("parseInteraction() flattens options below a subcommand and resolves users", () => {
  const input = parse<CommandInput>(base(2, {
    id: "1",
    name: "ticket",
    type: 1,
    options: [{
      type: 1,
      name: "add",
      options: [{ type: 6, name: "user", value: "300000000000000002" }],
    }],
    resolved: {
      users: {
        "300000000000000002": {
          id: "300000000000000002",
          username: "bob",
          global_name: null,
          avatar: null,
          bot: true,
        },
      },
      members: { "300000000000000002": { roles: [], permissions: "0" } },
    },
  }));
  assert.equal(input.name, "ticket");
  assert.equal(input.subcommand, "add");
  assert.deepEqual(input.options, {
    user: {
      type: "user",
      value: "300000000000000002",
      user: {
        id: "300000000000000002",
        username: "bob",
        globalName: null,
        avatar: null,
        bot: true,
      },
      member: true,
      memberRoles: [],
    },
  });
});

Deno.test("parseInteraction() reads an uploaded file option from the resolved attachments", () => {
  const url = "https://cdn.discordapp.com/ephemeral-attachments/1/2/guild.yaml?ex=1&is=2&hm=3&";
  const input = parse<CommandInput>(base(2, {
    id: "1",
    name: "config",
    type: 1,
    options: [{
      type: 1,
      name: "import",
      options: [{ type: 11, name: "file", value: "700000000000000001" }],
    }],
    resolved: {
      attachments: {
        "700000000000000001": {
          id: "700000000000000001",
          filename: "guild.yaml",
          size: 1234,
          url,
          proxy_url: url,
          content_type: "application/yaml",
          ephemeral: true,
        },
      },
    },
  }));
  assert.deepEqual(input.options.file, {
    type: "attachment",
    value: "700000000000000001",
    attachment: {
      id: "700000000000000001",
      filename: "guild.yaml",
      size: 1234,
      url,
      contentType: "application/yaml",
    },
  });
});

Deno.test("parseInteraction() reads a subcommand group and every option type", () => {
  const input = parse<CommandInput>(base(2, {
    id: "1",
    name: "config",
    type: 1,
    options: [{
      type: 2,
      name: "staff",
      options: [{
        type: 1,
        name: "set",
        options: [
          { type: 3, name: "text", value: "hello" },
          { type: 4, name: "count", value: 3 },
          { type: 5, name: "flag", value: false },
          { type: 7, name: "category", value: "200000000000000009" },
          { type: 8, name: "role", value: "500000000000000009" },
          { type: 6, name: "someone", value: "300000000000000009" },
          { type: 10, name: "ratio", value: 0.5 },
          { type: 11, name: "file", value: "700000000000000001" },
        ],
      }],
    }],
    resolved: {
      channels: {
        "200000000000000009": {
          id: "200000000000000009",
          name: "Tickets",
          type: 4,
          permissions: "0",
        },
      },
      roles: {
        "500000000000000009": { id: "500000000000000009", name: "Support", managed: false },
      },
    },
  }));
  assert.equal(input.group, "staff");
  assert.equal(input.subcommand, "set");
  assert.deepEqual(input.options, {
    text: { type: "string", value: "hello" },
    count: { type: "integer", value: 3 },
    flag: { type: "boolean", value: false },
    category: {
      type: "channel",
      value: "200000000000000009",
      channel: { id: "200000000000000009", name: "Tickets", kind: "category", parentId: null },
    },
    role: {
      type: "role",
      value: "500000000000000009",
      role: { id: "500000000000000009", name: "Support", managed: false },
    },
    // Not resolved and not a member of the guild.
    someone: { type: "user", value: "300000000000000009", user: null, member: false },
    // A file whose resolved data is missing: the handler asks for it again.
    file: { type: "attachment", value: "700000000000000001", attachment: null },
  });
});

Deno.test("parseInteraction() reads a button press", () => {
  const raw = base(3, { custom_id: "t1:close:42", component_type: 2 });
  raw.message = { id: "600000000000000001", channel_id: "200000000000000001" };
  const input = parse<ComponentInput>(raw);
  assert.equal(input.kind, "component");
  assert.equal(input.customId, "t1:close:42");
  assert.equal(input.messageId, "600000000000000001");
  assert.deepEqual(input.values, []);
});

Deno.test("parseInteraction() reads modal fields in action rows and in labels", () => {
  const input = parse<ModalInput>(base(5, {
    custom_id: "t1:open:1",
    components: [
      { type: 1, components: [{ type: 4, custom_id: "q0", value: "My topic" }] },
      { type: 18, id: 3, component: { type: 4, custom_id: "q1", value: "Details\nhere" } },
    ],
  }));
  assert.equal(input.kind, "modal");
  assert.equal(input.customId, "t1:open:1");
  assert.deepEqual(input.fields, { q0: "My topic", q1: "Details\nhere" });
});

Deno.test("parseInteraction() reads a string select in a modal's label as its values", () => {
  const input = parse<ModalInput>(base(5, {
    custom_id: "t1:openform:1",
    components: [
      { type: 18, id: 1, component: { type: 3, id: 2, custom_id: "q0", values: ["Refund"] } },
      { type: 18, id: 3, component: { type: 3, id: 4, custom_id: "q1", values: [] } },
      { type: 18, id: 5, component: { type: 4, id: 6, custom_id: "q2", value: "A-1" } },
    ],
  }));
  assert.deepEqual(input.choices, { q0: ["Refund"], q1: [] });
  assert.deepEqual(input.fields, { q2: "A-1" });
});

Deno.test("parseInteraction() ignores pings, autocomplete and DMs", () => {
  assert.deepEqual(parseInteraction({ type: 1, id: "1", token: "x" }), { kind: "ping" });
  const autocomplete = parseInteraction(base(4, { name: "ticket", options: [] }));
  assert.equal(autocomplete.kind === "ignored" && autocomplete.answer, "choices");
  const dm = base(2, { id: "1", name: "ticket", type: 1 });
  delete dm.guild_id;
  delete dm.member;
  dm.user = member.user;
  const parsed = parseInteraction(dm);
  assert.equal(parsed.kind === "ignored" && parsed.reason, NOT_IN_GUILD);
  assert.equal(parsed.kind === "ignored" && parsed.answer, "message", "a DM is still answered");
});

Deno.test("parseInteraction() ignores malformed payloads with a reason instead of throwing", () => {
  const broken: unknown[] = [
    null,
    "text",
    [],
    { type: 99 },
    base(2, null),
    base(2, { name: 5 }),
    { ...base(2, { name: "x" }), member: { ...member, permissions: "lots" } },
    { ...base(2, { name: "x" }), member: { ...member, user: { id: "nope" } } },
    { ...base(2, { name: "x" }), channel_id: undefined, channel: undefined },
    { ...base(2, { name: "x" }), token: "" },
    base(2, { name: "x", options: [{ type: 4, name: "n", value: "3" }] }),
    base(2, { name: "x", options: {} }),
    base(3, { custom_id: "c" }), // no message
    base(2, { name: "x", options: [{ type: 6, name: "u", value: 5 }] }),
  ];
  for (const raw of broken) {
    const parsed = parseInteraction(raw);
    assert.ok(parsed.kind === "ignored", JSON.stringify(raw));
    assert.ok(parsed.reason.length > 0);
  }
});

Deno.test("parseInteraction() reads a message command's target from the resolved messages", () => {
  const parsed = parseInteraction(base(2, {
    id: "1",
    name: "Open a ticket about this",
    type: 3,
    target_id: "500000000000000005",
    resolved: {
      messages: {
        "500000000000000005": {
          id: "500000000000000005",
          channel_id: "400000000000000004",
          content: "The checkout page shows an error",
          author: { id: "300000000000000003", username: "carol", global_name: null, avatar: null },
        },
      },
    },
  }));
  assert.ok(
    parsed.kind === "context_menu",
    parsed.kind === "ignored" ? parsed.reason : parsed.kind,
  );
  assert.equal(parsed.name, "Open a ticket about this");
  assert.deepEqual(parsed.target, {
    kind: "message",
    message: {
      id: "500000000000000005",
      channelId: "400000000000000004",
      content: "The checkout page shows an error",
      author: {
        id: "300000000000000003",
        username: "carol",
        globalName: null,
        avatar: null,
        bot: false,
      },
    },
  });
});

Deno.test("parseInteraction() reads a user command's target and the member's roles", () => {
  const user = { id: "300000000000000003", username: "carol", global_name: null, avatar: null };
  const member = (roles: string[]) => ({ roles, permissions: "0" });
  const parsed = parseInteraction(base(2, {
    id: "1",
    name: "Open a ticket for this user",
    type: 2,
    target_id: user.id,
    resolved: {
      users: { [user.id]: user },
      members: { [user.id]: member(["700000000000000007"]) },
    },
  }));
  assert.ok(parsed.kind === "context_menu");
  assert.deepEqual(parsed.target, {
    kind: "user",
    user: { id: user.id, username: "carol", globalName: null, avatar: null, bot: false },
    memberRoles: ["700000000000000007"],
  });
  // A user who left the guild comes without a member: no roles to judge.
  const gone = parseInteraction(base(2, {
    id: "1",
    name: "Open a ticket for this user",
    type: 2,
    target_id: user.id,
    resolved: { users: { [user.id]: user } },
  }));
  assert.ok(gone.kind === "context_menu" && gone.target.kind === "user");
  assert.equal(gone.target.memberRoles, null);
});

Deno.test("parseInteraction() ignores a message command whose target is not resolved", () => {
  const parsed = parseInteraction(base(2, {
    id: "1",
    name: "Open a ticket about this",
    type: 3,
    target_id: "500000000000000005",
  }));
  assert.equal(parsed.kind, "ignored");
});

Deno.test("parseInteraction() leaves guildLocale out when Discord does not send guild_locale", () => {
  const raw = base(2, { id: "1", name: "setup", type: 1 });
  delete (raw as Record<string, unknown>).guild_locale;
  const input = parse<CommandInput>(raw);
  assert.equal(input.guildLocale, undefined);
  assert.equal(input.locale, "fr");
});

Deno.test("parseInteraction() reads an autocomplete query with its focused option", () => {
  const parsed = parseInteraction(base(4, {
    name: "type",
    options: [{
      name: "set",
      type: 1,
      options: [
        { name: "setting", type: 3, value: "feedback" },
        { name: "type", type: 3, value: "Bil", focused: true },
      ],
    }],
  }));
  assert.ok(isInteractionInput(parsed));
  assert.equal(parsed.kind, "autocomplete");
  if (parsed.kind !== "autocomplete") return;
  assert.equal(parsed.subcommand, "set");
  assert.deepEqual(parsed.focused, { name: "type", value: "Bil" });
  assert.deepEqual(parsed.options, { setting: { type: "string", value: "feedback" } });
});
