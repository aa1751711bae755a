import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import type { TicketWorld } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, componentInput, opt } from "../../../tests/fixtures/inputs.ts";
import { TEST_GUILD_ID } from "../../../tests/fixtures/recording_discord.ts";
import type { MemberRef } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { buttonIds } from "../../../tests/e2e/world.ts";

const URL_BASE = "https://cdn.example/attachments/config";

async function exported(world: TicketWorld, member = world.admin): Promise<string> {
  const reply = await world.run(commandInput({ name: "config", subcommand: "export", member }));
  assert.ok(reply.kind === "message" && reply.ephemeral, JSON.stringify(reply));
  const file = reply.body.files?.[0];
  assert.ok(file, "the answer carries the file");
  assert.equal(file.name, `ticketeer-config-${TEST_GUILD_ID}.yaml`);
  return new TextDecoder().decode(file.data);
}

let uploads = 0;
function importFile(world: TicketWorld, text: string, member: MemberRef = world.admin) {
  const url = `${URL_BASE}/${++uploads}.yaml`;
  const data = new TextEncoder().encode(text);
  world.discord.downloads.set(url, data);
  return world.run(commandInput({
    name: "config",
    subcommand: "import",
    member,
    options: { file: opt.attachment(url, data.byteLength) },
  }));
}

function press(world: TicketWorld, reply: Reply, index: number, member = world.admin) {
  assert.ok(reply.kind === "message", JSON.stringify(reply));
  const customId = buttonIds(reply.body)[index];
  assert.ok(customId, "the preview has Apply and Cancel");
  return world.run(componentInput({ member, customId }));
}

Deno.test("/config export then /config import of the same file says there are no changes", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const text = await exported(world);
  assert.match(text, /^# ticketeer configuration/);
  assert.match(contentOf(await importFile(world, text)), /No changes/);
});

Deno.test("/config import previews the changes, applies them on Apply, and exports the file back", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const before = await exported(world);
  const extra = world.discord.addRole("Seniors");
  const changed = before
    .replace("maxOpenPerMember: 1", "maxOpenPerMember: 3")
    .replace(/staffRoleIds:\n(\s+)- "(\d+)"/, `staffRoleIds:\n$1- "$2"\n$1- "${extra.id}"`)
    // A type entry needs only its name: the other settings are a new type's.
    .replace("panels: []", "  - name: Billing\npanels: []")
    .replace("tags: {}", "tags:\n  refund: Refunds take five days.");
  const preview = await importFile(world, changed);
  const said = contentOf(preview);
  assert.match(said, /makes 4 changes/, said);
  assert.match(said, /new tag “refund”/);
  assert.match(said, /types\[0\]\.maxOpenPerMember`: 1 → 3/);
  assert.match(said, /new type “Billing”/);
  // Nothing changes before Apply; only the member who asked may press it.
  assert.equal((await world.stores.types.defaultFor(TEST_GUILD_ID)).maxOpenPerMember, 1);
  const other = world.newMember("other-admin");
  refusalText(
    await press(world, preview, 0, { ...other, permissions: world.admin.permissions }),
    "not_allowed",
  );
  refusalText(await press(world, preview, 0, world.staff), "not_admin");
  const applied = contentOf(await press(world, preview, 0));
  assert.match(applied, /Applied/);
  assert.match(applied, /permissions of 1 open ticket/);
  const type = await world.stores.types.defaultFor(TEST_GUILD_ID);
  assert.equal(type.maxOpenPerMember, 3);
  assert.ok(type.staffRoleIds.includes(extra.id));
  assert.ok(await world.stores.types.byName(TEST_GUILD_ID, "Billing"));
  assert.equal(
    (await world.stores.tags.get(TEST_GUILD_ID, "refund"))?.content,
    "Refunds take five days.",
  );
  assert.ok(
    world.discord.calls.some((c) =>
      c.method === "editChannel" && c.args[0] === ticket.channelId &&
      (c.args[1] as { overwrites: Array<{ id: string }> }).overwrites.some((o) => o.id === extra.id)
    ),
    "the open ticket's channel lets the new staff role in",
  );
  // Pressing Apply again finds nothing waiting.
  refusalText(await press(world, preview, 0), "invalid_value");
  const after = await exported(world);
  assert.match(contentOf(await importFile(world, after)), /No changes/);
});

Deno.test("/config import refuses a file with three problems, listing each, and changes nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const before = await exported(world);
  const broken = before
    .replace("maxOpenPerMember: 1", "maxOpenPerMember: 0")
    .replace("claimMode: open", "claimMode: sometimes")
    .replace("transcriptDm: true", "transcriptDm: maybe");
  const text = refusalText(await importFile(world, broken), "invalid_value");
  assert.match(text, /3 problems/);
  assert.match(text, /guild\.transcriptDm: /);
  assert.match(text, /types\[0\]\.maxOpenPerMember: at least 1/);
  assert.match(text, /types\[0\]\.claimMode: /);
  assert.equal(await exported(world), before);
});

Deno.test("/config import refuses members without Manage Server, a missing or oversized file, and a stale preview", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const text = await exported(world);
  refusalText(await importFile(world, text, world.staff), "not_admin");
  refusalText(
    await world.run(commandInput({ name: "config", subcommand: "export", member: world.alice })),
    "not_admin",
  );
  const none = await world.run(
    commandInput({ name: "config", subcommand: "import", member: world.admin }),
  );
  assert.match(refusalText(none, "invalid_value"), /Attach/);
  const huge = await world.run(commandInput({
    name: "config",
    subcommand: "import",
    member: world.admin,
    options: { file: opt.attachment(`${URL_BASE}/huge.yaml`, 10_000_000) },
  }));
  assert.match(refusalText(huge, "invalid_value"), /larger than 256 KB/);
  const gone = await world.run(commandInput({
    name: "config",
    subcommand: "import",
    member: world.admin,
    options: { file: opt.attachment(`${URL_BASE}/missing.yaml`, 10) },
  }));
  assert.match(refusalText(gone, "invalid_value"), /could not download/);

  // The configuration changes between the preview and Apply: nothing is applied.
  const preview = await importFile(
    world,
    text.replace("maxOpenPerMember: 1", "maxOpenPerMember: 2"),
  );
  const type = await world.stores.types.defaultFor(TEST_GUILD_ID);
  await world.stores.types.update(type.id, { maxOpenPerMember: 5 });
  assert.match(
    refusalText(await press(world, preview, 0), "invalid_value"),
    /changed after this preview/,
  );
  assert.equal((await world.stores.types.defaultFor(TEST_GUILD_ID)).maxOpenPerMember, 5);

  // A newer import replaces the one waiting.
  const older = await importFile(world, text.replace("maxOpenPerMember: 1", "maxOpenPerMember: 3"));
  const newer = await importFile(world, text.replace("maxOpenPerMember: 1", "maxOpenPerMember: 4"));
  assert.match(refusalText(await press(world, older, 0), "invalid_value"), /no longer waiting/);
  assert.match(contentOf(await press(world, newer, 0)), /Applied 1 change\./);
  assert.equal((await world.stores.types.defaultFor(TEST_GUILD_ID)).maxOpenPerMember, 4);
  await world.stores.types.update(type.id, { maxOpenPerMember: 5 });

  // Cancel forgets the file.
  const again = await importFile(
    world,
    text.replace("maxOpenPerMember: 1", "maxOpenPerMember: 2").replace(
      "maxOpenPerMember: 5",
      "maxOpenPerMember: 2",
    ),
  );
  const cancelled = await press(world, again, 1);
  assert.ok(cancelled.kind === "update" && /cancelled/.test(cancelled.body.content ?? ""));
  refusalText(await press(world, again, 0), "invalid_value");
  assert.equal((await world.stores.types.defaultFor(TEST_GUILD_ID)).maxOpenPerMember, 5);
});

Deno.test("/config import edits a changed panel in place, keeps one left out, and refuses deleting a type with open tickets", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  await world.run(commandInput({
    name: "type",
    subcommand: "create",
    member: world.admin,
    options: { name: opt.string("Billing") },
  }));
  const help = world.discord.addChannel({ name: "help", kind: "text" });
  const posted = await world.run(commandInput({
    name: "panel",
    subcommand: "create",
    member: world.admin,
    options: {
      channel: opt.channel(help.id),
      title: opt.string("Help desk"),
      types: opt.string("Support, Billing"),
    },
  }));
  assert.match(contentOf(posted), /Panel posted/);
  const text = await exported(world);
  assert.match(text, /types:\n\s+- Support\n\s+- Billing/);

  const retitled = text.replace("title: Help desk", "title: Ask us");
  const preview = await importFile(world, retitled);
  assert.match(contentOf(preview), /panels\[0\]\.title`: "Help desk" → "Ask us"/);
  const before = world.discord.calls.length;
  assert.match(contentOf(await press(world, preview, 0)), /Edited 1 posted panel/);
  const calls = world.discord.calls.slice(before);
  assert.ok(calls.some((c) => c.method === "editMessage"), "the panel is edited");
  assert.ok(!calls.some((c) => c.method === "sendMessage" && c.args[0] === help.id));
  assert.equal((await world.stores.panels.list(TEST_GUILD_ID))[0]!.title, "Ask us");

  // A file without the panel keeps it, and says so.
  const withoutPanel = retitled.replace(/panels:\n[\s\S]*?\ntags:/, "panels: []\ntags:");
  const kept = contentOf(await importFile(world, withoutPanel));
  assert.match(kept, /No changes/);
  assert.match(kept, /not in the file: it stays as it is/);

  // Leaving out a type with open tickets is refused.
  const billing = (await world.stores.types.byName(TEST_GUILD_ID, "Billing"))!;
  await world.stores.tickets.open({
    guildId: TEST_GUILD_ID,
    typeId: billing.id,
    openerId: world.alice.user.id,
    topic: null,
    answers: [],
  });
  const current = await exported(world);
  const withoutBilling = current
    .replace(/ {2}- name: Billing\n[\s\S]*?\npanels:/, "panels:")
    .replace(/\n\s+- Billing\n/, "\n");
  const refused = refusalText(await importFile(world, withoutBilling), "invalid_value");
  assert.match(refused, /"Billing" is left out, so it would be deleted, but it has 1 open ticket/);
  assert.ok(await world.stores.types.byName(TEST_GUILD_ID, "Billing"));
});
