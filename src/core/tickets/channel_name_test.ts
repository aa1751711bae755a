import assert from "node:assert/strict";
import { channelName, sanitizeChannelName, schemeProblem } from "./channel_name.ts";

Deno.test("sanitizeChannelName() follows Discord's channel-name rules", () => {
  assert.equal(sanitizeChannelName("Ticket 0042"), "ticket-0042");
  assert.equal(sanitizeChannelName("  Hello,   World!! "), "hello-world");
  assert.equal(sanitizeChannelName("--a--b--"), "a-b");
  assert.equal(sanitizeChannelName("under_score"), "under_score");
  assert.equal(sanitizeChannelName("Ünïcödé Ñame"), "ünïcödé-ñame");
  assert.equal(sanitizeChannelName("🎫🎫"), "");
  assert.equal(sanitizeChannelName("a.b/c\\d"), "a-b-c-d");
  const long = sanitizeChannelName("x".repeat(99) + "-yyyy");
  assert.equal(long.length, 99, "a cut never leaves a trailing dash");
  assert.ok(sanitizeChannelName("é".repeat(150)).length <= 100);
});

Deno.test("channelName() fills {number}, {username} and {user_id}", () => {
  const parts = { number: 7, username: "Ada Lovelace", userId: "123456789012345678" };
  assert.equal(channelName("ticket-{number}", parts), "ticket-7");
  assert.equal(channelName("{username}-{number}", parts), "ada-lovelace-7");
  assert.equal(channelName("T {user_id}", parts), "t-123456789012345678");
  assert.equal(channelName("{username}", { ...parts, username: "!!!" }), "ticket-7");
});

Deno.test("schemeProblem() rejects schemes that can give an empty name or use unknown tokens", () => {
  assert.equal(schemeProblem("ticket-{number}"), null);
  assert.equal(schemeProblem("{username}-{number}"), null);
  assert.equal(schemeProblem("support"), null);
  assert.match(schemeProblem("{username}") ?? "", /empty/);
  assert.match(schemeProblem("!!! ???") ?? "", /empty/);
  assert.match(schemeProblem("{name}-{number}") ?? "", /unknown token \{name\}/);
});
