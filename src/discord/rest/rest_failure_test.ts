import assert from "node:assert/strict";
import { DiscordRequestError } from "../../core/discord_failure.ts";
import { callDiscord, failureFromError, failureFromResponse, routeLabel } from "./rest_failure.ts";
import { createDiscordRest } from "./discord_rest.ts";
import { SAMPLE_TOKEN } from "../../../tests/fixtures/sample_token.ts";
import { freePort } from "../../../tests/fixtures/free_port.ts";
import { within } from "../../lib/deadline.ts";

/** What discordeno rejects with when Discord answers an error. */
function discordenoError(status: number, body?: unknown): Error {
  const error = new Error("Failed to send request to discord.");
  error.cause = {
    ok: false,
    status,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  return error;
}

Deno.test("failureFromError() maps Discord's error codes to failures", () => {
  const cases: Array<[number, number, string]> = [
    [403, 50013, "missing_permissions"],
    [403, 50001, "missing_access"],
    [404, 10003, "unknown_channel"],
    [404, 10007, "unknown_member"],
    [404, 10008, "unknown_message"],
    [404, 10011, "unknown_role"],
    [400, 30013, "guild_channel_limit"],
    [403, 50007, "cannot_dm"],
  ];
  for (const [status, code, kind] of cases) {
    const failure = failureFromError(discordenoError(status, { code, message: "x" }));
    assert.equal(failure?.kind, kind, `code ${code}`);
  }
});

Deno.test("failureFromError() reads a full category from a parent_id form error", () => {
  const body = {
    code: 50035,
    message: "Invalid Form Body",
    errors: {
      parent_id: {
        _errors: [{
          code: "CHANNEL_PARENT_MAX_CHANNELS",
          message: "Maximum number of channels in category reached (50)",
        }],
      },
    },
  };
  assert.deepEqual(failureFromError(discordenoError(400, body)), { kind: "category_full" });
});

Deno.test("failureFromError() keeps other form errors as other", () => {
  const body = {
    code: 50035,
    message: "Invalid Form Body",
    errors: { name: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "Required" }] } },
  };
  assert.deepEqual(failureFromError(discordenoError(400, body)), {
    kind: "other",
    status: 400,
    code: 50035,
    message: "Invalid Form Body",
  });
});

Deno.test("failureFromError() maps 429, 5xx and no answer", () => {
  assert.deepEqual(
    failureFromError(discordenoError(429, { message: "slow", retry_after: 1.5, global: false })),
    { kind: "rate_limited", retryAfterMs: 1500 },
  );
  assert.deepEqual(failureFromError(discordenoError(502)), { kind: "unavailable", status: 502 });
  const network = new Error("Failed to send request to discord.");
  network.cause = { ok: false, status: 999, error: "Possible network issue" };
  assert.deepEqual(failureFromError(network), { kind: "unavailable", status: 0 });
});

Deno.test("failureFromError() returns null for errors that are not Discord answers", () => {
  assert.equal(failureFromError(new TypeError("bug")), null);
  assert.equal(failureFromError("text"), null);
  const known = new DiscordRequestError({ kind: "unknown_role" }, "gone");
  assert.deepEqual(failureFromError(known), { kind: "unknown_role" });
});

Deno.test("failureFromResponse() tolerates a body that is not JSON", () => {
  assert.deepEqual(failureFromResponse(400, "<html>bad</html>"), {
    kind: "other",
    status: 400,
    code: null,
    message: "<html>bad</html>",
  });
});

Deno.test("routeLabel() hides ids and interaction tokens", () => {
  assert.equal(
    routeLabel("/channels/123456789012345678/messages?limit=5"),
    "/channels/:id/messages",
  );
  assert.equal(
    routeLabel("/webhooks/123456789012345678/aW50ZXJhY3Rpb246secret/messages/@original"),
    "/webhooks/:id/:token/messages/@original",
  );
  assert.equal(
    routeLabel("/interactions/123456789012345678/aW50ZXJhY3Rpb246secret/callback"),
    "/interactions/:id/:token/callback",
  );
  assert.equal(routeLabel("/users/@me"), "/users/@me");
});

/** Runs `request` twice against a REST client whose server never answers; each must fail in time. */
async function twiceUnanswered(
  what: string,
  request: (rest: ReturnType<typeof createDiscordRest>["rest"]) => Promise<unknown>,
): Promise<void> {
  const { rest, close } = createDiscordRest({
    token: SAMPLE_TOKEN,
    baseUrl: `http://127.0.0.1:${freePort()}/api`,
  });
  try {
    for (let round = 0; round < 2; round++) {
      await within(
        request(rest),
        5_000,
        `${what} ${round + 1} to an unanswering server to fail instead of hanging`,
      );
    }
  } finally {
    close();
  }
}

Deno.test("callDiscord() gives up on a server that never answers, and the route keeps working", async () => {
  await twiceUnanswered("call", (rest) =>
    assert.rejects(
      callDiscord(rest, "GET", "/users/@me", { retry: { maxAttempts: 2, minTimeout: 10 } }),
      (error) => error instanceof DiscordRequestError && error.failure.kind === "unavailable",
    ));
});

Deno.test("a route stays usable after a request that got no answer, outside callDiscord too", async () => {
  // discordeno's own calls (the gateway's GET /gateway/bot) go through makeRequest.
  await twiceUnanswered(
    "request",
    (rest) => assert.rejects(rest.makeRequest("GET", "/gateway/bot")),
  );
});
