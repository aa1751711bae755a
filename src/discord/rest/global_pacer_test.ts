import assert from "node:assert/strict";
import { createGlobalPacer, isInteractionRoute } from "./global_pacer.ts";

Deno.test("createGlobalPacer() lets a few requests through at once and spaces the rest", async () => {
  const pacer = createGlobalPacer({ limit: 4, windowMs: 200, burst: 2 });
  try {
    const start = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () => pacer.acquire().then(() => times.push(performance.now()))),
    );
    const elapsed = times.map((t) => t - start).sort((a, b) => a - b);
    assert.ok(elapsed.slice(0, 2).every((t) => t < 30), `first two at once: ${elapsed}`);
    // One every 50 ms after them, and the fifth waits for the window to have room.
    assert.ok(elapsed[2]! >= 45 && elapsed[3]! >= 95, `the next ones spaced: ${elapsed}`);
    assert.ok(elapsed[4]! >= 199, `no more than the limit in one window: ${elapsed}`);
  } finally {
    pacer.close();
  }
});

Deno.test("createGlobalPacer() never lets more than `limit` through in one window", async () => {
  const pacer = createGlobalPacer({ limit: 3, windowMs: 120, burst: 3 });
  try {
    const start = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => pacer.acquire().then(() => times.push(performance.now()))),
    );
    const elapsed = times.map((t) => t - start).sort((a, b) => a - b);
    assert.ok(elapsed.slice(0, 3).every((t) => t < 60), `first three at once: ${elapsed}`);
    assert.ok(elapsed.slice(3).every((t) => t >= 119), `the rest wait for the window: ${elapsed}`);
  } finally {
    pacer.close();
  }
});

Deno.test("createGlobalPacer() close() lets waiting requests go and leaves no timer", async () => {
  const pacer = createGlobalPacer({ limit: 1, windowMs: 60_000 });
  await pacer.acquire();
  let released = false;
  const waiting = pacer.acquire().then(() => released = true);
  assert.equal(released, false);
  pacer.close();
  await waiting;
  assert.equal(released, true);
});

Deno.test("createGlobalPacer() refuses a limit below one", () => {
  assert.throws(() => createGlobalPacer({ limit: 0 }), RangeError);
});

Deno.test("isInteractionRoute() exempts interaction callbacks and token webhooks only", () => {
  assert.ok(isInteractionRoute("/interactions/1/abc/callback"));
  assert.ok(isInteractionRoute("/webhooks/1/abc/messages/@original"));
  assert.ok(!isInteractionRoute("/channels/1/messages"));
  assert.ok(!isInteractionRoute("/guilds/1/channels"));
});

Deno.test("createGlobalPacer() lets a person's request pass background work within one window", async () => {
  const pacer = createGlobalPacer({ limit: 4, windowMs: 50 });
  try {
    const order: string[] = [];
    // Saturate the pacer with background work: 40 requests, ten windows' worth.
    const background = Array.from(
      { length: 40 },
      (_, i) => pacer.acquire("background").then(() => order.push(`background ${i}`)),
    );
    const person = pacer.acquire("person").then(() => order.push("person"));
    await Promise.all([...background, person]);
    // Only the first window's background requests (already counted) go before it.
    assert.ok(order.indexOf("person") <= 4, `the person waited behind: ${order.join(", ")}`);
  } finally {
    pacer.close();
  }
});
