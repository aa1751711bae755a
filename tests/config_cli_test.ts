/**
 * `ticketeer config export` and `ticketeer config apply` as an operator runs
 * them: a real process on a SQLite file, the example file of the repository
 * applied, previewed with `--dry-run`, and an invalid file refused with exit 2.
 */
import assert from "node:assert/strict";
import { SAMPLE_TOKEN } from "./fixtures/sample_token.ts";
import { runTicketeer } from "./fixtures/ticketeer_process.ts";

const EXAMPLE = new URL("../examples/guild-config.yaml", import.meta.url);
const GUILD = "123456789012345678";

Deno.test("ticketeer config apply loads the example file, --dry-run changes nothing, export gives it back", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const env = { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: "sqlite:./ticketeer.db" };
    const run = (args: string[]) => runTicketeer(args, { env, cwd: dir });
    const example = await Deno.readTextFile(EXAMPLE);
    await Deno.writeTextFile(`${dir}/guild.yaml`, example);

    const fresh = await run(["config", "export", "--guild", GUILD]);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /^# ticketeer configuration/);

    const dry = await run(["config", "apply", "guild.yaml", "--dry-run"]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /guild\.yaml makes \d+ changes to guild 123456789012345678:/);
    assert.match(dry.stdout, /new type “Billing”/);
    assert.match(dry.stdout, /new tag “refund”/);
    assert.match(dry.stdout, /Dry run: nothing was applied\./);
    assert.equal((await run(["config", "export", "--guild", GUILD])).stdout, fresh.stdout);

    const applied = await run(["config", "apply", "guild.yaml"]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /Applied \d+ changes\./);
    const exported = await run(["config", "export", "--guild", GUILD]);
    assert.equal(exported.stdout, example, "export gives the applied file back, byte for byte");
    const again = await run(["config", "apply", "guild.yaml", "--dry-run"]);
    assert.match(again.stdout, /^No changes/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ticketeer config apply lists every problem of an invalid file and exits 2", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const env = { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: "sqlite:./ticketeer.db" };
    const example = await Deno.readTextFile(EXAMPLE);
    const broken = example
      .replace("maxOpenPerMember: 2", "maxOpenPerMember: 0")
      .replace("claimMode: hide", "claimMode: sometimes")
      .replace("          - Business\n", "").replace("          - Pro\n", "");
    await Deno.writeTextFile(`${dir}/broken.yaml`, broken);
    const run = await runTicketeer(["config", "apply", "broken.yaml"], { env, cwd: dir });
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /nothing was applied; broken\.yaml has 3 problems:/);
    assert.match(run.stderr, /types\[1\]\.maxOpenPerMember: at least 1/);
    assert.match(run.stderr, /types\[1\]\.claimMode: /);
    assert.match(run.stderr, /types\[1\]\.questions\[0\]\.options: at least 2 for a choice/);
    const usage = await runTicketeer(["config", "apply"], { env, cwd: dir });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage: ticketeer config export/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
