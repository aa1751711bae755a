/**
 * The program as an operator runs it: a real `deno run src/main.ts` process with a
 * chosen environment, checked by exit code and output.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { freePort } from "./fixtures/free_port.ts";
import { SAMPLE_TOKEN } from "./fixtures/sample_token.ts";
import { type FinishedRun, runTicketeer } from "./fixtures/ticketeer_process.ts";

/** Runs `ticketeer ARGS…` with only `env` set, in `cwd` (default: here). */
function ticketeer(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<FinishedRun> {
  return runTicketeer(args, { env, ...(cwd === undefined ? {} : { cwd }) });
}

Deno.test("ticketeer with an empty environment exits 2 and names DISCORD_TOKEN", async () => {
  const run = await ticketeer([], {});
  assert.equal(run.code, 2);
  assert.match(run.stderr, /DISCORD_TOKEN is required/);
});

Deno.test("ticketeer with a nonsense DATABASE_URL exits 2 and names it", async () => {
  const run = await ticketeer([], { DISCORD_TOKEN: "x", DATABASE_URL: "nonsense://" });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /DATABASE_URL must start with/);
  assert.match(run.stderr, /DISCORD_TOKEN does not look like a bot token/);
  assert.ok(!run.stderr.includes("at file://"), "no stack trace for a configuration problem");
});

Deno.test("ticketeer --help lists every variable and --version prints the version", async () => {
  const help = await ticketeer(["--help"], {});
  assert.equal(help.code, 0);
  for (
    const name of ["DISCORD_TOKEN", "DATABASE_URL", "HTTP_PORT", "RELAY_TIMEOUT_MS", "LOG_FILE"]
  ) {
    assert.ok(help.stdout.includes(name), `--help misses ${name}`);
  }
  const version = await ticketeer(["--version"], {});
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^ticketeer \d+\.\d+\.\d+\n$/);
});

Deno.test("ticketeer rejects an unknown command with exit 2", async () => {
  const run = await ticketeer(["frobnicate"], {});
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown command "frobnicate"/);
});

Deno.test("ticketeer migrate creates and migrates the SQLite file, and is idempotent", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const env = { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: "sqlite:./data/ticketeer.db" };
    const first = await ticketeer(["migrate"], env, dir);
    assert.equal(first.code, 0, first.stderr);
    const second = await ticketeer(["migrate"], env, dir);
    assert.equal(second.code, 0, second.stderr);
    const db = new DatabaseSync(`${dir}/data/ticketeer.db`);
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table'").all()
        .map((row) => String(row.name));
      for (
        const table of ["tickets", "guild_settings", "ticket_types", "transcripts", "audit_events"]
      ) {
        assert.ok(tables.includes(table), `missing table ${table}: ${tables.join(", ")}`);
      }
    } finally {
      db.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ticketeer start migrates ./data/ticketeer.db before it reaches Discord", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // Nothing listens on that port: the database is ready, then the token check fails.
    const port = freePort();
    const run = await ticketeer([], {
      DISCORD_TOKEN: SAMPLE_TOKEN,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      HTTP_PORT: "0",
    }, dir);
    assert.equal(run.code, 1, run.stderr + run.stdout);
    assert.match(
      run.stdout + run.stderr,
      /Cannot start: .*GET \/users\/@me failed: Discord did not answer/,
    );
    assert.ok(Deno.statSync(`${dir}/data/ticketeer.db`).isFile);
    assert.ok(!(run.stdout + run.stderr).includes(SAMPLE_TOKEN), "the token was printed");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ticketeer with a LOG_FILE it cannot open exits 2 and names it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/not-a-dir`, "");
    const run = await ticketeer(["migrate"], {
      DISCORD_TOKEN: SAMPLE_TOKEN,
      DATABASE_URL: "sqlite::memory:",
      LOG_FILE: `${dir}/not-a-dir/ticketeer.log`,
    });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /cannot open LOG_FILE .*not-a-dir\/ticketeer\.log/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ticketeer migrate on a database it cannot open exits 1 with one line, no stack trace", async () => {
  const run = await runTicketeer(["migrate"], {
    env: { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: "sqlite:/proc/ticketeer-nowhere/x.db" },
  });
  assert.equal(run.code, 1, run.output);
  assert.match(
    run.output,
    /ticketeer migrate failed: Cannot open database sqlite \/proc\/ticketeer-nowhere/,
  );
  assert.ok(!run.output.includes("    at "), `no stack trace:\n${run.output}`);
});
