import assert from "node:assert/strict";
import { type Kysely, sql } from "kysely";
import { MIGRATIONS } from "../../migrations/mod.ts";
import { openDatabase } from "./connect.ts";
import { migrateDown, migrateToLatest } from "./migrate.ts";

Deno.test("migrateToLatest() reports what ran and names a failing migration", async () => {
  const handle = await openDatabase({ kind: "sqlite", path: ":memory:" });
  try {
    const provider = {
      getMigrations: () =>
        Promise.resolve({
          ...MIGRATIONS,
          "9999_broken": {
            up: async (db: Kysely<unknown>) => {
              await sql`create table nonsense (`.execute(db);
            },
          },
        }),
    };
    await assert.rejects(
      migrateToLatest(handle, { provider }),
      /^Error: Database migration 9999_broken \(up\) failed: /,
    );
    // The migrations before the broken one stay applied.
    assert.deepEqual(await migrateToLatest(handle), { direction: "up", applied: [] });
    assert.deepEqual(await migrateDown(handle), {
      direction: "down",
      applied: Object.keys(MIGRATIONS).sort().reverse(),
    });
  } finally {
    await handle.close();
  }
});
