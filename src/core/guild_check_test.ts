import assert from "node:assert/strict";
import { basePermissions, checkGuild, checkGuilds } from "./guild_check.ts";
import type { RoleId } from "./ids.ts";
import { Permission } from "./permissions_bits.ts";
import { BOT_ID, RecordingDiscord } from "../../tests/fixtures/recording_discord.ts";
import { openTestStores } from "../../tests/fixtures/test_stores.ts";
import { testContext } from "../../tests/fixtures/test_context.ts";

const EVERYTHING_NEEDED = Permission.ViewChannel | Permission.ManageChannels |
  Permission.ManageRoles | Permission.SendMessages | Permission.EmbedLinks |
  Permission.AttachFiles | Permission.ReadMessageHistory;

/** A guild whose bot holds `permissions` through its own role. */
async function world(permissions: bigint) {
  const store = await openTestStores();
  const discord = new RecordingDiscord({ guildName: "My server" });
  const botRole = discord.addRole("ticketeer", { managed: true, permissions });
  discord.members.set(BOT_ID, { user: discord.bot, nick: null, roles: [botRole.id] });
  const ctx = testContext({ stores: store, discord });
  return { store, discord, ctx, botRole };
}

Deno.test("checkGuild() finds nothing wrong with a fully set-up guild", async () => {
  const { store, discord, ctx } = await world(EVERYTHING_NEEDED);
  try {
    const category = discord.addChannel({ name: "Tickets", kind: "category" });
    const logs = discord.addChannel({ name: "ticket-logs", kind: "text" });
    const staff = discord.addRole("Support");
    const type = await store.types.defaultFor(discord.guildId);
    await store.types.update(type.id, {
      categoryId: category.id,
      staffRoleIds: [staff.id],
    });
    await store.settings.updateGuild(discord.guildId, { logChannelId: logs.id });

    assert.deepEqual(await checkGuild(ctx, discord.guildId, BOT_ID), []);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuild() names each missing bot permission and what it breaks", async () => {
  // @everyone grants View Channel, Send Messages and Read Message History.
  const { store, discord, ctx } = await world(Permission.EmbedLinks);
  try {
    const lines = await checkGuild(ctx, discord.guildId, BOT_ID);
    assert.equal(lines.length, 3, lines.join("\n"));
    assert.match(lines[0]!, /^Guild 100000000000000001 "My server": the bot lacks Manage Channels/);
    assert.match(
      lines[1]!,
      /the bot lacks Manage Roles — it cannot give members access to ticket channels\. Fix: /,
    );
    assert.match(lines[2]!, /the bot lacks Attach Files/);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuild() treats Administrator as every permission", async () => {
  const { store, discord, ctx } = await world(Permission.Administrator);
  try {
    assert.deepEqual(await checkGuild(ctx, discord.guildId, BOT_ID), []);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuild() reports a deleted category, log channel and staff role", async () => {
  const { store, discord, ctx } = await world(EVERYTHING_NEEDED);
  try {
    const type = await store.types.defaultFor(discord.guildId);
    const goneRole = "300000000000000001" as RoleId;
    await store.types.update(type.id, {
      categoryId: discord.newId(),
      staffRoleIds: [goneRole],
    });
    await store.settings.updateGuild(discord.guildId, { logChannelId: discord.newId() });

    const lines = await checkGuild(ctx, discord.guildId, BOT_ID, { guildName: "Renamed" });
    const text = lines.join("\n");
    assert.match(
      text,
      /Guild 100000000000000001 "Renamed": the ticket category \d+ no longer exists/,
    );
    assert.match(text, /the log channel \d+ no longer exists/);
    assert.match(text, /the staff role 300000000000000001 no longer exists/);
    assert.match(text, /no staff role is left/);
    assert.equal(lines.length, 4, text);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuild() reports a category setting that points at a text channel", async () => {
  const { store, discord, ctx } = await world(EVERYTHING_NEEDED);
  try {
    const general = discord.addChannel({ name: "general", kind: "text" });
    const type = await store.types.defaultFor(discord.guildId);
    await store.types.update(type.id, { categoryId: general.id });

    const lines = await checkGuild(ctx, discord.guildId, BOT_ID);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0]!, /points at #general, which is not a category/);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuild() says so when the bot is no longer a member", async () => {
  const { store, discord, ctx } = await world(EVERYTHING_NEEDED);
  try {
    discord.members.delete(BOT_ID);
    const lines = await checkGuild(ctx, discord.guildId, BOT_ID);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /the bot is not a member of this guild/);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuild() turns a Discord failure into a line instead of throwing", async () => {
  const { store, discord, ctx } = await world(EVERYTHING_NEEDED);
  try {
    discord.failNext("roles", { kind: "missing_access" });
    const lines = await checkGuild(ctx, discord.guildId, BOT_ID);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /could not read its roles and channels/);
  } finally {
    await store.close();
  }
});

Deno.test("checkGuilds() marks a healthy guild ready and a broken one not ok", async () => {
  const healthy = await world(EVERYTHING_NEEDED);
  try {
    const report = await checkGuilds(healthy.ctx, BOT_ID);
    assert.deepEqual(report, {
      ok: true,
      lines: ['Guild 100000000000000001 "My server": ready.'],
    });
  } finally {
    await healthy.store.close();
  }
  const broken = await world(0n);
  try {
    const report = await checkGuilds(broken.ctx, BOT_ID);
    assert.equal(report.ok, false);
    assert.ok(report.lines.some((line) => line.includes("the bot lacks Manage Roles")));
  } finally {
    await broken.store.close();
  }
});

Deno.test("basePermissions() adds @everyone and the member's roles only", () => {
  const guild = "100000000000000001" as Parameters<typeof basePermissions>[0];
  const roles = [
    {
      id: guild as string as RoleId,
      name: "@everyone",
      permissions: 1n,
      position: 0,
      managed: false,
    },
    { id: "2" as RoleId, name: "held", permissions: 2n, position: 1, managed: false },
    { id: "3" as RoleId, name: "other", permissions: 4n, position: 2, managed: false },
  ];
  assert.equal(basePermissions(guild, ["2" as RoleId], roles), 3n);
});

Deno.test("checkGuild() names a thread-mode type's missing parent and thread permissions", async () => {
  const { store, discord, ctx, botRole } = await world(EVERYTHING_NEEDED);
  try {
    const support = discord.addChannel({ name: "support", kind: "text" });
    const type = await store.types.defaultFor(discord.guildId);
    await store.types.update(type.id, { mode: "thread" });
    const unset = await checkGuild(ctx, discord.guildId, BOT_ID);
    assert.ok(unset.some((l) => /opens private threads but its parent channel/.test(l)), unset[0]);

    await store.types.update(type.id, { parentChannelId: support.id });
    const lacking = await checkGuild(ctx, discord.guildId, BOT_ID);
    const line = lacking.find((l) => l.includes("#support"));
    assert.match(
      line ?? "",
      /lacks Create Private Threads, Send Messages in Threads, Manage Threads/,
    );

    botRole.permissions |= Permission.CreatePrivateThreads | Permission.SendMessagesInThreads |
      Permission.ManageThreads;
    const fine = await checkGuild(ctx, discord.guildId, BOT_ID);
    assert.ok(!fine.some((l) => l.includes("private threads")), fine.join("\n"));
  } finally {
    await store.close();
  }
});
