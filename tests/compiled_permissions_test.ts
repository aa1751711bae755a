/**
 * The compiled executable gets only the permissions in `COMPILE_PERMISSIONS`.
 * These tests run the bundle it embeds (`runTicketeer`'s default) through
 * `deno run` with exactly those flags, from a fresh working directory, so a
 * dependency that starts to need more fails here rather than on an operator's
 * machine. They also check that the compile task and the Dockerfile still pass the
 * same flags.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { sql } from "kysely";
import { COMPILE_PERMISSIONS, COMPILE_TARGETS } from "../src/app/build_permissions.ts";
import { openDatabase } from "../src/db/connect.ts";
import { DIALECTS, isolateForApp } from "./fixtures/dialects.ts";
import { SAMPLE_TOKEN } from "./fixtures/sample_token.ts";
import { denoTasks, dockerRunSteps } from "./fixtures/build_files.ts";
import { pathExists } from "./fixtures/path_exists.ts";
import { type FinishedRun, runTicketeer } from "./fixtures/ticketeer_process.ts";

const ROOT = new URL("../", import.meta.url);
const CONFIG = new URL("deno.json", ROOT).pathname;

/** Runs the shipped bundle with the compiled permissions, in `cwd`, with only `env` set. */
function runCompiledPermissions(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<FinishedRun> {
  return runTicketeer(args, {
    denoFlags: ["--config", CONFIG, ...COMPILE_PERMISSIONS],
    env: { DISCORD_TOKEN: SAMPLE_TOKEN, ...env },
    cwd,
  });
}

function tableNames(path: string): string[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare("select name from sqlite_master where type = 'table'").all();
    return rows.map((row) => String(row.name));
  } finally {
    db.close();
  }
}

function explain(run: FinishedRun): string {
  return `exit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
}

Deno.test("migrate with the compiled permissions creates the SQLite database under ./data", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "ticketeer-perm-" });
  try {
    const run = await runCompiledPermissions(
      ["migrate"],
      { DATABASE_URL: "sqlite:./data/ticketeer.db" },
      cwd,
    );
    assert.equal(run.code, 0, explain(run));
    const tables = tableNames(`${cwd}/data/ticketeer.db`);
    assert.ok(tables.includes("tickets"), `tables after migrate: ${tables.join(", ")}`);
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
});

Deno.test("migrate with the compiled permissions writes LOG_FILE inside ./data", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "ticketeer-perm-" });
  try {
    await Deno.mkdir(`${cwd}/data`);
    const run = await runCompiledPermissions(
      ["migrate"],
      { DATABASE_URL: "sqlite:./data/ticketeer.db", LOG_FILE: "./data/ticketeer.log" },
      cwd,
    );
    assert.equal(run.code, 0, explain(run));
    const log = await Deno.readTextFile(`${cwd}/data/ticketeer.log`);
    assert.match(log, /up to date/);
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
});

Deno.test("the compiled permissions refuse a database outside ./data", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "ticketeer-perm-" });
  try {
    const run = await runCompiledPermissions(
      ["migrate"],
      { DATABASE_URL: "sqlite:./elsewhere/ticketeer.db" },
      cwd,
    );
    assert.notEqual(run.code, 0, explain(run));
    assert.match(`${run.stdout}\n${run.stderr}`, /Requires (read|write) access/, explain(run));
    assert.equal(await pathExists(`${cwd}/elsewhere/ticketeer.db`), false);
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
});

const SERVER_NAMES = { postgres: "PostgreSQL", mysql: "MySQL/MariaDB" } as const;
for (const dialect of DIALECTS) {
  if (dialect.name === "sqlite") continue;
  Deno.test({
    name: `migrate with the compiled permissions migrates ${SERVER_NAMES[dialect.name]}`,
    ignore: dialect.skip !== null,
    async fn() {
      const database = await isolateForApp(dialect);
      const cwd = await Deno.makeTempDir({ prefix: "ticketeer-perm-" });
      try {
        if (database.target.kind === "sqlite") throw new TypeError("Expected a server database");
        const run = await runCompiledPermissions(
          ["migrate"],
          { DATABASE_URL: database.target.url },
          cwd,
        );
        assert.equal(run.code, 0, explain(run));
        const handle = await openDatabase(database.target, { maxConnections: 1 });
        try {
          // The isolated schema (PostgreSQL) or database (MySQL) the URL names.
          const own = dialect.name === "postgres" ? sql`current_schema()` : sql`database()`;
          const tables = await sql<{ table_name: string }>`
            select table_name as table_name from information_schema.tables
            where table_schema = ${own}
          `.execute(handle.db);
          assert.ok(tables.rows.some((row) => row.table_name === "tickets"));
        } finally {
          await handle.close();
        }
      } finally {
        await database.drop();
        await Deno.remove(cwd, { recursive: true });
      }
    },
  });
}

const COMPILE_TASKS = Object.entries(denoTasks()).filter(([name]) => name.startsWith("compile:"));
Deno.test({
  name: "the compile task passes exactly the compiled permissions for every target",
  ignore: COMPILE_TASKS.length === 0,
  fn() {
    const commands = COMPILE_TASKS.map(([, task]) => task.command).join("\n");
    for (const target of COMPILE_TARGETS) {
      const line = commands.split(/\n|&&/).find((part) => part.includes(`--target ${target}`));
      assert.ok(line !== undefined, `no compile command for ${target}`);
      assert.deepEqual(permissionFlags(line), [...COMPILE_PERMISSIONS], line);
      assert.ok(line.includes(`--output dist/ticketeer-${target}`), line);
    }
  },
});

Deno.test("the Dockerfile compiles with exactly the compiled permissions", () => {
  const compile = dockerRunSteps().find((line) => line.includes("deno compile"));
  assert.ok(compile !== undefined, "the Dockerfile has no deno compile step");
  assert.deepEqual(permissionFlags(compile), [...COMPILE_PERMISSIONS]);
});

/** The permission flags on a command line, in order. */
function permissionFlags(line: string): string[] {
  return line.split(/\s+/).filter((word) =>
    /^--(allow|deny)-[a-z]+/.test(word) || word === "--no-prompt" || word === "-A"
  );
}
