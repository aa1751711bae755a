import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import { closeLogging, setupLogging } from "./log.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";
const RELAY_SECRET = "relay-secret-4f9a1c";
const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZmdoaWprbG1ub3A";

async function capture(format: "text" | "json", file: string | null = null): Promise<string[]> {
  const lines: string[] = [];
  await setupLogging({
    level: "debug",
    format,
    file,
    secrets: [TOKEN, RELAY_SECRET],
    extraSink: (line) => lines.push(line),
  });
  const log = getLogger(["ticketeer", "test"]);
  log.info(`token in the message: ${TOKEN} and secret ${RELAY_SECRET}`);
  log.info("token as a value {value}", { value: TOKEN });
  log.info("fields named like secrets", { token: "plain-value-1", relaySecret: "plain-value-2" });
  log.warning("callback POST /interactions/123/{it}/callback failed", { it: INTERACTION_TOKEN });
  log.error("webhook PATCH /webhooks/42/{path}", {
    path: `${INTERACTION_TOKEN}/messages/@original`,
  });
  log.debug("header Authorization: Bot {t}", { t: TOKEN });
  log.info("an ordinary line with ticket 42");
  return lines;
}

for (const format of ["text", "json"] as const) {
  Deno.test(`setupLogging() keeps secrets out of every ${format} line, including the file`, async () => {
    const dir = await Deno.makeTempDir();
    const file = `${dir}/ticketeer.log`;
    try {
      const lines = await capture(format, file);
      await closeLogging();
      const fileText = await Deno.readTextFile(file);
      const all = [...lines, fileText].join("\n");
      assert.equal(lines.length, 7);
      for (
        const secret of [TOKEN, RELAY_SECRET, INTERACTION_TOKEN, "plain-value-1", "plain-value-2"]
      ) {
        assert.ok(!all.includes(secret), `secret leaked: ${secret}`);
      }
      assert.ok(all.includes("an ordinary line with ticket 42"));
      assert.ok(all.includes("[redacted]"));
      if (format === "json") { for (const line of lines) JSON.parse(line); }
    } finally {
      await closeLogging();
      await Deno.remove(dir, { recursive: true });
    }
  });
}

Deno.test("setupLogging() rotates the log file by size", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/ticketeer.log`;
  try {
    await setupLogging({
      level: "info",
      format: "text",
      file,
      secrets: [],
      maxFileBytes: 2_000,
      maxFiles: 3,
    });
    const log = getLogger(["ticketeer", "test"]);
    for (let i = 0; i < 200; i++) log.info("line {i} {pad}", { i, pad: "x".repeat(40) });
    await closeLogging();
    const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(names, [
      "ticketeer.log",
      "ticketeer.log.1",
      "ticketeer.log.2",
      "ticketeer.log.3",
    ]);
    assert.ok(Deno.statSync(file).size <= 2_000);
  } finally {
    await closeLogging();
    await Deno.remove(dir, { recursive: true });
  }
});
