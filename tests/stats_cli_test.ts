/**
 * `ticketeer stats` as an operator runs it: the figures of a guild's last days
 * as text, the CSV with `--csv`, and a usage error for a bad option.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { GuildId, UserId } from "../src/core/ids.ts";
import { openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createStores } from "../src/db/stores/create_stores.ts";
import { parseStatsArgs } from "../src/cli/stats.ts";
import { SAMPLE_TOKEN } from "./fixtures/sample_token.ts";
import { runTicketeer } from "./fixtures/ticketeer_process.ts";

const GUILD = "100000000000000001" as GuildId;
const HOUR = 3_600_000;

Deno.test("parseStatsArgs() reads --guild, --days and --csv and names what is wrong", () => {
  assert.deepEqual(parseStatsArgs(["--guild", GUILD, "--days=7", "--csv"]), {
    guild: GUILD,
    days: 7,
    csv: true,
  });
  assert.deepEqual(parseStatsArgs(["--guild", GUILD]), { guild: GUILD, days: 30, csv: false });
  assert.deepEqual(parseStatsArgs([]), { problem: "--guild is required" });
  assert.match(
    (parseStatsArgs(["--guild", GUILD, "--days", "0"]) as { problem: string }).problem,
    /1 to 365/,
  );
  assert.match((parseStatsArgs(["--guild", "abc"]) as { problem: string }).problem, /numeric/);
});

Deno.test("ticketeer stats prints a guild's figures, or their CSV", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "stats.db");
  const handle = await openDatabase({ kind: "sqlite", path });
  try {
    await migrateToLatest(handle);
    const stores = createStores(handle);
    const type = await stores.types.defaultFor(GUILD);
    const now = Date.now();
    for (const [n, response] of [[1, 1], [2, 2], [3, 4]] as const) {
      const opened = await stores.tickets.open({
        guildId: GUILD,
        typeId: type.id,
        openerId: `20000000000000000${n}` as UserId,
        topic: null,
        answers: [],
      });
      if (opened.kind !== "opened") throw new Error("Cannot open the test ticket");
      await handle.db.updateTable("tickets").set({
        created_at: now - 10 * HOUR,
        first_staff_response_at: now - (10 - response) * HOUR,
      }).where("id", "=", opened.ticket.id).execute();
    }
  } finally {
    await handle.close();
  }
  const env = { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: `sqlite:${path}` };
  try {
    const text = await runTicketeer(["stats", "--guild", GUILD, "--days", "2"], { env });
    assert.equal(text.code, 0, text.output);
    assert.match(text.stdout, /Opened: 3 {2}Closed: 0/);
    assert.match(
      text.stdout,
      /First staff response: median 2 hr, 90th percentile 4 hr \(3 tickets\)/,
    );
    const csv = await runTicketeer(["stats", "--guild", GUILD, "--csv"], { env });
    assert.equal(csv.code, 0, csv.output);
    assert.equal(csv.stdout.split("\r\n").length, 5);
    assert.match(csv.stdout, /^number,type,opener_id/);
    const usage = await runTicketeer(["stats"], { env });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--guild is required/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
