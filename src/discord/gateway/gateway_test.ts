import assert from "node:assert/strict";
import {
  SILENT_LOGGER,
  TEST_APPLICATION_ID,
  tokenFor,
} from "../../../tests/fixtures/rest_recorder.ts";
import { createDiscordRest } from "../rest/discord_rest.ts";
import { configure, type LogRecord, reset } from "@logtape/logtape";
import { createGateway, discordenoLogger, INTENTS } from "./gateway.ts";

const APP = TEST_APPLICATION_ID;

/** A minimal gateway on 127.0.0.1: HELLO, READY on IDENTIFY, RESUMED on RESUME. */
async function startMiniGateway(recommendedShards = 1) {
  const received: Array<{ op: number; d: unknown }> = [];
  const sockets: WebSocket[] = [];
  const waiters: Array<() => void> = [];
  let seq = 0;
  let connections = 0;
  const userAgents: Array<string | null> = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: (addr: Deno.NetAddr) => resolve(addr),
  }, (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === "/api/v10/gateway/bot") {
      return Response.json({
        url: `ws://127.0.0.1:${url.port}/gateway`,
        shards: recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 1, max_concurrency: 1 },
      }, { headers: { "x-ratelimit-limit": "5", "x-ratelimit-remaining": "4" } });
    }
    userAgents.push(request.headers.get("user-agent"));
    const { socket, response } = Deno.upgradeWebSocket(request);
    connections++;
    sockets.push(socket);
    socket.onopen = () => socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 30000 } }));
    socket.onmessage = (event) => {
      const packet = JSON.parse(event.data);
      received.push(packet);
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        socket.send(JSON.stringify({
          op: 0,
          t: "READY",
          s: ++seq,
          d: {
            v: 10,
            user: { id: APP, username: "bot", bot: true },
            guilds: [{ id: "200", unavailable: true }, { id: "201", unavailable: true }],
            session_id: "session-1",
            resume_gateway_url: `ws://127.0.0.1:${url.port}/resume`,
            application: { id: APP, flags: 0 },
          },
        }));
      }
      if (packet.op === 6) socket.send(JSON.stringify({ op: 0, t: "RESUMED", s: ++seq, d: {} }));
      notify();
    };
    socket.onclose = () => notify();
    return response;
  });
  const addr = await listening;
  return {
    baseUrl: `http://127.0.0.1:${addr.port}/api`,
    received,
    connections: () => connections,
    /** Each connection's `User-Agent`: Deno's `WebSocket` sends one, `GatewaySocket` none. */
    userAgents,
    dispatch(t: string, d: unknown) {
      sockets.at(-1)!.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
    },
    dropConnection() {
      sockets.at(-1)!.close(4000, "unknown error");
    },
    /** Wakes `until` when something outside the server changed (a hook ran). */
    notify,
    /** Waits, without polling, until `check` holds after some event; bounded. */
    async until(check: () => boolean, what: string, timeoutMs = 3000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs);
      });
      try {
        while (!check()) {
          await Promise.race([new Promise<void>((r) => waiters.push(r)), timeout]);
        }
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      for (const socket of sockets) if (socket.readyState === WebSocket.OPEN) socket.close();
      await server.shutdown();
    },
  };
}

/** Dispatches out, a drop and a resume, over `GatewaySocket` or (behind a proxy) Deno's `WebSocket`. */
async function dispatchesAndResumes(builtInSocket: boolean) {
  const mini = await startMiniGateway();
  const { rest, close: closeRest } = createDiscordRest({
    token: tokenFor(APP),
    baseUrl: mini.baseUrl,
    logger: SILENT_LOGGER,
  });
  const interactions: unknown[] = [];
  const messages: unknown[] = [];
  const states: string[] = [];
  const gateway = createGateway(
    { discordToken: tokenFor(APP), applicationId: null, discordApiUrl: mini.baseUrl },
    {
      onInteraction: (raw) => {
        interactions.push(raw);
        mini.notify();
      },
      onMessageCreate: (raw) => {
        messages.push(raw);
        mini.notify();
      },
      onMessageUpdate: () => {},
      onMessageDelete: () => {},
      onMessageDeleteBulk: () => {},
      onStateChange: (state) => {
        states.push(state);
        mini.notify();
      },
    },
    { rest, spawnShardDelayMs: 0, builtInSocket },
  );
  try {
    assert.equal(gateway.guildCount(), null);
    await gateway.start();
    assert.equal(gateway.state(), "connected");
    assert.equal(gateway.guildCount(), 2);
    const identify = mini.received.find((p) => p.op === 2)!.d as Record<string, unknown>;
    assert.equal(identify.intents, INTENTS);
    assert.equal(identify.token, `Bot ${tokenFor(APP)}`);
    assert.deepEqual(identify.shard, [0, 1]);
    if (builtInSocket) assert.match(mini.userAgents[0] ?? "", /^Deno\//);
    else assert.deepEqual(mini.userAgents, [null], "connected with GatewaySocket");

    const interaction = { id: "900", type: 2, token: "tok", data: { name: "ticket" } };
    mini.dispatch("INTERACTION_CREATE", interaction);
    mini.dispatch("MESSAGE_CREATE", { id: "901", channel_id: "300", content: "snake_case_kept" });
    await mini.until(() => interactions.length === 1 && messages.length === 1, "dispatches");
    assert.deepEqual(interactions[0], interaction);
    assert.deepEqual(messages[0], { id: "901", channel_id: "300", content: "snake_case_kept" });

    mini.dropConnection();
    await mini.until(() => mini.received.some((p) => p.op === 6), "a RESUME");
    const resume = mini.received.find((p) => p.op === 6)!.d as Record<string, unknown>;
    assert.equal(resume.session_id, "session-1");
    await mini.until(() => gateway.state() === "connected" && mini.connections() === 2, "resumed");
    assert.equal(mini.received.filter((p) => p.op === 2).length, 1, "identified only once");
    mini.dispatch("INTERACTION_CREATE", { ...interaction, id: "902" });
    await mini.until(() => interactions.length === 2, "the dispatch after resuming");
    assert.deepEqual(states.slice(0, 3), ["connected", "disconnected", "connected"]);

    // A shard's next READY replaces its count: a guild joined in between is not counted twice.
    mini.dispatch("GUILD_CREATE", { id: "202" });
    mini.dispatch("READY", {
      v: 10,
      user: { id: APP, username: "bot", bot: true },
      guilds: ["200", "201", "202"].map((id) => ({ id, unavailable: true })),
      session_id: "session-2",
      resume_gateway_url: "ws://127.0.0.1:1/resume",
      application: { id: APP, flags: 0 },
    });
    mini.dispatch("INTERACTION_CREATE", { ...interaction, id: "903" });
    await mini.until(() => interactions.length === 3, "the dispatch after a second READY");
    assert.equal(gateway.guildCount(), 3);
  } finally {
    await gateway.stop();
    closeRest();
    await mini.close();
  }
  assert.equal(gateway.state(), "disconnected");
}

Deno.test("createGateway() passes raw dispatches out and resumes after a drop", () =>
  dispatchesAndResumes(false));

Deno.test("createGateway() does the same with Deno's WebSocket when asked to (behind an HTTP proxy)", () =>
  dispatchesAndResumes(true));

Deno.test("discordenoLogger() joins discordeno's arguments into one LogTape record", async () => {
  const records: LogRecord[] = [];
  await configure({
    sinks: { memory: (record) => records.push(record) },
    loggers: [
      { category: ["ticketeer", "discordeno"], lowestLevel: "debug", sinks: ["memory"] },
      { category: ["logtape", "meta"], lowestLevel: "error", sinks: [] },
    ],
    reset: true,
  });
  try {
    const logger = discordenoLogger("GATEWAY");
    const boom = new Error("socket closed");
    logger.warn("[Shard] Shard #0 closed.", { code: 4000 }, boom);
    logger.debug("ping");
    assert.equal(records.length, 2);
    const [warning, debug] = records;
    assert.deepEqual(warning!.category, ["ticketeer", "discordeno", "gateway"]);
    assert.equal(warning!.level, "warning");
    assert.equal(warning!.properties.text, "[Shard] Shard #0 closed. { code: 4000 } socket closed");
    assert.equal(warning!.properties.error, boom);
    assert.equal(debug!.level, "debug");
  } finally {
    await reset();
  }
});

Deno.test("createGateway() identifies only the shards of its SHARDS range", async () => {
  const mini = await startMiniGateway(4);
  const { rest, close: closeRest } = createDiscordRest({
    token: tokenFor(APP),
    baseUrl: mini.baseUrl,
    logger: SILENT_LOGGER,
  });
  const gateway = createGateway(
    {
      discordToken: tokenFor(APP),
      applicationId: APP,
      discordApiUrl: mini.baseUrl,
      shards: { first: 2, last: 3, total: 4 },
    },
    {
      onInteraction: () => {},
      onMessageCreate: () => {},
      onMessageUpdate: () => {},
      onMessageDelete: () => {},
      onMessageDeleteBulk: () => {},
    },
    { rest, spawnShardDelayMs: 0 },
  );
  try {
    await gateway.start();
    const identified = mini.received.filter((p) => p.op === 2).map((p) =>
      (p.d as { shard: [number, number] }).shard
    );
    assert.deepEqual(identified.sort(), [[2, 4], [3, 4]]);
    assert.deepEqual(gateway.shards().map((s) => s.id).sort(), [2, 3]);
  } finally {
    await gateway.stop();
    closeRest();
    await mini.close();
  }
});
