import assert from "node:assert/strict";
import { migrationProvider, MIGRATIONS } from "./mod.ts";

Deno.test("MIGRATIONS lists every migration file in migrations/", async () => {
  const folder = new URL("./", import.meta.url);
  const files: string[] = [];
  for await (const entry of Deno.readDir(folder)) {
    if (!entry.isFile || !entry.name.endsWith(".ts")) continue;
    if (entry.name === "mod.ts" || entry.name.endsWith("_test.ts")) continue;
    files.push(entry.name);
  }
  assert.ok(files.length > 0, "expected at least one migration file");
  for (const file of files.sort()) {
    const name = file.slice(0, -".ts".length);
    const listed = MIGRATIONS[name];
    assert.ok(listed, `migrations/${file} is not listed in migrations/mod.ts`);
    const module = await import(new URL(file, folder).href);
    assert.equal(listed, module, `MIGRATIONS["${name}"] is not the module in migrations/${file}`);
  }
  assert.deepEqual(Object.keys(MIGRATIONS).sort(), files.map((f) => f.slice(0, -3)).sort());
});

Deno.test("migrationProvider gives every migration with up and down", async () => {
  const migrations = await migrationProvider.getMigrations();
  for (const [name, migration] of Object.entries(migrations)) {
    assert.match(name, /^\d{4}_[a-z0-9_]+$/);
    assert.equal(typeof migration.up, "function", `${name} has no up()`);
    assert.equal(typeof migration.down, "function", `${name} has no down()`);
  }
});
