import assert from "node:assert/strict";
import { clearLocksOnStart } from "./clear_locks.ts";
import { openTestStores } from "../../tests/fixtures/test_stores.ts";

Deno.test("clearLocksOnStart() releases every lock left in a SQLite database", async () => {
  const test = await openTestStores();
  try {
    assert.ok(await test.locks.acquire("close:1", 60_000));
    assert.ok(await test.locks.acquire("overflow:2", 60_000));
    assert.equal(await clearLocksOnStart(test.handle), 2);
    assert.ok(await test.locks.acquire("close:1", 60_000), "free again");
    assert.equal(await clearLocksOnStart(test.handle), 1);
    assert.equal(await clearLocksOnStart(test.handle), 0);
  } finally {
    await test.close();
  }
});
