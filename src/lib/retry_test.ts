import assert from "node:assert/strict";
import { backoffDelay, retry, RetryError } from "./retry.ts";

const noSleep = { sleep: () => Promise.resolve() };

Deno.test("retry() returns the first success", async () => {
  let runs = 0;
  const result = await retry(() => {
    runs++;
    if (runs < 3) throw new Error("not yet");
    return "done";
  }, noSleep);
  assert.equal(result, "done");
  assert.equal(runs, 3);
});

Deno.test("retry() throws a RetryError with the last failure as cause after maxAttempts", async () => {
  let runs = 0;
  const error = await retry(() => {
    runs++;
    throw new Error(`failure ${runs}`);
  }, { ...noSleep, maxAttempts: 3 }).catch((e) => e);
  assert.ok(error instanceof RetryError);
  assert.equal(error.attempts, 3);
  assert.equal((error.cause as Error).message, "failure 3");
  assert.equal(runs, 3);
});

Deno.test("retry() rethrows at once what isRetryable refuses", async () => {
  let runs = 0;
  const fatal = new TypeError("bad input");
  const error = await retry(() => {
    runs++;
    throw fatal;
  }, { ...noSleep, isRetryable: (e) => !(e instanceof TypeError) }).catch((e) => e);
  assert.equal(error, fatal);
  assert.equal(runs, 1);
});

Deno.test("retry() waits what the failure asks for, capped by maxTimeout", async () => {
  const pauses: number[] = [];
  let runs = 0;
  await retry(() => {
    runs++;
    if (runs === 1) throw Object.assign(new Error("429"), { retryAfterMs: 2500 });
    if (runs === 2) throw Object.assign(new Error("429"), { retryAfterMs: 90_000 });
    return true;
  }, {
    maxTimeout: 10_000,
    delayFor: (e) => (e as { retryAfterMs?: number }).retryAfterMs ?? null,
    sleep: (ms) => {
      pauses.push(ms);
      return Promise.resolve();
    },
  });
  assert.deepEqual(pauses, [2500, 10_000]);
});

Deno.test("retry() tells onRetry each pause, growing by the multiplier without jitter", async () => {
  const seen: Array<[number, number]> = [];
  await retry(() => {
    throw new Error("down");
  }, {
    ...noSleep,
    maxAttempts: 4,
    minTimeout: 100,
    multiplier: 3,
    jitter: 0,
    onRetry: (attempt, delayMs) => seen.push([attempt, delayMs]),
  }).catch(() => {});
  assert.deepEqual(seen, [[1, 100], [2, 300], [3, 900]]);
});

Deno.test("backoffDelay() stays within the jittered range and the cap", () => {
  assert.equal(backoffDelay(1, { minTimeout: 200, random: () => 0 }), 200);
  assert.equal(backoffDelay(2, { minTimeout: 200, random: () => 0.5 }), 200);
  assert.equal(backoffDelay(10, { minTimeout: 200, maxTimeout: 1000, jitter: 0 }), 1000);
  assert.equal(backoffDelay(2, { minTimeout: 200, jitter: 0.25, random: () => 0.5 }), 350);
});

Deno.test("retry() refuses options that cannot work", async () => {
  await assert.rejects(() => retry(() => 1, { maxAttempts: 0 }), RangeError);
  await assert.rejects(() => retry(() => 1, { minTimeout: 5, maxTimeout: 1 }), RangeError);
});
