import assert from "node:assert/strict";
import { openConversationStore } from "./conversation_store.ts";

Deno.test("openConversationStore() keeps the last turns of each ticket in order", () => {
  const store = openConversationStore(":memory:", { maxTurns: 3 });
  try {
    for (let i = 1; i <= 5; i++) {
      store.add("1:7", { messageId: String(i), role: "user", content: `question ${i}` });
    }
    store.add("1:8", { messageId: "9", role: "user", content: "other ticket" });
    assert.deepEqual(store.recent("1:7").map((t) => t.content), [
      "question 3",
      "question 4",
      "question 5",
    ]);
    assert.deepEqual(store.recent("1:8"), [{ role: "user", content: "other ticket" }]);
  } finally {
    store.close();
  }
});

Deno.test("openConversationStore() stores a retried message once", () => {
  const store = openConversationStore(":memory:");
  try {
    assert.equal(store.add("t", { messageId: "1", role: "user", content: "hi" }), true);
    assert.equal(store.add("t", { messageId: "1", role: "user", content: "hi" }), false);
    assert.equal(store.add("t", { messageId: "1", role: "assistant", content: "hello" }), true);
    assert.equal(store.recent("t").length, 2);
  } finally {
    store.close();
  }
});

Deno.test("openConversationStore() keeps turns in its file across openings", async () => {
  const folder = await Deno.makeTempDir();
  try {
    const path = `${folder}/nested/assistant.db`;
    const first = openConversationStore(path);
    first.add("t", { messageId: "1", role: "user", content: "kept" });
    first.close();
    const second = openConversationStore(path);
    assert.deepEqual(second.recent("t"), [{ role: "user", content: "kept" }]);
    second.close();
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
});
