/**
 * Operations against the fake Discord, in process: `/health` and `/metrics` while
 * starting and once ready, and the reconciliation a restart runs (tickets whose
 * channel vanished while the bot was down, closes left half done, channels with
 * no ticket row).
 */
import assert from "node:assert/strict";
import { configure, type LogRecord, reset } from "@logtape/logtape";
import { startTicketeer, type TicketeerApp } from "../../src/app/start.ts";
import { loneBotHealth } from "../fixtures/health_body.ts";
import type { AuditEvent, Ticket } from "../../src/core/model.ts";
import type { GuildId } from "../../src/core/ids.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake_discord/fake_discord.ts";
import type { FakeMessage } from "../fake_discord/types.ts";
import { SQLITE } from "../fixtures/dialects.ts";
import { within } from "../../src/lib/deadline.ts";
import { configFor, httpOrigin, startWorld, testStartOptions } from "./boot.ts";
import {
  botMessagesIn,
  closeTicket,
  eventually,
  guildWithTicket,
  SEND_MESSAGES,
  setUpGuild,
  textOf,
  type TicketGuild,
  VIEW_CHANNEL,
} from "./world.ts";

/** Log records of the `ticketeer` categories, captured until disposed. */
interface CapturedLogs extends AsyncDisposable {
  records: LogRecord[];
  /** Every record rendered as plain text. */
  lines(): string[];
}

async function captureLogs(): Promise<CapturedLogs> {
  const records: LogRecord[] = [];
  await configure({
    reset: true,
    sinks: { capture: (record) => records.push(record) },
    loggers: [
      { category: ["ticketeer"], lowestLevel: "debug", sinks: ["capture"] },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["capture"] },
    ],
  });
  return {
    records,
    lines: () =>
      records.map((record) =>
        record.message.map((part) => typeof part === "string" ? part : String(part)).join("")
      ),
    [Symbol.asyncDispose]: () => reset(),
  };
}

/** Waits until the bot has closed `ticket`, and returns its row. */
function closedRow(fake: FakeDiscord, app: TicketeerApp, ticket: Ticket, what: string) {
  return eventually(
    fake,
    async () => {
      const row = await app.stores.tickets.get(ticket.id);
      return row?.status === "closed" ? row : null;
    },
    10_000,
    what,
  );
}

/** The log channel's post that carries an HTML transcript. */
function transcriptPost(fake: FakeDiscord, g: TicketGuild): FakeMessage | undefined {
  return botMessagesIn(fake, g.logs).find((m) =>
    m.attachments.some((a) => a.filename.endsWith(".html"))
  );
}

async function auditOf(app: TicketeerApp, g: TicketGuild, action: string): Promise<AuditEvent[]> {
  return (await app.stores.audit.recent(g.guild as GuildId, 500)).filter((e) =>
    e.action === action
  );
}

Deno.test("/health answers 503 until the gateway is ready and 200 after; /metrics is Prometheus text", async () => {
  const fake = await startFakeDiscord();
  try {
    // Discord makes the bot wait before it may read the gateway URL, so READY comes late.
    fake.inject429({ route: "GET /gateway/bot", count: 1, retryAfterMs: 1500 });
    const app = await startTicketeer(configFor(fake, { http: true }), testStartOptions());
    try {
      const origin = httpOrigin(app);
      const early = await fetch(`${origin}/health`);
      const earlyBody = await early.json();
      assert.equal(early.status, 503, JSON.stringify(earlyBody));
      assert.equal(fake.gateway.identifyCount, 0, "the bot had not identified yet");
      assert.deepEqual(earlyBody, loneBotHealth("starting"));

      await within(app.ready, 10_000, "the gateway to be ready");
      const late = await fetch(`${origin}/health`);
      assert.equal(late.status, 200);
      assert.deepEqual(await late.json(), loneBotHealth("ok"));

      const metrics = await fetch(`${origin}/metrics`);
      assert.equal(metrics.status, 200);
      assert.match(metrics.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
      const text = await metrics.text();
      assert.match(text, /^ticketeer_gateway_up 1$/m);
      assert.match(text, /^# TYPE ticketeer_gateway_up gauge$/m);
      const sample =
        /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})? (-?[0-9.]+(e[+-]?[0-9]+)?|NaN|[+-]Inf)$/;
      const comment = /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/;
      for (const line of text.split("\n").filter((l) => l !== "")) {
        assert.ok(sample.test(line) || comment.test(line), `not Prometheus text: ${line}`);
      }
      // The REST calls of startup (token check, commands) are counted.
      assert.match(text, /^ticketeer_rest_requests_total\{[^}]*status="200"[^}]*\} [1-9]/m);
    } finally {
      await app.stop();
    }
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("a ticket whose channel was deleted while the bot was down is closed from the live archive at the next start", async () => {
  await using world = await startWorld({ dialect: SQLITE });
  const { fake } = world;

  const first = world.app;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  const asked = fake.postMessage(channel, opener, "My order 4411 never arrived");
  const answered = fake.postMessage(channel, g.staff, "Looking into order 4411 now");
  await eventually(
    fake,
    async () => {
      const ids = (await first.stores.archive.messages(ticket.id)).map((m) =>
        m.messageId as string
      );
      return ids.includes(asked.id) && ids.includes(answered.id);
    },
    5000,
    "the live archive to keep both messages",
  );
  await first.stop();

  // Someone deletes the ticket channel while the bot is down.
  fake.state.deleteChannel(channel.id);

  const second = await world.restart({ reconcileOnStart: true });
  const closed = await closedRow(fake, second, ticket, "the ticket to be closed");
  assert.equal(closed.closeReason, "channel deleted");
  assert.equal(closed.closedBy, second.botUserId);

  const transcript = await second.stores.transcripts.get(ticket.id);
  assert.ok(transcript, "a transcript is stored");
  assert.match(transcript.text, /My order 4411 never arrived/);
  assert.match(transcript.text, /Looking into order 4411 now/);
  assert.match(transcript.html, /My order 4411 never arrived/);

  const post = transcriptPost(fake, g);
  assert.ok(post, "the close summary and transcript are posted in the log channel");
  const summary = JSON.stringify(post.embeds);
  assert.match(summary, /channel deleted/);
  assert.match(summary, new RegExp(`#${ticket.number}`));
  assert.equal((await auditOf(second, g, "ticket.reconcile_closed")).length, 1);
  fake.assertNoViolations();
});

Deno.test("a close left half done (the log post failed) is finished at the next start", async () => {
  await using world = await startWorld({ dialect: SQLITE });
  const { fake } = world;

  const first = world.app;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  fake.postMessage(channel, opener, "Refund for order 77, please");

  // The bot may no longer post in the log channel: the close stops at that step.
  const logs = fake.state.channels.get(g.logs);
  assert.ok(logs);
  const granted = [...logs.permission_overwrites];
  logs.permission_overwrites = [
    ...granted.filter((o) => o.id !== fake.botUser.id),
    { id: fake.botUser.id, type: 1, allow: String(VIEW_CHANNEL), deny: String(SEND_MESSAGES) },
  ];
  const answer = await closeTicket(g, {
    channel: channel.id,
    user: g.staff,
    reason: "refund sent",
  });
  assert.doesNotMatch(answer.text, /^closed/i);
  const stuck = await first.stores.tickets.get(ticket.id);
  assert.equal(stuck?.status, "closing", `the close stopped; the closer read: ${answer.text}`);
  assert.equal(stuck?.closeStep, "transcript_stored");
  assert.ok(fake.state.channels.has(channel.id), "nothing is deleted before the log post");
  await first.stop();

  // An admin fixes the log channel's permissions; the bot starts again.
  logs.permission_overwrites = granted;
  const second = await world.restart({ reconcileOnStart: true });
  const closed = await closedRow(fake, second, ticket, "the close to be finished");
  assert.equal(closed.closeReason, "refund sent");
  assert.equal(closed.closedBy, g.staff);
  assert.ok(!fake.state.channels.has(channel.id), "the ticket channel is deleted");
  const post = transcriptPost(fake, g);
  assert.ok(post, "the close summary is posted in the log channel");
  assert.match(JSON.stringify(post.embeds), /refund sent/);
  const transcript = await second.stores.transcripts.get(ticket.id);
  assert.match(transcript?.text ?? "", /Refund for order 77, please/);
  assert.equal((await auditOf(second, g, "ticket.reconcile_resumed")).length, 1);
  fake.assertNoViolations();
});

Deno.test("a member's channel in the ticket category without a ticket row is reported once and never deleted", async () => {
  await using logs = await captureLogs();
  await using world = await startWorld({ dialect: SQLITE });
  const { fake } = world;

  const first = world.app;
  const g = await setUpGuild(fake, 1);
  const member = g.members[0]!;
  const orphan = fake.createChannel(g.guild, {
    name: "ticket-99",
    parent: g.category,
    overwrites: [
      { id: g.guild, type: 0, allow: "0", deny: String(VIEW_CHANNEL) },
      { id: member, type: 1, allow: String(VIEW_CHANNEL | SEND_MESSAGES), deny: "0" },
    ],
  });
  await first.stop();

  // An hour later (the channel is past the grace given to opens in flight), two
  // restarts, each reconciling at start and then every 50 ms.
  const later = { now: () => new Date(Date.now() + 60 * 60 * 1000) };
  const reconciled = () =>
    logs.records.filter((r) => r.rawMessage === "Reconciled: {summary}").length;
  for (let run = 1; run <= 2; run++) {
    const before = reconciled();
    const app = await world.restart({
      reconcileOnStart: true,
      reconcileIntervalMs: 50,
      clock: later,
    });
    await fake.waitFor(() => reconciled() >= before + 2, 10_000, `two passes in run ${run}`);
    await app.stop();
  }

  const warnings = logs.lines().filter((line) =>
    line.includes(orphan.id) && /no ticket row/.test(line)
  );
  assert.equal(warnings.length, 1, `one log warning, got:\n${warnings.join("\n")}`);
  const app = await world.restart();
  const events = await auditOf(app, g, "channel.orphan");
  assert.equal(events.length, 1);
  assert.equal(events[0]?.detail.channelId, orphan.id);
  const notices = botMessagesIn(fake, g.logs).filter((m) =>
    textOf({ content: m.content, embeds: m.embeds }).includes(`<#${orphan.id}>`)
  );
  assert.equal(notices.length, 1, "one notice in the log channel");
  assert.ok(fake.state.channels.has(orphan.id), "the channel is still there");
  assert.ok(
    !fake.calls.some((c) => c.method === "DELETE" && c.path === `/channels/${orphan.id}`),
    "the bot never tried to delete it",
  );
  fake.assertNoViolations();
});
