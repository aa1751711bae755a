import assert from "node:assert/strict";
import { startFakeModel } from "../../tests/fixtures/fake_model.ts";
import { closedPortUrl } from "../../tests/fixtures/relay_backend.ts";
import type { ModelConfig } from "./assistant_config.ts";
import { createModelClient } from "./model_client.ts";

const noSleep = () => Promise.resolve();
const messages = [
  { role: "system" as const, content: "Be brief." },
  { role: "user" as const, content: "Where is my parcel?" },
];

function configFor(url: string, extra: Partial<ModelConfig> = {}): ModelConfig {
  return { url, model: "llama3.2", apiKey: null, timeoutMs: 2_000, ...extra };
}

Deno.test("complete() posts a non-streaming chat completion with the Bearer key", async () => {
  await using model = startFakeModel(() => "  It ships tomorrow.  ");
  const client = createModelClient(configFor(model.url, { apiKey: "sk-test-key" }));
  const result = await client.complete(messages);
  assert.deepEqual(result, { ok: true, text: "It ships tomorrow.", attempts: 1 });
  const [call] = model.calls;
  assert.equal(call?.headers.get("authorization"), "Bearer sk-test-key");
  assert.equal(call?.body.model, "llama3.2");
  assert.equal(call?.body.stream, false);
  assert.deepEqual(call?.body.messages, messages);
});

Deno.test("complete() retries a 429 and a 500 once each and takes the answer", async () => {
  for (const kind of ["rate_limit", "error"] as const) {
    await using model = startFakeModel(() => "second time lucky");
    model.fail(kind);
    const result = await createModelClient(configFor(model.url), { sleep: noSleep })
      .complete(messages);
    assert.deepEqual(result, { ok: true, text: "second time lucky", attempts: 2 }, kind);
    assert.equal(model.calls.length, 2);
  }
});

Deno.test("complete() gives up after one retry", async () => {
  await using model = startFakeModel();
  model.fail("rate_limit", 2);
  const result = await createModelClient(configFor(model.url), { sleep: noSleep })
    .complete(messages);
  assert.equal(result.ok, false);
  assert.equal(result.attempts, 2);
  assert.match(!result.ok ? result.reason : "", /HTTP 429.*then.*HTTP 429/);
  assert.equal(model.calls.length, 2);
});

Deno.test("complete() times out a model that does not answer, twice", async () => {
  await using model = startFakeModel();
  model.fail("hang", 2);
  const result = await createModelClient(configFor(model.url, { timeoutMs: 150 }), {
    sleep: noSleep,
  }).complete(messages);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : "", /no answer within 150 ms; then no answer/);
  assert.equal(model.calls.length, 2);
});

Deno.test("complete() reports an unreachable model", async () => {
  const url = closedPortUrl().replace(/\/relay$/, "/v1");
  const result = await createModelClient(configFor(url), { sleep: noSleep }).complete(messages);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.reason : "", /the request failed/);
});
