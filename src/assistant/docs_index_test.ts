import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import { MIN_SCORE, openDocsIndex } from "./docs_index.ts";

const FIXTURES = new URL("../../tests/fixtures/assistant_docs/", import.meta.url).pathname;
const log = getLogger(["ticketeer", "assistant", "test"]);

Deno.test("openDocsIndex() finds the password passage for a reset question", async () => {
  const index = await openDocsIndex(FIXTURES, log);
  try {
    assert.equal(index.size(), 7);
    const [best] = await index.search("How do I reset my password?");
    assert.ok(best);
    assert.equal(best.file, "account.md");
    assert.equal(best.title, "Account help");
    assert.equal(best.heading, "Reset your password");
    assert.equal(best.score, 1);
  } finally {
    index.close();
  }
});

Deno.test("openDocsIndex() matches other words of a topic through the stem", async () => {
  const index = await openDocsIndex(FIXTURES, log);
  try {
    const [best] = await index.search("My parcel has not arrived yet");
    assert.equal(best?.heading, "Delivery times");
    assert.ok(best.score >= MIN_SCORE, `score ${best.score}`);
    const [refund] = await index.search("when will I get my refund?");
    assert.equal(refund?.heading, "Refunds");
  } finally {
    index.close();
  }
});

Deno.test("openDocsIndex() finds nothing for a question the documents do not cover", async () => {
  const index = await openDocsIndex(FIXTURES, log);
  try {
    assert.deepEqual(await index.search("hello there"), []);
    const hits = await index.search("Can you recommend a good pizza restaurant in Berlin?");
    assert.ok(hits.every((h) => h.score < MIN_SCORE), JSON.stringify(hits));
  } finally {
    index.close();
  }
});

Deno.test("openDocsIndex() re-indexes when a document is added, changed or removed", async () => {
  const folder = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${folder}/faq.md`, "# FAQ\n\n## Opening hours\n\nWe open at 9.");
    const index = await openDocsIndex(folder, log);
    try {
      assert.equal((await index.search("opening hours"))[0]?.text, "We open at 9.");
      await Deno.writeTextFile(
        `${folder}/faq.md`,
        "# FAQ\n\n## Opening hours\n\nWe open at 10 from now on.",
      );
      assert.equal((await index.search("opening hours"))[0]?.text, "We open at 10 from now on.");
      await Deno.mkdir(`${folder}/more`);
      await Deno.writeTextFile(`${folder}/more/gifts.md`, "# Gifts\n\nGift cards never expire.");
      assert.equal((await index.search("gift cards"))[0]?.file, "more/gifts.md");
      await Deno.remove(`${folder}/more/gifts.md`);
      assert.deepEqual(await index.search("gift cards"), []);
    } finally {
      index.close();
    }
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
});

Deno.test("openDocsIndex() refuses a folder that does not exist", async () => {
  await assert.rejects(openDocsIndex("/nonexistent/docs/folder", log), Deno.errors.NotFound);
});
