import assert from "node:assert/strict";
import { parseMessage } from "./parse_message.ts";

function message(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "600000000000000001",
    channel_id: "200000000000000001",
    guild_id: "100000000000000001",
    author: { id: "300000000000000001", username: "alice", global_name: null, avatar: null },
    content: "hello",
    type: 0,
    member: { roles: [] },
    ...extra,
  };
}

Deno.test("parseMessage() reads a member's guild message", () => {
  assert.deepEqual(parseMessage(message()), {
    id: "600000000000000001",
    guildId: "100000000000000001",
    channelId: "200000000000000001",
    author: {
      id: "300000000000000001",
      username: "alice",
      globalName: null,
      avatar: null,
      bot: false,
    },
    content: "hello",
    system: false,
  });
});

Deno.test("parseMessage() treats replies as member messages, webhooks and joins as system", () => {
  assert.equal(parseMessage(message({ type: 19 }))?.system, false);
  assert.equal(parseMessage(message({ webhook_id: "400000000000000001" }))?.system, true);
  assert.equal(parseMessage(message({ type: 7 }))?.system, true);
  assert.equal(parseMessage(message({ type: 20 }))?.system, true);
});

Deno.test("parseMessage() keeps bot authors marked and empty content as empty", () => {
  const parsed = parseMessage(
    message({
      content: undefined,
      author: { id: "300000000000000002", username: "bot", bot: true },
    }),
  );
  assert.equal(parsed?.author.bot, true);
  assert.equal(parsed?.content, "");
});

Deno.test("parseMessage() drops DMs and malformed payloads", () => {
  assert.equal(parseMessage(message({ guild_id: undefined })), null);
  assert.equal(parseMessage(message({ id: "x" })), null);
  assert.equal(parseMessage(message({ author: null })), null);
  assert.equal(parseMessage(null), null);
  assert.equal(parseMessage([]), null);
});
