import assert from "node:assert/strict";
import { redactPayload, REMOVED } from "./redact_payload.ts";

const ME = "200000000000000001";
const OTHER = "200000000000000002";

Deno.test("redactPayload() removes the member's words, files and name", () => {
  const out = JSON.parse(redactPayload(
    JSON.stringify({
      id: "1",
      content: "my secret",
      author: { id: ME, username: "alice", global_name: "Alice" },
      attachments: [{ id: "9", filename: "secret.png" }],
      timestamp: "2024-01-01T00:00:00Z",
    }),
    ME,
  ));
  assert.equal(out.content, REMOVED);
  assert.deepEqual(out.attachments, []);
  assert.equal(out.author.username, REMOVED);
  assert.equal(out.timestamp, "2024-01-01T00:00:00Z");
  assert(!JSON.stringify(out).includes("alice"));
});

Deno.test("redactPayload() keeps another member's words but not the quote of the member", () => {
  const out = JSON.parse(redactPayload(
    JSON.stringify({
      id: "2",
      content: "staff reply",
      author: { id: OTHER, username: "bob" },
      referenced_message: { id: "1", content: "my secret", author: { id: ME, username: "alice" } },
    }),
    ME,
  ));
  assert.equal(out.content, "staff reply");
  assert.equal(out.author.username, "bob");
  assert.equal(out.referenced_message.content, REMOVED);
});
