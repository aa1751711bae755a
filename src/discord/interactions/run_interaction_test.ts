import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import type { HandlerContext } from "../../core/context.ts";
import type { CommandInput, ComponentInput } from "../../core/interaction.ts";
import type { ApplicationId, ChannelId, GuildId, RoleId, UserId } from "../../core/ids.ts";
import { ephemeral, visible } from "../../core/reply.ts";
import { createMetrics, observationCount, seriesValue } from "../../app/metrics.ts";
import { systemClock } from "../../lib/system_clock.ts";
import type { DiscordPort } from "../../core/discord_port.ts";
import type { Stores } from "../../core/ports.ts";
import type { InteractionCallback } from "./interaction_transport.ts";
import { RecordingTransport } from "../../../tests/fixtures/recording_transport.ts";
import {
  type Dispatch,
  InFlight,
  runInteraction,
  type RunInteractionDeps,
} from "./run_interaction.ts";
import { MODAL_AFTER_DEFER_TEXT, REFUSAL_COLOR } from "./interaction_response.ts";
import { sequentialIds } from "../../../tests/fixtures/sequential_ids.ts";

const member = {
  user: {
    id: "300000000000000001" as UserId,
    username: "alice",
    globalName: null,
    avatar: null,
    bot: false,
  },
  nick: null,
  roles: [] as RoleId[],
  permissions: 0n,
};

const baseInput = {
  id: "900000000000000001",
  token: "tok",
  applicationId: "800000000000000001" as ApplicationId,
  guildId: "100000000000000001" as GuildId,
  channelId: "200000000000000001" as ChannelId,
  member,
  appPermissions: 0n,
  locale: "en-US",
};

const command: CommandInput = {
  ...baseInput,
  kind: "command",
  name: "ticket",
  group: null,
  subcommand: "new",
  options: {},
};

const button: ComponentInput = {
  ...baseInput,
  kind: "component",
  customId: "t1:claim:1",
  messageId: "600000000000000001",
  values: [],
};

const context: Omit<HandlerContext, "defer"> = {
  ...({} as Stores),
  discord: {} as DiscordPort,
  clock: systemClock,
  ids: sequentialIds(),
  log: getLogger(["ticketeer", "test"]),
};

function deps(
  transport: RecordingTransport,
  dispatch: Dispatch,
  extra: Partial<RunInteractionDeps> = {},
): RunInteractionDeps {
  return { dispatch, context, transport, ...extra };
}

Deno.test("runInteraction() answers a quick handler with one callback", async () => {
  const transport = new RecordingTransport();
  const metrics = createMetrics();
  const outcome = await runInteraction(
    command,
    deps(transport, () => Promise.resolve(ephemeral("Opened <#5>")), { metrics }),
  );
  assert.equal(outcome, "message");
  assert.deepEqual(transport.calls, [{
    method: "callback",
    interactionId: "900000000000000001",
    token: "tok",
    response: {
      type: 4,
      data: { content: "Opened <#5>", allowed_mentions: { parse: [] }, flags: 64 },
    },
  }]);
  assert.equal(await seriesValue(metrics.interactions, { kind: "command", outcome: "message" }), 1);
  assert.equal(await observationCount(metrics.handlerSeconds), 1);
});

Deno.test("runInteraction() defers once when asked, then edits the original answer", async () => {
  const transport = new RecordingTransport();
  await runInteraction(
    command,
    deps(transport, async (_input, ctx) => {
      await ctx.defer({ ephemeral: false });
      await ctx.defer({ ephemeral: true }); // harmless: the first defer stands
      return visible("Done");
    }),
  );
  assert.deepEqual(transport.calls, [
    { method: "callback", interactionId: command.id, token: "tok", response: { type: 5 } },
    {
      method: "editOriginal",
      applicationId: command.applicationId,
      token: "tok",
      body: { content: "Done", allowed_mentions: { parse: [] } },
    },
  ]);
});

Deno.test("runInteraction() defers by itself (ephemeral) when the handler is slow", async () => {
  const transport = new RecordingTransport();
  const outcome = await runInteraction(
    command,
    deps(transport, async () => {
      await transport.nextCall(); // the runner's own defer
      return { kind: "refused", code: "ticket_limit", text: "You already have a ticket." };
    }, { deadlineMs: 10 }),
  );
  assert.equal(outcome, "refused");
  assert.deepEqual(transport.calls.map((c) => c.method), ["callback", "editOriginal"]);
  assert.deepEqual(
    transport.calls[0]!.method === "callback" && transport.calls[0]!.response,
    { type: 5, data: { flags: 64 } },
  );
  assert.deepEqual(transport.calls[1]!.method === "editOriginal" && transport.calls[1]!.body, {
    embeds: [{ description: "You already have a ticket.", color: REFUSAL_COLOR }],
    allowed_mentions: { parse: [] },
  });
});

Deno.test("runInteraction() defers a slow button with type 6, then updates or follows up", async () => {
  const update = new RecordingTransport();
  await runInteraction(
    button,
    deps(update, async () => {
      await update.nextCall();
      return { kind: "update", body: { content: "Claimed by Alice" } };
    }, { deadlineMs: 10 }),
  );
  assert.deepEqual(update.calls.map((c) => [c.method, c.method === "callback" && c.response]), [
    ["callback", { type: 6 }],
    ["editOriginal", false],
  ]);

  const message = new RecordingTransport();
  await runInteraction(
    button,
    deps(message, async () => {
      await message.nextCall();
      return ephemeral("Only for you");
    }, { deadlineMs: 10 }),
  );
  assert.deepEqual(message.calls[1], {
    method: "followUp",
    applicationId: button.applicationId,
    token: "tok",
    body: { content: "Only for you", allowed_mentions: { parse: [] } },
    ephemeral: true,
  });
});

Deno.test("runInteraction() shows a modal first, but edits an apology after a defer", async () => {
  const modal = { custom_id: "m", title: "Open", components: [] };
  const first = new RecordingTransport();
  await runInteraction(command, deps(first, () => Promise.resolve({ kind: "modal", modal })));
  assert.deepEqual(first.calls.map((c) => c.method === "callback" && c.response), [
    { type: 9, data: modal },
  ]);

  const late = new RecordingTransport();
  await runInteraction(
    command,
    deps(late, async (_input, ctx) => {
      await ctx.defer({ ephemeral: true });
      return { kind: "modal", modal };
    }),
  );
  const edit = late.calls[1];
  assert.equal(edit?.method, "editOriginal");
  assert.equal(edit.body.embeds?.[0]?.description, MODAL_AFTER_DEFER_TEXT);
});

Deno.test("runInteraction() answers a throwing dispatcher with an apology and error id", async () => {
  const transport = new RecordingTransport();
  const metrics = createMetrics();
  const outcome = await runInteraction(
    command,
    deps(transport, () => Promise.reject(new Error("boom at db.ts:12")), { metrics }),
  );
  assert.equal(outcome, "error");
  const call = transport.calls[0];
  assert.ok(call?.method === "callback" && call.response.type === 4);
  const data = call.response.data;
  assert.equal(data.flags, 64);
  const text = data.embeds?.[0]?.description ?? "";
  assert.match(text, /error id: [0-9a-f]{8}\./);
  assert.ok(!text.includes("boom"), "internal details stay in the log");
  assert.equal(await seriesValue(metrics.interactions, { kind: "command", outcome: "error" }), 1);
});

Deno.test("runInteraction() gives the first answer to `first`, later edits to the transport", async () => {
  const transport = new RecordingTransport();
  const firsts: InteractionCallback[] = [];
  let sawFirst!: () => void;
  const firstSeen = new Promise<void>((resolve) => (sawFirst = resolve));
  await runInteraction(
    command,
    deps(transport, async () => {
      await firstSeen; // the runner's own defer, given to `first`
      return ephemeral("Late");
    }, {
      deadlineMs: 10,
      first: (callback) => {
        firsts.push(callback);
        sawFirst();
      },
    }),
  );
  assert.deepEqual(firsts, [{ type: 5, data: { flags: 64 } }]);
  assert.deepEqual(transport.calls.map((c) => c.method), ["editOriginal"]);
});

Deno.test("runInteraction() does not edit when the first answer could not be sent", async () => {
  const transport = new RecordingTransport();
  transport.failCallbacks = true;
  const metrics = createMetrics();
  const outcome = await runInteraction(
    command,
    deps(transport, async (_input, ctx) => {
      await ctx.defer({ ephemeral: true }); // does not throw
      return ephemeral("x");
    }, { metrics }),
  );
  assert.equal(outcome, "undelivered");
  assert.deepEqual(transport.calls.map((c) => c.method), ["callback"]);
  assert.equal(
    await seriesValue(metrics.interactions, { kind: "command", outcome: "undelivered" }),
    1,
  );
});

Deno.test("runInteraction() sends files by deferring, then editing with them", async () => {
  const transport = new RecordingTransport();
  const files = [{ name: "transcript.html", data: new Uint8Array([60, 33]) }];
  await runInteraction(
    command,
    deps(transport, () => Promise.resolve(visible({ content: "Transcript", files }))),
  );
  assert.deepEqual(transport.calls.map((c) => c.method === "callback" ? c.response : c.method), [
    { type: 5 },
    "editOriginal",
  ]);
  const edit = transport.calls[1];
  assert.ok(edit?.method === "editOriginal");
  assert.deepEqual(edit.body.files, files);
});

Deno.test("InFlight drains tracked work and reports a timeout", async () => {
  const inFlight = new InFlight();
  assert.equal(await inFlight.drain(10), true);
  let finish!: () => void;
  const work = inFlight.track(new Promise<void>((resolve) => (finish = resolve)));
  inFlight.track(Promise.reject(new Error("handled elsewhere"))).catch(() => {});
  assert.equal(inFlight.size, 2);
  assert.equal(await inFlight.drain(20), false);
  inFlight.close();
  assert.equal(inFlight.closed, true);
  const drained = inFlight.drain(2000);
  finish();
  await work;
  assert.equal(await drained, true);
  assert.equal(inFlight.size, 0);
});

Deno.test("runInteraction() defers a slow handler within 1.5 s, leaving half of Discord's 3 s for latency", async () => {
  const transport = new RecordingTransport();
  const started = performance.now();
  let deferredAfter = Infinity;
  const outcome = await runInteraction(
    command,
    deps(transport, async () => {
      // Bounded: without a defer by the runner, the handler answers at 2.4 s.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        transport.nextCall().then(() => (deferredAfter = performance.now() - started)),
        new Promise((resolve) => (timer = setTimeout(resolve, 2400))),
      ]);
      clearTimeout(timer);
      return ephemeral("Done");
    }),
  );
  assert.equal(outcome, "message");
  assert.ok(deferredAfter <= 1500 + 250, `deferred after ${Math.round(deferredAfter)} ms`);
  assert.deepEqual(transport.calls.map((c) => c.method), ["callback", "editOriginal"]);
});

Deno.test("runInteraction() answers autocomplete with the guild's types as choices (type 8)", async () => {
  const transport = new RecordingTransport();
  const types = {
    list: () =>
      Promise.resolve([
        { id: 3, name: "Billing", emoji: "💳" },
        { id: 4, name: "Bugs", emoji: null },
      ]),
  };
  const outcome = await runInteraction(
    {
      ...command,
      kind: "autocomplete",
      name: "type",
      subcommand: "delete",
      focused: { name: "type", value: "bil" },
    },
    {
      ...deps(transport, () => Promise.reject(new Error("not dispatched"))),
      context: { ...context, types } as unknown as Omit<HandlerContext, "defer">,
    },
  );
  assert.equal(outcome, "choices");
  assert.deepEqual(transport.calls, [{
    method: "callback",
    interactionId: "900000000000000001",
    token: "tok",
    response: { type: 8, data: { choices: [{ name: "💳 Billing", value: "3" }] } },
  }]);
});
