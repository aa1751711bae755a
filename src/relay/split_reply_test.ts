import assert from "node:assert/strict";
import { DISCORD_MESSAGE_LIMIT, splitReply } from "./split_reply.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertWithinLimit(parts: string[], limit = DISCORD_MESSAGE_LIMIT): void {
  for (const part of parts) {
    assert.ok(part.length <= limit, `a part has ${part.length} characters`);
    assert.ok(part.trim() !== "", "a part is empty");
  }
}

Deno.test("splitReply() keeps a short reply as one part", () => {
  assert.deepEqual(splitReply("Hello **there**.\nHow can I help?"), [
    "Hello **there**.\nHow can I help?",
  ]);
  const exact = "x".repeat(DISCORD_MESSAGE_LIMIT);
  assert.deepEqual(splitReply(exact), [exact]);
});

Deno.test("splitReply() gives no parts for an empty or blank reply", () => {
  assert.deepEqual(splitReply(""), []);
  assert.deepEqual(splitReply(" \n\t "), []);
});

Deno.test("splitReply() splits a 5,000-character reply on line boundaries", () => {
  const lines = Array.from(
    { length: 100 },
    (_, i) => `${String(i).padStart(3, "0")} ${"a".repeat(45)}`,
  );
  const text = lines.join("\n");
  assert.equal(text.length, 4999);
  const parts = splitReply(text);
  assert.equal(parts.length, 3);
  assertWithinLimit(parts);
  // Every part holds whole lines, and nothing is lost or reordered.
  for (const part of parts) {
    for (const line of part.split("\n")) assert.ok(lines.includes(line), line);
  }
  assert.equal(parts.join("\n"), text);
});

Deno.test("splitReply() falls back to word boundaries for one long line", () => {
  const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
  const text = words.join(" ");
  const parts = splitReply(text);
  assert.ok(parts.length >= 3);
  assertWithinLimit(parts);
  for (const part of parts) {
    for (const word of part.split(" ")) assert.match(word, /^word\d+$/);
  }
  assert.equal(parts.join(" "), text);
});

Deno.test("splitReply() hard-splits text without spaces and never breaks a surrogate pair", () => {
  const plain = "x".repeat(4500);
  const plainParts = splitReply(plain);
  assertWithinLimit(plainParts);
  assert.equal(plainParts.join(""), plain);

  // The leading "x" puts a pair across every even cut point.
  const emoji = `x${"😀".repeat(1500)}`;
  const emojiParts = splitReply(emoji);
  assertWithinLimit(emojiParts);
  for (const part of emojiParts) assert.doesNotMatch(part, LONE_SURROGATE);
  assert.equal(emojiParts.join(""), emoji);
});

Deno.test("splitReply() closes and reopens a code fence cut by a split", () => {
  const code = Array.from({ length: 200 }, (_, i) => `const value${i} = ${i};`);
  const text = `Here is the fix:\n\`\`\`ts\n${code.join("\n")}\n\`\`\`\nThat should do it.`;
  const parts = splitReply(text);
  assert.ok(parts.length >= 2);
  assertWithinLimit(parts);
  for (const part of parts) {
    const fences = part.split("\n").filter((line) => line.startsWith("```"));
    assert.equal(fences.length % 2, 0, `unbalanced fences in:\n${part}`);
  }
  assert.ok(parts[0]!.startsWith("Here is the fix:\n```ts\n"));
  assert.ok(parts[0]!.endsWith("\n```"));
  assert.ok(parts[1]!.startsWith("```ts\n"));
  assert.ok(parts.at(-1)!.endsWith("```\nThat should do it."));
  // The code itself survives whole and in order.
  const seen = parts.join("\n").split("\n").filter((line) => line.startsWith("const "));
  assert.deepEqual(seen, code);
});

Deno.test("splitReply() refuses a limit too small to hold a reopened fence", () => {
  assert.throws(() => splitReply("text", 10), RangeError);
});
