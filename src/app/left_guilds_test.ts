import assert from "node:assert/strict";
import { hasLeftGuild, markGuildBack, markGuildLeft } from "./left_guilds.ts";

function memoryMeta() {
  const values = new Map<string, string>();
  const writes: string[] = [];
  return {
    writes,
    meta: (key: string) => Promise.resolve(values.get(key) ?? null),
    setMeta(key: string, value: string) {
      writes.push(`${key}=${value}`);
      values.set(key, value);
      return Promise.resolve();
    },
  };
}

Deno.test("a guild the bot left stays left until it is marked back", async () => {
  const store = memoryMeta();
  assert.equal(await hasLeftGuild(store, "1"), false);
  await markGuildLeft(store, "1");
  assert.equal(await hasLeftGuild(store, "1"), true);
  assert.equal(await hasLeftGuild(store, "2"), false);
  await markGuildBack(store, "1");
  assert.equal(await hasLeftGuild(store, "1"), false);
});

Deno.test("markGuildBack() writes nothing for a guild the bot never left", async () => {
  const store = memoryMeta();
  await markGuildBack(store, "1");
  await markGuildBack(store, "2");
  assert.deepEqual(store.writes, []);
});
