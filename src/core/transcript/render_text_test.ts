import assert from "node:assert/strict";
import { createTextRenderer, renderText } from "./render_text.ts";

const alice = { id: "100", username: "alice", global_name: "Alice" };

function message(id: number, content: string, extra: Record<string, unknown> = {}) {
  return {
    raw: {
      id: String(id),
      type: 0,
      author: alice,
      content,
      timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, id)).toISOString(),
      ...extra,
    },
    deletedAt: null,
  };
}

Deno.test("renderText() writes one line per message with time, author and resolved mentions", () => {
  const text = renderText([
    message(1, "hello <@200> in <#300>\nsecond line"),
    {
      ...message(2, "gone", {
        edited_timestamp: "2026-01-01T12:10:00Z",
        attachments: [{ id: "9", filename: "a.png", size: 5, url: "https://cdn.example/a.png" }],
        embeds: [{ title: "T", description: "D" }],
        reactions: [{ emoji: { name: "👍" }, count: 2 }],
      }),
      deletedAt: new Date(Date.UTC(2026, 0, 1, 13)),
    },
  ], {
    info: { title: "Ticket #5", details: [["Opener", "Alice"]] },
    names: { users: new Map([["200", "Bob"]]), channels: new Map([["300", "rules"]]) },
    storedAttachments: new Set(["9"]),
  });
  assert.equal(
    text,
    [
      "Ticket #5",
      "Opener: Alice",
      "-".repeat(60),
      "[Jan 1, 2026, 12:00:01 PM UTC] Alice (100): hello @Bob in #rules",
      "    second line",
      "[Jan 1, 2026, 12:00:02 PM UTC] Alice (100): gone",
      "    [attachment] a.png (5 bytes) https://cdn.example/a.png (copy stored)",
      "    [embed] T",
      "    D",
      "    [reactions] 👍 2",
      "    (edited Jan 1, 2026, 12:10:00 PM UTC)",
      "    (deleted Jan 1, 2026, 1:00:00 PM UTC)",
      "-".repeat(60),
      "2 messages",
      "",
    ].join("\n"),
  );
});

Deno.test("createTextRenderer() renders page by page and counts messages", () => {
  const renderer = createTextRenderer({ info: { title: "t", details: [] } });
  renderer.begin();
  renderer.render([message(1, "a"), message(2, "b")]);
  renderer.render([message(3, "c")]);
  assert.equal(renderer.count, 3);
  assert.match(renderer.end(), /3 messages/);
});
