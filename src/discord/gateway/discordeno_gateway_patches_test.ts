/**
 * Each test shows, on an unpatched discordeno 21.0.0 object, the behaviour one
 * patch in `discordeno_gateway_patches.ts` corrects. When an upgrade makes a test
 * fail, discordeno fixed that behaviour itself: drop the patch the test names.
 */
import assert from "node:assert/strict";
import { createGatewayManager, DiscordenoShard, ShardState } from "@discordeno/bot";
import { SILENT_LOGGER } from "../../../tests/fixtures/rest_recorder.ts";
import { within } from "../../lib/deadline.ts";
import {
  connectShardsWith,
  type ShardSocket,
  stopReconnecting,
  stopShards,
} from "./discordeno_gateway_patches.ts";

/** A shard that was never connected (its socket is not open). */
function offlineShard(): DiscordenoShard {
  return new DiscordenoShard({
    id: 0,
    connection: {
      compress: false,
      transportCompression: null,
      intents: 0,
      properties: { os: "linux", browser: "t", device: "t" },
      token: "t",
      totalShards: 1,
      url: "ws://127.0.0.1:9",
      version: 10,
    },
    events: {},
    logger: SILENT_LOGGER,
  });
}

/**
 * Replaces the global timer functions to see which timers are still pending; `restore`
 * puts the real ones back and clears whatever is left.
 */
function trackTimers() {
  const real = { setTimeout, setInterval, clearTimeout, clearInterval };
  const pending = new Set<unknown>();
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const id = real.setTimeout(() => {
      pending.delete(id);
      fn();
    }, ms);
    pending.add(id);
    return id;
  }) as typeof setTimeout;
  globalThis.setInterval = ((fn: () => void, ms?: number) => {
    const id = real.setInterval(fn, ms);
    pending.add(id);
    return id;
  }) as typeof setInterval;
  const clear = ((id?: ReturnType<typeof setTimeout>) => {
    pending.delete(id);
    real.clearTimeout(id);
  }) as typeof clearTimeout;
  globalThis.clearTimeout = clear;
  globalThis.clearInterval = clear;
  return {
    pending: () => pending.size,
    restore() {
      Object.assign(globalThis, real);
      for (const id of pending) real.clearTimeout(id as ReturnType<typeof setTimeout>);
    },
  };
}

/** Runs `fn` with the timers tracked, then restores the real ones. */
async function withTrackedTimers(
  fn: (timers: ReturnType<typeof trackTimers>) => Promise<void>,
): Promise<void> {
  const timers = trackTimers();
  try {
    await fn(timers);
  } finally {
    timers.restore();
  }
}

/** Whether `promise` has settled once pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol("pending");
  const result = await Promise.race([
    promise.then(() => true, () => true),
    Promise.resolve(marker),
  ]);
  return result !== marker;
}

Deno.test("discordeno's gateway shutdown leaves a shard heartbeating and not Offline (patch: stopShards)", () =>
  withTrackedTimers(async (timers) => {
    const gateway = createGatewayManager({ token: "t", logger: SILENT_LOGGER });
    const shard = offlineShard();
    gateway.shards.set(0, shard);
    shard.startHeartbeating(45_000);
    shard.state = ShardState.Resuming;
    await gateway.shutdown(1000, "Shutting down");
    assert.equal(timers.pending(), 1, "the heartbeat's first beat is still due");
    assert.equal(shard.state, ShardState.Resuming);

    stopShards(gateway);
    assert.equal(timers.pending(), 0);
    assert.equal(shard.state, ShardState.Offline);
  }));

Deno.test("discordeno keeps a shard's send-bucket refill timer after shutdown (patch: stopShards)", () =>
  withTrackedTimers(async (timers) => {
    const shard = offlineShard();
    await shard.bucket.acquire();
    await shard.shutdown();
    assert.equal(timers.pending(), 1, "the bucket refills in 60 s and holds the process");

    stopShards({ shards: new Map([[0, shard]]) });
    assert.equal(timers.pending(), 0);
  }));

Deno.test("discordeno never settles a send waiting for a shard that shut down (patch: stopShards)", () =>
  withTrackedTimers(async (timers) => {
    const shard = offlineShard();
    const waiting = shard.send({ op: 1, d: null });
    await shard.shutdown();
    assert.equal(await settled(waiting), false);
    assert.equal(shard.offlineSendQueue.length, 1, "it waits for a connection that never comes");

    stopShards({ shards: new Map([[0, shard]]) });
    await within(waiting, 5_000, "the waiting send to settle");
    await within(shard.send({ op: 1, d: null }), 5_000, "a later send to settle");
    assert.equal(shard.offlineSendQueue.length, 0);
    assert.equal(timers.pending(), 0, "and no bucket timer is armed again");
  }));

Deno.test("discordeno lets a shard resume after the gateway shut down (patch: stopReconnecting)", async () => {
  const shard = offlineShard();
  shard.sessionId = "session-1";
  await shard.shutdown();
  assert.equal(shard.state, ShardState.Offline);
  let connects = 0;
  shard.connect = () => {
    connects++;
    return Promise.reject(new Error("stopped"));
  };
  await shard.handleClose({ code: 4000, reason: "" } as CloseEvent).catch(() => {});
  assert.equal(connects, 1, "a shut-down shard connects again");

  const gateway = { identify: () => Promise.resolve(), shards: new Map([[0, shard]]) };
  stopReconnecting(gateway);
  await shard.handleClose({ code: 4000, reason: "" } as CloseEvent);
  assert.equal(connects, 1, "no reconnect once stopped");
});

/** A socket that records where it was opened and opens at once. */
class RecordingSocket implements ShardSocket {
  static opened: string[] = [];
  readyState = 0;
  binaryType = "blob";
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  constructor(url: URL | string) {
    RecordingSocket.opened.push(String(url));
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.(new Event("open"));
    });
  }
  send(): void {}
  close(): void {}
}

Deno.test("discordeno's shard always opens the built-in WebSocket (patch: connectShardsWith)", async () => {
  const builtIn = globalThis.WebSocket;
  RecordingSocket.opened = [];
  globalThis.WebSocket = RecordingSocket as unknown as typeof WebSocket;
  try {
    await offlineShard().connect();
  } finally {
    globalThis.WebSocket = builtIn;
  }
  assert.deepEqual(RecordingSocket.opened, ["ws://127.0.0.1:9/?v=10&encoding=json"]);

  RecordingSocket.opened = [];
  const gateway = { shards: new Map<number, DiscordenoShard>() };
  connectShardsWith(gateway, (url) => new RecordingSocket(url));
  const shard = offlineShard();
  gateway.shards.set(0, shard);
  const connected = await shard.connect();
  assert.equal(connected, shard);
  assert.deepEqual(RecordingSocket.opened, ["ws://127.0.0.1:9/?v=10&encoding=json"]);
  assert.equal(shard.state, ShardState.Unidentified);
  assert.ok(shard.socket instanceof RecordingSocket);
  assert.equal(shard.isOpen(), true, "the shard reads the socket's ready state");
});
