/**
 * The Message Content intent as an operator meets it: a real ticketeer process
 * whose application lacks the intent exits 1 with one line naming the toggle,
 * and `ticketeer check` says whether the intent is on.
 */
import assert from "node:assert/strict";
import { runTicketeer, spawnTicketeer } from "./fixtures/ticketeer_process.ts";
import { envFor, sandbox } from "./fixtures/process_sandbox.ts";
import { within } from "../src/lib/deadline.ts";

const TOGGLE = "Bot → Privileged Gateway Intents → Message Content Intent";

/** The output lines that name the toggle. */
function toggleLines(output: string): string[] {
  return output.split("\n").filter((line) => line.includes(TOGGLE));
}

Deno.test("ticketeer exits 1 with one line naming the Message Content toggle when Discord closes the gateway with 4014", async () => {
  await using box = await sandbox({ messageContentIntent: false });
  const { fake, dir } = box;
  const run = await runTicketeer([], { env: envFor(fake, dir) });
  assert.equal(run.code, 1, run.output);
  assert.equal(toggleLines(run.output).length, 1, run.output);
  assert.match(toggleLines(run.output)[0]!, /4014/);
  assert.ok(!run.output.includes("at file://"), "no stack trace for a disallowed intent");
  assert.ok(fake.gateway.closes.some((close) => close.code === 4014));
  assert.ok(!run.output.includes(fake.token), "the token was printed");
});

Deno.test("ticketeer exits 1 with the same line when the intent is turned off while it runs", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  await using bot = await spawnTicketeer([], { env: envFor(fake, dir) });
  await bot.waitForLine(/ticketeer \S+ ready: /, 15_000);
  fake.gateway.disallowMessageContent();
  const exit = await within(bot.finished, 15_000, "ticketeer to exit after 4014");
  assert.equal(exit.code, 1, exit.output);
  assert.equal(toggleLines(exit.output).length, 1, exit.output);
  assert.ok(!exit.output.includes("at file://"), "no stack trace for a disallowed intent");
  assert.match(exit.output, /Stopped/);
});

Deno.test("ticketeer check says whether the Message Content intent is enabled", async () => {
  await using on = await sandbox();
  const enabled = await runTicketeer(["check"], { env: envFor(on.fake, on.dir) });
  assert.equal(enabled.code, 0, enabled.output);
  assert.match(enabled.output, /^Message Content intent: enabled\.$/m);

  await using off = await sandbox({ messageContentIntent: false });
  const disabled = await runTicketeer(["check"], { env: envFor(off.fake, off.dir) });
  assert.equal(disabled.code, 1, disabled.output);
  assert.match(disabled.output, /^Message Content intent: not enabled/m);
  assert.equal(toggleLines(disabled.output).length, 1, disabled.output);
  assert.equal(off.fake.gateway.identifyCount, 0, "check does not connect the gateway");
  off.fake.assertNoViolations();
});
