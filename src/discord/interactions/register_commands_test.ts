import assert from "node:assert/strict";
import { guildId } from "../../core/ids.ts";
import { registeredCommands } from "../../core/interactions/registry.ts";

import { startRecordedRest, TEST_APPLICATION_ID } from "../../../tests/fixtures/rest_recorder.ts";
import { canonicalJson, registerCommands } from "./register_commands.ts";

const COMMANDS = await registeredCommands();

const APP = TEST_APPLICATION_ID;

function metaStore() {
  const values = new Map<string, string>();
  return {
    values,
    meta: (key: string) => Promise.resolve(values.get(key) ?? null),
    setMeta: (key: string, value: string) => {
      values.set(key, value);
      return Promise.resolve();
    },
  };
}

async function setup() {
  const recorded = await startRecordedRest();
  recorded.recorder.respond((
    r,
  ) => (r.method === "PUT" ? { status: 200, json: r.json } : undefined));
  return recorded;
}

Deno.test("registerCommands() registers once, then only when the definitions change", async () => {
  await using t = await setup();
  const settings = metaStore();
  const options = { applicationId: APP, guildId: null, settings };
  assert.equal(await registerCommands(t.rest, options), true);
  assert.equal(await registerCommands(t.rest, options), false);
  assert.equal(t.recorder.calls.length, 1);
  const call = t.recorder.calls[0]!;
  assert.equal(call.method, "PUT");
  assert.equal(call.path, `/applications/${APP}/commands`);
  assert.deepEqual(call.json, JSON.parse(JSON.stringify(COMMANDS)));
  assert.match(settings.values.get("commands_hash:global") ?? "", /^[0-9a-f]{64}$/);

  const changed = [...COMMANDS, { name: "extra", description: "Extra", type: 1 }];
  assert.equal(await registerCommands(t.rest, { ...options, commands: changed }), true);
  assert.equal(t.recorder.calls.length, 2);
});

Deno.test("registerCommands() keeps a separate hash per guild scope", async () => {
  await using t = await setup();
  const settings = metaStore();
  const guild = guildId("222222222222222222");
  assert.equal(
    await registerCommands(t.rest, { applicationId: APP, guildId: guild, settings }),
    true,
  );
  assert.equal(
    t.recorder.calls[0]!.path,
    `/applications/${APP}/guilds/222222222222222222/commands`,
  );
  assert.equal(
    await registerCommands(t.rest, { applicationId: APP, guildId: null, settings }),
    true,
  );
  assert.equal(
    await registerCommands(t.rest, { applicationId: APP, guildId: guild, settings }),
    false,
  );
  assert.deepEqual([...settings.values.keys()].sort(), [
    "commands_hash:global",
    "commands_hash:guild:222222222222222222",
  ]);
});

Deno.test("registerCommands() stores no hash when Discord refuses the commands", async () => {
  await using t = await setup();
  t.recorder.respond(() => ({ status: 400, json: { code: 50035, message: "Invalid Form Body" } }));
  const settings = metaStore();
  await assert.rejects(registerCommands(t.rest, { applicationId: APP, guildId: null, settings }));
  assert.equal(settings.values.size, 0);
});

Deno.test("canonicalJson() ignores key order", () => {
  assert.equal(
    canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }),
    canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
  );
  assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
});
