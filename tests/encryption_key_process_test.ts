/**
 * ticketeer stops at start with one clear line (exit 2) when the database holds
 * encrypted data and ENCRYPTION_KEY is wrong or missing.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../src/db/connect.ts";
import { checkEncryptionKey } from "../src/db/encryption/key_check.ts";
import { createCipher } from "../src/db/encryption/field_cipher.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { SAMPLE_TOKEN } from "./fixtures/sample_token.ts";
import { runTicketeer } from "./fixtures/ticketeer_process.ts";

const KEY = "07".repeat(32);
const OTHER = "09".repeat(32);

async function keyedDatabase(): Promise<{ dir: string; url: string }> {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer_key_" });
  const path = join(dir, "ticketeer.db");
  const handle = await openDatabase({ kind: "sqlite", path });
  await migrateToLatest(handle);
  const key = Uint8Array.from(KEY.match(/../g)!, (h) => parseInt(h, 16));
  await checkEncryptionKey(handle, await createCipher(key));
  await handle.close();
  return { dir, url: `sqlite:${path}` };
}

for (
  const [name, env, line] of [
    ["a wrong", { ENCRYPTION_KEY: OTHER }, /ENCRYPTION_KEY does not open the stored data/],
    ["no", {}, /holds encrypted data .*but ENCRYPTION_KEY is not set/],
  ] as const
) {
  Deno.test(`ticketeer run with ${name} key for encrypted data exits 2 with one line`, async () => {
    const { dir, url } = await keyedDatabase();
    try {
      const run = await runTicketeer(["run"], {
        env: {
          DISCORD_TOKEN: SAMPLE_TOKEN,
          DATABASE_URL: url,
          HTTP_PORT: "0",
          // Never reached: the check comes before Discord.
          DISCORD_API_URL: "http://127.0.0.1:9",
          ...env,
        },
      });
      assert.equal(run.code, 2, run.output);
      assert.match(run.output, line);
      assert.equal(run.output.trim().split("\n").filter((l) => /encrypt/i.test(l)).length, 1);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

Deno.test("ticketeer rekey with the right key exits 0", async () => {
  const { dir, url } = await keyedDatabase();
  try {
    const run = await runTicketeer(["rekey"], {
      env: {
        DISCORD_TOKEN: SAMPLE_TOKEN,
        DATABASE_URL: url,
        ENCRYPTION_KEY: OTHER,
        ENCRYPTION_KEY_PREVIOUS: KEY,
      },
    });
    assert.equal(run.code, 0, run.output);
    const again = await runTicketeer(["rekey"], {
      env: { DISCORD_TOKEN: SAMPLE_TOKEN, DATABASE_URL: url, ENCRYPTION_KEY: OTHER },
    });
    assert.equal(again.code, 0, again.output);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
