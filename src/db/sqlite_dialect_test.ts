import assert from "node:assert/strict";
import { join } from "node:path";
import { Kysely, sql } from "kysely";
import { createSqliteDialect, openSqliteDatabase } from "./sqlite_dialect.ts";

Deno.test("createSqliteDialect() creates the parent directory and turns on WAL, NORMAL syncs and foreign keys", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer_sqlite_" });
  const path = join(dir, "nested", "deeper", "t.db");
  const db = new Kysely<Record<string, never>>({ dialect: createSqliteDialect(path) });
  try {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    assert.equal(journal.rows[0]?.journal_mode, "wal");
    // NORMAL (1): in WAL mode, commits wait for no fsync; checkpoints still do.
    const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    assert.equal(synchronous.rows[0]?.synchronous, 1);
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    assert.equal(keys.rows[0]?.foreign_keys, 1);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
    assert.equal(busy.rows[0]?.timeout, 5000);
    assert.ok((await Deno.stat(path)).isFile);
  } finally {
    await db.destroy();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("createSqliteDialect() runs parameterised reads, writes and streams on :memory:", async () => {
  const db = new Kysely<{ t: { id: number; b: Uint8Array | null; s: string; f: number } }>({
    dialect: createSqliteDialect(":memory:"),
  });
  try {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    assert.equal(journal.rows[0]?.journal_mode, "memory");
    await sql`create table t (id integer primary key, b blob, s text not null, f integer)`
      .execute(db);
    const inserted = await db.insertInto("t")
      .values({ id: 7, b: new Uint8Array([0, 255, 1]), s: "é🎫", f: 1 })
      .executeTakeFirstOrThrow();
    assert.equal(inserted.insertId, 7n);
    assert.equal(inserted.numInsertedOrUpdatedRows, 1n);
    await db.insertInto("t").values({ id: 8, b: null, s: "x", f: 0 }).execute();
    const rows = await db.selectFrom("t").selectAll().where("s", "=", "é🎫").execute();
    assert.deepEqual(rows.map((r) => ({ ...r })), [
      { id: 7, b: new Uint8Array([0, 255, 1]), s: "é🎫", f: 1 },
    ]);
    const streamed: number[] = [];
    for await (const row of db.selectFrom("t").select("id").orderBy("id").stream()) {
      streamed.push(row.id);
    }
    assert.deepEqual(streamed, [7, 8]);
    const updated = await db.updateTable("t").set({ s: "y" }).where("id", ">", 0)
      .executeTakeFirst();
    assert.equal(updated.numUpdatedRows, 2n);
  } finally {
    await db.destroy();
  }
});

Deno.test("openSqliteDatabase() refuses parameters SQLite cannot bind", () => {
  const db = openSqliteDatabase(":memory:");
  try {
    const statement = db.prepare("select ? as v");
    assert.equal(statement.reader, true);
    assert.deepEqual(statement.all([true]).map((r) => ({ ...(r as object) })), [{ v: 1 }]);
    assert.throws(() => statement.all([undefined]), TypeError);
    assert.throws(() => statement.all([{}]), /Cannot bind SQLite parameter 1/);
  } finally {
    db.close();
  }
});
