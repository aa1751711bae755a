import assert from "node:assert/strict";
import {
  contentOf,
  openTicketWorld,
  refusalText,
  type TicketWorld,
} from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef, OptionValue } from "../interaction.ts";
import type { RoleId } from "../ids.ts";
import { shortQuestion } from "../types/short_question.ts";

const set = (
  world: TicketWorld,
  subcommand: string,
  options: Record<string, OptionValue> = {},
  member: MemberRef = world.admin,
) => world.run(commandInput({ name: "config", group: "set", subcommand, member, options }));

Deno.test("/config show lists every setting and the permission table, for admins only", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  refusalText(
    await world.run(commandInput({ name: "config", subcommand: "show", member: world.staff })),
    "not_admin",
  );
  const reply = await world.run(
    commandInput({ name: "config", subcommand: "show", member: world.admin }),
  );
  assert.equal(reply.kind === "message" && reply.ephemeral, true);
  const fields = reply.kind === "message" ? reply.body.embeds?.[0]?.fields ?? [] : [];
  const byName = Object.fromEntries(fields.map((f) => [f.name, f.value]));
  assert.equal(byName["Staff roles"], `<@&${world.staffRole.id}>`);
  assert.equal(byName["Open tickets per member"], "1");
  assert.equal(byName["Channel names"], "`ticket-{number}`");
  assert.match(byName["Who may do what"] ?? "", /claim +yes +yes +- +-/);
  assert.match(byName["Who may do what"] ?? "", /setup +yes +- +- +-/);
});

Deno.test("/config set changes each setting and audits it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const { stores } = world;
  const guild = world.discord.guildId;
  const extra = world.discord.addRole("Moderators");
  const category = world.discord.addChannel({ name: "Support", kind: "category" });
  const logs = world.discord.addChannel({ name: "mod-log", kind: "text" });

  await set(world, "staff_role_add", { role: opt.role(extra.id) });
  await set(world, "staff_role_remove", { role: opt.role(world.staffRole.id) });
  await set(world, "category", { category: opt.channel(category.id, "category") });
  await set(world, "log_channel", { channel: opt.channel(logs.id) });
  await set(world, "max_open", { limit: opt.integer(3) });
  await set(world, "naming_scheme", { scheme: opt.string("{username}-{number}") });
  await set(world, "welcome_text", { text: opt.string("Hello there") });
  await set(world, "transcript_dm", { enabled: opt.boolean(false) });
  await set(world, "openers_may_add", { enabled: opt.boolean(true) });
  await set(world, "question", { text: opt.string("Order number?") });

  const type = await stores.types.defaultFor(guild);
  assert.deepEqual(type.staffRoleIds, [extra.id]);
  assert.equal(type.categoryId, category.id);
  assert.equal(type.maxOpenPerMember, 3);
  assert.equal(type.namingScheme, "{username}-{number}");
  assert.equal(type.welcomeText, "Hello there");
  assert.equal(type.openersMayAddMembers, true);
  assert.deepEqual(type.questions, [shortQuestion("Order number?")]);
  const settings = await stores.settings.guild(guild);
  assert.equal(settings.logChannelId, logs.id);
  assert.equal(settings.transcriptDm, false);
  const audits = (await stores.audit.recent(guild, 50)).filter((e) => e.action === "config.set");
  assert.equal(audits.length, 10);

  assert.match(
    contentOf(await set(world, "question", { text: opt.string("none") })),
    /without a question/,
  );
  await set(world, "welcome_text", { text: opt.string("none") });
  await set(world, "log_channel");
  assert.deepEqual((await stores.types.defaultFor(guild)).questions, []);
  assert.equal((await stores.types.defaultFor(guild)).welcomeText, null);
  assert.equal((await stores.settings.guild(guild)).logChannelId, null);
});

Deno.test("/config set refuses every invalid value and changes nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const { stores } = world;
  const guild = world.discord.guildId;
  const before = await stores.types.defaultFor(guild);
  const text = world.discord.addChannel({ name: "general", kind: "text" });
  const category = world.discord.addChannel({ name: "Archive", kind: "category" });
  const deletedRole = "777777777777777777" as RoleId;
  const managed = world.discord.addRole("Some bot", { managed: true });

  const cases: Array<[string, Record<string, OptionValue>]> = [
    ["staff_role_add", { role: opt.role(deletedRole) }],
    ["staff_role_add", { role: opt.role(guild as string as RoleId) }],
    ["staff_role_add", { role: opt.role(managed.id) }],
    ["staff_role_add", { role: opt.role(world.staffRole.id) }],
    ["staff_role_remove", { role: opt.role(deletedRole) }],
    ["category", { category: opt.channel(text.id, "category") }],
    ["category", { category: opt.channel("888888888888888888" as never, "category") }],
    ["log_channel", { channel: opt.channel(category.id, "text") }],
    ["max_open", { limit: opt.integer(0) }],
    ["max_open", { limit: opt.integer(1000) }],
    ["max_open", { limit: opt.integer(2.5) }],
    ["naming_scheme", { scheme: opt.string("!!!") }],
    ["naming_scheme", { scheme: opt.string("{username}") }],
    ["naming_scheme", { scheme: opt.string("{nickname}-{number}") }],
    ["naming_scheme", { scheme: opt.string("x".repeat(101)) }],
    ["welcome_text", { text: opt.string("x".repeat(1501)) }],
    ["question", { text: opt.string("q".repeat(46)) }],
  ];
  for (const [subcommand, options] of cases) {
    const reply = await set(world, subcommand, options);
    assert.equal(
      reply.kind === "refused" && reply.code,
      "invalid_value",
      `${subcommand} ${JSON.stringify(options, (_, v) => typeof v === "bigint" ? String(v) : v)}`,
    );
  }
  assert.deepEqual(await stores.types.defaultFor(guild), before);
  assert.equal(
    (await stores.audit.recent(guild, 50)).filter((e) => e.action === "config.set").length,
    0,
  );
});

Deno.test("/config set is for admins only", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  refusalText(await set(world, "max_open", { limit: opt.integer(2) }, world.staff), "not_admin");
  refusalText(await set(world, "max_open", { limit: opt.integer(2) }, world.alice), "not_admin");
  assert.equal(
    (await world.stores.types.defaultFor(world.discord.guildId)).maxOpenPerMember,
    1,
  );
});
