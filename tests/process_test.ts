/**
 * ticketeer as an operator runs it: `deno run src/main.ts` as a real subprocess,
 * against the fake Discord started here, checked by exit code, output, signals,
 * and what the fake Discord saw.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { VERSION } from "../src/version.ts";
import { Permission } from "../src/core/permissions_bits.ts";
import { DEFAULT_EVERYONE_PERMISSIONS, TYPICAL_BOT_PERMISSIONS } from "./fake_discord/state.ts";
import { DIALECTS, isolateForApp } from "./fixtures/dialects.ts";
import { freePort } from "./fixtures/free_port.ts";
import { runTicketeer, spawnTicketeer } from "./fixtures/ticketeer_process.ts";
import { envFor, sandbox } from "./fixtures/process_sandbox.ts";
import { loneBotHealth } from "./fixtures/health_body.ts";
import { within } from "../src/lib/deadline.ts";
import { bootBot } from "./e2e/boot.ts";
import { sendCommand, setUpGuild } from "./e2e/world.ts";

const READY_LINE = /ticketeer \S+ ready: /;
/**
 * Interactions flow once the gateway is connected; the ready line comes about 5 s
 * later, after discordeno's pause between identifies.
 */
const CONNECTED_LINE = /ticketeer\.gateway: Gateway connected/;

Deno.test("ticketeer exits 3 with one line naming DISCORD_TOKEN when Discord refuses the token", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  // Right shape, right bot id, but not the token the fake accepts.
  const token = `${btoa(fake.applicationId).replaceAll("=", "")}.GhXkQw.${"q".repeat(38)}`;
  const run = await runTicketeer([], { env: envFor(fake, dir, { DISCORD_TOKEN: token }) });

  assert.equal(run.code, 3, run.output);
  const named = run.output.split("\n").filter((line) => line.includes("DISCORD_TOKEN"));
  assert.equal(named.length, 1, `one line names DISCORD_TOKEN:\n${run.output}`);
  assert.match(named[0]!, /refused the token/);
  assert.ok(!run.output.includes(token), "the token was printed");
  assert.ok(!run.output.includes("at file://"), "no stack trace for a refused token");
  const me = fake.calls.filter((c) => c.route === "/users/@me");
  assert.deepEqual(me.map((c) => c.status), [401], "one token check, refused");
  assert.equal(fake.calls.filter((c) => c.route === "/gateway/bot").length, 0);
  fake.assertNoViolations();
});

Deno.test("SIGTERM during a burst of ticket opens answers every one, closes the gateway and exits 0", async () => {
  // Twenty opens at once go past Discord's global limit of 50 requests a second; how
  // the bot then backs off is the rate-limit suite's subject, not this one's.
  await using box = await sandbox({ rateLimits: { globalPerSecond: 1000 } });
  const { fake, dir } = box;
  const burst = 20;
  await using bot = await spawnTicketeer([], { env: envFor(fake, dir) });
  await bot.waitForLine(CONNECTED_LINE, 15_000);
  const g = await setUpGuild(fake, burst);

  const handles = g.members.map((member) =>
    sendCommand(g, { user: member, name: "ticket", subcommand: "new" })
  );
  // Every open has been taken (its first answer came), most are still creating channels.
  const firsts = await within(Promise.all(handles.map((h) => h.response)), 5000, "first answers");
  const doneAtSignal = handles.filter((h) => h.events().some((e) => e.kind === "edit_original"));
  bot.signal("SIGTERM");
  const exit = await within(bot.finished, 15_000, "ticketeer to exit");

  assert.equal(exit.code, 0, exit.output);
  assert.ok(
    doneAtSignal.length < burst,
    "the signal came while opens were in flight (otherwise this test proves nothing)",
  );
  for (const first of firsts) {
    assert.ok(first.elapsedMs < 3000, `a first answer after ${first.elapsedMs} ms`);
  }
  const linked = new Set<string>();
  for (const handle of handles) {
    const edit = handle.events().find((e) => e.kind === "edit_original");
    assert.ok(edit, `interaction ${handle.id} was deferred and never answered`);
    const id = /<#(\d+)>/.exec(JSON.stringify(edit.body))?.[1];
    assert.ok(id !== undefined && fake.state.channels.has(id), "the answer links a new ticket");
    linked.add(id);
  }
  assert.equal(linked.size, burst, "one ticket channel per member");
  const inCategory = fake.state.channelsOf(g.guild).filter((c) => c.parent_id === g.category);
  assert.equal(inCategory.length, burst);

  const closes = fake.gateway.closes;
  assert.equal(closes.length, 1, JSON.stringify(closes));
  assert.equal(closes[0]?.code, 3000, "the bot closed the gateway with a close frame");
  assert.match(exit.output, /SIGTERM: finishing interactions in flight/);
  assert.match(exit.output, /Stopped/);
  assert.ok(!exit.output.includes(fake.token), "the token was printed");
  fake.assertNoViolations();
});

Deno.test("a second SIGTERM while stopping exits at once", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  await using bot = await spawnTicketeer([], { env: envFor(fake, dir) });
  await bot.waitForLine(CONNECTED_LINE, 15_000);
  const g = await setUpGuild(fake, 1);

  // Discord holds the channel creation for a minute: the open stays in flight.
  fake.inject429({ route: "POST /guilds/:id/channels", count: 1, retryAfterMs: 60_000 });
  const handle = sendCommand(g, { user: g.members[0]!, name: "ticket", subcommand: "new" });
  assert.equal((await handle.response).type, 5, "the open deferred");
  await fake.waitForCall("POST /guilds/:id/channels", 5000, (call) => call.status === 429);

  bot.signal("SIGTERM");
  await bot.waitForLine(/SIGTERM: finishing interactions in flight/, 5000);
  const second = performance.now();
  bot.signal("SIGTERM");
  const exit = await within(bot.finished, 5000, "ticketeer to exit after the second SIGTERM");
  const took = performance.now() - second;

  assert.notEqual(exit.code, 0, exit.output);
  assert.ok(took < 3000, `the second SIGTERM took ${Math.round(took)} ms to stop the process`);
  assert.match(exit.output, /Second SIGTERM: exiting now/);
  assert.doesNotMatch(exit.output, /Stopped/, "it did not wait for the drain");
  fake.assertNoViolations();
});

Deno.test("ticketeer check names each missing permission and the deleted log channel per guild, and exits 1", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  const lacking = fake.createGuild({
    name: "Lacking Perms",
    botPermissions: TYPICAL_BOT_PERMISSIONS & ~(Permission.ManageRoles | Permission.EmbedLinks),
    // Discord's default @everyone may embed links: take that away too.
    everyonePermissions: DEFAULT_EVERYONE_PERMISSIONS & ~Permission.EmbedLinks,
  });
  // A guild set up by a real run, whose log channel someone deleted afterwards.
  const app = await bootBot(fake, { databasePath: join(dir, "ticketeer.db") });
  let g;
  try {
    g = await setUpGuild(fake, 0);
  } finally {
    await app.stop();
  }
  fake.state.deleteChannel(g.logs);
  const identifies = fake.gateway.identifyCount;

  const run = await runTicketeer(["check"], { env: envFor(fake, dir) });
  assert.equal(run.code, 1, run.output);
  const lines = run.output.split("\n");
  const about = (guildId: string) => lines.filter((line) => line.includes(`Guild ${guildId}`));

  const lackingLines = about(lacking.id);
  assert.equal(lackingLines.length, 2, lackingLines.join("\n"));
  assert.ok(lackingLines.some((l) => /"Lacking Perms": the bot lacks Manage Roles/.test(l)));
  assert.ok(lackingLines.some((l) => /"Lacking Perms": the bot lacks Embed Links/.test(l)));

  const setUpLines = about(g.guild);
  assert.equal(setUpLines.length, 1, setUpLines.join("\n"));
  assert.match(setUpLines[0]!, new RegExp(`the log channel ${g.logs} no longer exists`));
  assert.match(setUpLines[0]!, /Fix: /);

  assert.match(run.output, /^Token: ok/m);
  assert.equal(fake.gateway.identifyCount, identifies, "check does not connect the gateway");
  assert.ok(!run.output.includes(fake.token), "the token was printed");
  fake.assertNoViolations();
});

Deno.test("ticketeer check exits 0 and says each guild is ready when all is well", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  const guild = fake.createGuild({ name: "All Good" });

  const run = await runTicketeer(["check"], { env: envFor(fake, dir) });
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, new RegExp(`^Guild ${guild.id} "All Good": ready\\.$`, "m"));
  assert.doesNotMatch(run.output, /lacks|no longer exists/);
  fake.assertNoViolations();
});

Deno.test("ticketeer logs exactly one startup summary, without database credentials, and writes LOG_FILE without the token", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  fake.createGuild({ name: "First" });
  fake.createGuild({ name: "Second" });
  const logFile = join(dir, "logs", "ticketeer.log");

  const postgres = DIALECTS.find((d) => d.name === "postgres");
  const password = "pw-" + crypto.randomUUID().slice(0, 12);
  let database = `sqlite:${join(dir, "ticketeer.db")}`;
  let described = `sqlite ${join(dir, "ticketeer.db")}`;
  let drop = () => Promise.resolve();
  if (postgres !== undefined && postgres.skip === null) {
    const isolated = await isolateForApp(postgres);
    drop = isolated.drop;
    if (isolated.target.kind !== "postgres") throw new TypeError("Expected a PostgreSQL target");
    const url = new URL(isolated.target.url);
    url.password = password;
    database = url.href;
    described = `postgres ${url.hostname}:${url.port || "5432"}/${url.pathname.slice(1)}`;
  }
  try {
    const env = envFor(fake, dir, { DATABASE_URL: database, LOG_FILE: logFile });
    await using bot = await spawnTicketeer([], { env });
    await bot.waitForLine(READY_LINE, 15_000);
    bot.signal("SIGTERM");
    const exit = await within(bot.finished, 10_000, "ticketeer to exit");
    assert.equal(exit.code, 0, exit.output);

    const summaries = exit.output.split("\n").filter((line) => READY_LINE.test(line));
    assert.equal(summaries.length, 1, exit.output);
    const summary = summaries[0]!;
    assert.match(summary, /\[INF\]/);
    assert.ok(summary.includes(`ticketeer ${VERSION} ready`), summary);
    assert.match(summary, /ready: gateway,/);
    assert.ok(summary.includes(`database ${described},`), summary);
    assert.match(summary, /, 2 guilds,/);
    assert.ok(!exit.output.includes(password), "the database password was printed");
    assert.ok(!exit.output.includes(fake.token), "the token was printed");

    const written = await Deno.readTextFile(logFile);
    assert.ok(written.includes(summary.trim()), `LOG_FILE holds the summary:\n${written}`);
    assert.match(written, /Stopped/);
    assert.ok(!written.includes(fake.token), "the token was written to LOG_FILE");
    assert.ok(!written.includes(password), "the database password was written to LOG_FILE");
    fake.assertNoViolations();
  } finally {
    await drop();
  }
});

Deno.test("ticketeer health exits 0 against a running ticketeer and 1 when nothing answers", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  const port = String(freePort());
  const http = { HTTP_HOST: "127.0.0.1", HTTP_PORT: port };
  {
    await using bot = await spawnTicketeer([], { env: envFor(fake, dir, http) });
    await bot.waitForLine(READY_LINE, 15_000);

    const healthy = await runTicketeer(["health"], { env: http });
    assert.equal(healthy.code, 0, healthy.output);
    const [status, ...body] = healthy.output.trim().split(" ");
    assert.equal(status, "200");
    assert.deepEqual(JSON.parse(body.join(" ")), loneBotHealth("ok"));
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.match(await metrics.text(), /^ticketeer_gateway_up 1$/m);

    bot.signal("SIGTERM");
    assert.equal((await within(bot.finished, 10_000, "ticketeer to exit")).code, 0);
  }
  const gone = await runTicketeer(["health"], { env: http });
  assert.equal(gone.code, 1, gone.output);
  assert.match(gone.output, new RegExp(`127\\.0\\.0\\.1:${port}/health did not answer`));
  fake.assertNoViolations();
});

Deno.test("ticketeer exits 1 with a clear line when the gateway cannot be reached", async () => {
  await using box = await sandbox();
  const { fake, dir } = box;
  fake.inject5xx({ route: "/gateway/bot", count: 1_000, status: 503 });
  const run = await runTicketeer([], { env: envFor(fake, dir) });
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /Cannot connect to the gateway/);
  assert.ok(!run.output.includes(fake.token), "the token was printed");
});
