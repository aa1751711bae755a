import assert from "node:assert/strict";
import { createLeftGuilds, hasLeftGuild } from "./left_guilds.ts";
import { openTestStores } from "../../tests/fixtures/test_stores.ts";

Deno.test("a guild the bot left stays left until it is marked back", async () => {
  const stores = await openTestStores();
  try {
    const left = createLeftGuilds(stores.settings, stores.retention);
    assert.equal(await hasLeftGuild(stores.settings, "1"), false);
    await left.markLeft("1");
    assert.equal(await hasLeftGuild(stores.settings, "1"), true);
    assert.equal(await hasLeftGuild(stores.settings, "2"), false);
    await left.markBack("1");
    assert.equal(await hasLeftGuild(stores.settings, "1"), false);
  } finally {
    await stores.close();
  }
});

Deno.test("a departure is dated when the bot leaves and forgotten when it is back", async () => {
  const stores = await openTestStores();
  try {
    const left = createLeftGuilds(stores.settings, stores.retention);
    await left.markLeft("3");
    await left.markLeft("4");
    const soon = new Date((await stores.databaseClock.now()).getTime() + 1_000);
    assert.deepEqual(await stores.retention.guildsLeftBefore(soon, 10), ["3", "4"]);
    await left.markBack("3");
    assert.deepEqual(await stores.retention.guildsLeftBefore(soon, 10), ["4"]);
  } finally {
    await stores.close();
  }
});

Deno.test("createLeftGuilds() reads the database once for a burst of GUILD_CREATE", async () => {
  const stores = await openTestStores();
  try {
    await createLeftGuilds(stores.settings, stores.retention).markLeft("7");
    let reads = 0;
    let writes = 0;
    const counted = {
      meta: (key: string) => {
        reads++;
        return stores.settings.meta(key);
      },
      metaWithPrefix: (prefix: string) => {
        reads++;
        return stores.settings.metaWithPrefix(prefix);
      },
      setMeta: (key: string, value: string) => {
        writes++;
        return stores.settings.setMeta(key, value);
      },
    };
    // A later process starting: every guild arrives, one of them had been left.
    const left = createLeftGuilds(counted, stores.retention);
    await Promise.all(Array.from({ length: 1000 }, (_, i) => left.markBack(String(i + 1))));
    assert.equal(reads, 1);
    assert.equal(writes, 1);
    assert.equal(await hasLeftGuild(stores.settings, "7"), false);
  } finally {
    await stores.close();
  }
});

Deno.test("metaWithPrefix() takes the prefix literally, wildcards included", async () => {
  const stores = await openTestStores();
  try {
    await stores.settings.setMeta("guild_left:1", "1");
    await stores.settings.setMeta("guildXleft:2", "1");
    await stores.settings.setMeta("other", "1");
    const rows = await stores.settings.metaWithPrefix("guild_left:");
    assert.deepEqual(rows.map((r) => r.key), ["guild_left:1"]);
  } finally {
    await stores.close();
  }
});
