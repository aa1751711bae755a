import assert from "node:assert/strict";
import { HIDDEN_SPOILER, replyExcerpt } from "./reply_excerpt.ts";
import type { MentionNames } from "./types.ts";

const NAMES: MentionNames = {
  users: new Map([["100", "Alex Kim"]]),
  roles: new Map([["200", { name: "Support", color: 0x3498db }]]),
  channels: new Map([["300", "billing-faq"]]),
};

Deno.test("replyExcerpt() strips markdown and resolves mentions", () => {
  assert.equal(
    replyExcerpt("Hi <@100>, **bold** and *it* and __u__ ~~s~~ `code` see <#300> <@&200>", NAMES),
    "Hi @Alex Kim, bold and it and u s code see #billing-faq @Support",
  );
  assert.equal(
    replyExcerpt("# Title\n- item\n> quote [docs](https://x.example/)", NAMES),
    "Title item quote docs",
  );
});

Deno.test("replyExcerpt() never shows a spoiler's content", () => {
  const excerpt = replyExcerpt("Sure: ||4242||", NAMES);
  assert.equal(excerpt, `Sure: ${HIDDEN_SPOILER}`);
  assert.ok(!excerpt.includes("4242"));
});

Deno.test("replyExcerpt() folds lines and cuts long text to one line", () => {
  const excerpt = replyExcerpt("line one\nline two " + "x".repeat(300), NAMES);
  assert.ok(!excerpt.includes("\n"));
  assert.ok(excerpt.startsWith("line one line two x"));
  assert.equal([...excerpt].length, 100);
  assert.ok(excerpt.endsWith("…"));
});
