import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";

function get(fake: { apiUrl: string; token: string }, path: string): Promise<Response> {
  return fetch(`${fake.apiUrl}/v10${path}`, { headers: { authorization: `Bot ${fake.token}` } });
}

Deno.test("every answer carries Discord's rate-limit headers", async () => {
  const fake = await startFakeDiscord();
  try {
    const response = await get(fake, "/users/@me");
    await response.body?.cancel();
    for (
      const name of [
        "x-ratelimit-bucket",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-ratelimit-reset-after",
      ]
    ) {
      assert.ok(response.headers.get(name) !== null, `missing ${name}`);
    }
  } finally {
    await fake.close();
  }
});

Deno.test("inject429() answers 429 with retry_after and records a retry sent too early", async () => {
  const fake = await startFakeDiscord();
  try {
    fake.inject429({ route: "GET /users/@me", count: 1, retryAfterMs: 5000 });
    const limited = await get(fake, "/users/@me");
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("x-ratelimit-remaining"), "0");
    assert.equal(limited.headers.get("x-ratelimit-reset-after"), "5.000");
    assert.equal(limited.headers.get("retry-after"), "5.000");
    assert.equal(limited.headers.get("x-ratelimit-scope"), "user");
    assert.deepEqual(await limited.json(), {
      message: "You are being rate limited.",
      retry_after: 5,
      global: false,
    });
    assert.deepEqual(fake.earlyRetries(), []);
    const tooSoon = await get(fake, "/users/@me");
    await tooSoon.body?.cancel();
    assert.equal(tooSoon.status, 200);
    const early = fake.earlyRetries();
    assert.equal(early.length, 1);
    assert.equal(early[0]?.route, "/users/@me");
    assert.throws(() => fake.assertNoViolations(), /early retry/);
  } finally {
    await fake.close();
  }
});

Deno.test("a global 429 blocks every route, but not interaction callbacks", async () => {
  const fake = await startFakeDiscord();
  try {
    fake.inject429({ count: 1, retryAfterMs: 5000, global: true });
    const limited = await get(fake, "/gateway/bot");
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("x-ratelimit-global"), "true");
    assert.equal(limited.headers.get("x-ratelimit-scope"), "global");
    assert.equal((await limited.json()).global, true);
    const callback = await fetch(`${fake.apiUrl}/v10/interactions/1/x/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 5 }),
    });
    await callback.body?.cancel();
    assert.deepEqual(fake.earlyRetries(), []);
    const other = await get(fake, "/users/@me");
    await other.body?.cancel();
    assert.equal(fake.earlyRetries()[0]?.global, true);
  } finally {
    await fake.close();
  }
});

Deno.test("a bucket refuses requests past its limit until its window resets", async () => {
  const fake = await startFakeDiscord({ rateLimits: { routeLimit: 2, routeWindowMs: 10_000 } });
  try {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await get(fake, "/users/@me");
      await response.body?.cancel();
      statuses.push([response.status, response.headers.get("x-ratelimit-remaining")]);
    }
    assert.deepEqual(statuses, [[200, "1"], [200, "0"], [429, "0"]]);
  } finally {
    await fake.close();
  }
});

Deno.test("the global limit answers 429 past its requests per second", async () => {
  const fake = await startFakeDiscord({ rateLimits: { globalPerSecond: 5 } });
  try {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const response = await get(fake, "/users/@me");
      await response.body?.cancel();
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  } finally {
    await fake.close();
  }
});

Deno.test("inject5xx() and failNext() fail the next matching requests", async () => {
  const fake = await startFakeDiscord();
  try {
    fake.inject5xx({ route: "/users/@me", count: 2, status: 502 });
    fake.failNext({
      method: "GET",
      route: "/gateway/bot",
      status: 403,
      code: 50001,
      message: "Missing Access",
    });
    const statuses = [];
    for (const path of ["/users/@me", "/users/@me", "/users/@me", "/gateway/bot", "/gateway/bot"]) {
      const response = await get(fake, path);
      await response.body?.cancel();
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [502, 502, 200, 403, 200]);
  } finally {
    await fake.close();
  }
});

Deno.test("maxGlobalRequestsPerSecond() counts every non-exempt request of the busiest second, refused ones too", async () => {
  const fake = await startFakeDiscord({ rateLimits: { globalPerSecond: 5, routeLimit: 100 } });
  try {
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(fake, "/users/@me")));
    for (const answer of answers) await answer.body?.cancel();
    assert.equal(answers.filter((a) => a.status === 429).length, 3);
    // An interaction callback is exempt: it does not count.
    const callback = await fetch(`${fake.apiUrl}/v10/interactions/1/none/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 1 }),
    });
    await callback.body?.cancel();
    assert.equal(fake.maxGlobalRequestsPerSecond(), 8);
  } finally {
    await fake.close();
  }
});
