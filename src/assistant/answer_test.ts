import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import { startFakeModel } from "../../tests/fixtures/fake_model.ts";
import { type AnswererOptions, ASSISTANT_FOOTER, createAnswerer, HANDOFF_REPLY } from "./answer.ts";
import { DEFAULT_HANDOFF_PHRASES } from "./assistant_config.ts";
import { openConversationStore } from "./conversation_store.ts";
import { openDocsIndex } from "./docs_index.ts";
import { createModelClient } from "./model_client.ts";
import type { RelayBody } from "./relay_body.ts";

const FIXTURES = new URL("../../tests/fixtures/assistant_docs/", import.meta.url).pathname;
const log = getLogger(["ticketeer", "assistant", "test"]);
const noSleep = () => Promise.resolve();

let nextMessage = 1;
function message(content: string, ticket = "7"): RelayBody {
  return {
    guild_id: "1100000000000000001",
    channel_id: "1100000000000000002",
    user_id: "1100000000000000003",
    message_id: String(nextMessage++),
    ticket_id: ticket,
    ticket_number: "42",
    content,
  };
}

function options(extra: Partial<AnswererOptions>): AnswererOptions {
  return {
    docs: null,
    model: null,
    store: null,
    prompt: "Be brief.",
    handoffPhrases: DEFAULT_HANDOFF_PHRASES,
    log,
    ...extra,
  };
}

Deno.test("createAnswerer() without a model quotes the best passage with its title", async () => {
  const docs = await openDocsIndex(FIXTURES, log);
  try {
    const answer = await createAnswerer(options({ docs }))(message("How do I reset my password?"));
    assert.equal(answer.source, "docs");
    assert.equal(answer.handoff, undefined);
    assert.match(answer.reply, /^From \*\*Account help\*\* \(Reset your password\):\n> Open/);
    assert.ok(answer.reply.endsWith(ASSISTANT_FOOTER));
  } finally {
    docs.close();
  }
});

Deno.test("createAnswerer() without a model answers nothing when nothing matches well", async () => {
  const docs = await openDocsIndex(FIXTURES, log);
  try {
    const answer = createAnswerer(options({ docs }));
    assert.deepEqual(await answer(message("Which pizza do you like?")), {
      reply: "",
      source: "none",
    });
    assert.deepEqual(await createAnswerer(options({}))(message("reset my password")), {
      reply: "",
      source: "none",
    });
  } finally {
    docs.close();
  }
});

Deno.test("createAnswerer() hands over to staff when a person is asked for, model or not", async () => {
  await using fake = startFakeModel();
  const model = createModelClient({ url: fake.url, model: "m", apiKey: null, timeoutMs: 2000 });
  for (const answer of [createAnswerer(options({})), createAnswerer(options({ model }))]) {
    const result = await answer(message("Can I talk to a human?"));
    assert.deepEqual(result, {
      reply: `${HANDOFF_REPLY}\n${ASSISTANT_FOOTER}`,
      handoff: true,
      source: "handoff",
    });
  }
  assert.equal(fake.calls.length, 0, "the model is not asked");
});

Deno.test("createAnswerer() asks the model with the prompt, passages and the ticket's turns", async () => {
  await using fake = startFakeModel((call) => `Answer ${call.body.messages?.length}`);
  const model = createModelClient({ url: fake.url, model: "m", apiKey: null, timeoutMs: 2000 });
  const docs = await openDocsIndex(FIXTURES, log);
  const store = openConversationStore(":memory:");
  try {
    const answer = createAnswerer(options({ docs, model, store }));
    const first = await answer(message("How do I reset my password?"));
    assert.equal(first.reply, `Answer 2\n${ASSISTANT_FOOTER}`);
    assert.equal(first.source, "model");
    const second = await answer(message("And if the link expired?"));
    assert.equal(second.reply, `Answer 4\n${ASSISTANT_FOOTER}`);
    await answer(message("Another ticket", "8"));

    const messages = fake.calls[1]?.body.messages ?? [];
    assert.equal(messages[0]?.role, "system");
    assert.match(messages[0]?.content ?? "", /^Be brief\.\n\nDocuments:/);
    assert.deepEqual(messages.slice(1), [
      { role: "user", content: "How do I reset my password?" },
      { role: "assistant", content: "Answer 2" },
      { role: "user", content: "And if the link expired?" },
    ]);
    assert.equal(fake.calls[2]?.body.messages?.length, 2, "tickets do not share turns");
    const firstSystem = fake.calls[0]?.body.messages?.[0]?.content ?? "";
    assert.match(firstSystem, /Account help — Reset your password\nOpen \*\*Settings/);
  } finally {
    docs.close();
    store.close();
  }
});

Deno.test("createAnswerer() retries a failing model once, then answers nothing", async () => {
  await using fake = startFakeModel(() => "Recovered.");
  const model = createModelClient(
    { url: fake.url, model: "m", apiKey: null, timeoutMs: 2000 },
    { sleep: noSleep },
  );
  const answer = createAnswerer(options({ model }));
  fake.fail("rate_limit");
  assert.equal((await answer(message("hello?"))).reply, `Recovered.\n${ASSISTANT_FOOTER}`);
  fake.fail("error", 2);
  assert.deepEqual(await answer(message("hello again?")), { reply: "", source: "none" });
  assert.equal(fake.calls.length, 4);
});
