import assert from "node:assert/strict";
import { openTestStores } from "../../../tests/fixtures/test_stores.ts";
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "../ids.ts";
import { defaultTypeSettings } from "../model.ts";
import { discordWork } from "./apply_config.ts";
import { documentOf, readConfigState, renderConfig } from "./export_config.ts";
import { parseConfig } from "./parse_config.ts";
import { planConfig } from "./plan_config.ts";
import { prepareImport } from "./prepare_import.ts";

const GUILD = "100000000000000001" as GuildId;

async function storesWithPanel() {
  const stores = await openTestStores();
  const type = await stores.types.defaultFor(GUILD);
  await stores.panels.save({
    guildId: GUILD,
    channelId: "100000000000000002" as ChannelId,
    messageId: "100000000000000003" as MessageId,
    typeIds: [type.id],
    style: "buttons",
    title: "Help",
    description: "Ask us",
    buttonLabel: "Open",
    createdBy: "100000000000000004" as UserId,
  });
  return stores;
}

Deno.test("planConfig() finds no change in the file the configuration exports", async () => {
  const stores = await storesWithPanel();
  try {
    const state = await readConfigState(stores, GUILD);
    const parsed = parseConfig(renderConfig(documentOf(state)));
    assert.ok("document" in parsed);
    const planned = planConfig(state, parsed.document, new Map());
    assert.ok(planned.kind === "plan");
    assert.deepEqual(planned.changes, []);
  } finally {
    await stores.close();
  }
});

Deno.test("planConfig() refuses a file of another server, an unknown panel and a moved one", async () => {
  const stores = await storesWithPanel();
  try {
    const state = await readConfigState(stores, GUILD);
    const text = renderConfig(documentOf(state))
      .replace(`guildId: "${GUILD}"`, 'guildId: "100000000000000009"')
      .replace('channelId: "100000000000000002"', 'channelId: "100000000000000008"');
    const other = text.replace(
      /panels:\n/,
      [
        "panels:",
        '  - messageId: "100000000000000007"',
        '    channelId: "100000000000000002"',
        "    title: New",
        "    description: New",
        "    buttonLabel: New",
        "    style: buttons",
        "    types: [Support]",
        "",
      ].join("\n"),
    );
    const parsed = parseConfig(other);
    assert.ok("document" in parsed, JSON.stringify(parsed));
    const planned = planConfig(state, parsed.document, new Map());
    assert.ok(planned.kind === "invalid");
    assert.deepEqual(planned.problems.map((p) => p.split(":")[0]), [
      "guildId",
      "panels[0].messageId",
      "panels[1].channelId",
    ]);
  } finally {
    await stores.close();
  }
});

Deno.test("discordWork() names a panel edit and new staff roles of a type with open tickets", async () => {
  const stores = await storesWithPanel();
  try {
    const type = await stores.types.defaultFor(GUILD);
    await stores.tickets.open({
      guildId: GUILD,
      typeId: type.id,
      openerId: "100000000000000005" as UserId,
      topic: null,
      answers: [],
    });
    const text = renderConfig(documentOf(await readConfigState(stores, GUILD)))
      .replace("title: Help", "title: Ask")
      .replace("staffRoleIds: []", 'staffRoleIds: ["100000000000000006"]');
    const prepared = await prepareImport(stores, { guildId: null, text });
    assert.ok(prepared.kind === "ready");
    assert.equal(prepared.changes.length, 2);
    const work = discordWork(prepared.plan, prepared.state, prepared.openByType);
    assert.equal(work.length, 2);
    assert.match(work[0]!, /message 100000000000000003 would be edited on Discord/);
    assert.match(work[1]!, /"Support" has 1 open ticket/);
  } finally {
    await stores.close();
  }
});

Deno.test("planConfig() keeps a panel whose types were all deleted, and refuses emptying one", async () => {
  const stores = await storesWithPanel();
  try {
    const support = await stores.types.defaultFor(GUILD);
    const created = await stores.types.create(GUILD, defaultTypeSettings("Billing"));
    assert.ok(created.kind === "created");
    const [panel] = await stores.panels.list(GUILD);
    await stores.panels.update(panel!.id, { typeIds: [created.type.id] });
    assert.equal((await stores.types.remove(created.type.id)).kind, "deleted");
    const state = await readConfigState(stores, GUILD);
    const text = renderConfig(documentOf(state));
    assert.match(text, /types: \[\]\n/);
    const same = parseConfig(text);
    assert.ok("document" in same, JSON.stringify(same));
    const kept = planConfig(state, same.document, new Map());
    assert.ok(kept.kind === "plan" && kept.changes.length === 0);

    await stores.panels.update(panel!.id, { typeIds: [support.id] });
    const now = await readConfigState(stores, GUILD);
    const emptied = parseConfig(
      renderConfig(documentOf(now)).replace(/types:\n\s+- Support\n/, "types: []\n"),
    );
    assert.ok("document" in emptied, JSON.stringify(emptied));
    const refused = planConfig(now, emptied.document, new Map());
    assert.ok(refused.kind === "invalid");
    assert.deepEqual(refused.problems, ["panels[0].types: at least 1"]);
  } finally {
    await stores.close();
  }
});

Deno.test("planConfig() gives a new type without staff roles the guild's", async () => {
  const stores = await storesWithPanel();
  try {
    const support = await stores.types.defaultFor(GUILD);
    const guildStaff = "100000000000000005" as RoleId;
    const ownStaff = "100000000000000006" as RoleId;
    await stores.types.update(support.id, { staffRoleIds: [guildStaff] });
    const state = await readConfigState(stores, GUILD);
    const document = documentOf(state);
    const withTypes = (defaultStaff?: RoleId[]) => ({
      ...document,
      types: [
        ...document.types.map((entry) => {
          const { staffRoleIds: _staff, ...rest } = entry;
          return defaultStaff === undefined ? rest : { ...rest, staffRoleIds: defaultStaff };
        }),
        { name: "Billing" },
        { name: "Bugs", staffRoleIds: [ownStaff] },
      ],
    });
    const kept = planConfig(state, withTypes(), new Map());
    assert.ok(kept.kind === "plan");
    assert.deepEqual(kept.plan.updateTypes, [], "the default type keeps its staff roles");
    assert.deepEqual(kept.plan.createTypes.map((t) => [t.name, t.staffRoleIds]), [
      ["Billing", [guildStaff]],
      ["Bugs", [ownStaff]],
    ]);
    const changed = planConfig(state, withTypes([ownStaff]), new Map());
    assert.ok(changed.kind === "plan");
    assert.deepEqual(changed.plan.createTypes.map((t) => t.staffRoleIds), [[ownStaff], [ownStaff]]);
  } finally {
    await stores.close();
  }
});
