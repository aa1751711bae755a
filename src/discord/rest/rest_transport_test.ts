import assert from "node:assert/strict";
import { startRecordedRest, TEST_APPLICATION_ID } from "../../../tests/fixtures/rest_recorder.ts";
import { createRestTransport } from "./rest_transport.ts";

const APP = TEST_APPLICATION_ID;

async function setup() {
  const recorded = await startRecordedRest();
  const transport = createRestTransport(recorded.rest, {
    retry: { maxAttempts: 2, minTimeout: 1 },
  });
  return Object.assign(recorded, { transport });
}

Deno.test("createRestTransport() answers, edits and follows up through REST", async () => {
  await using t = await setup();
  t.recorder.respond((
    r,
  ) => (r.method === "POST" && r.path.endsWith("/callback")
    ? { status: 204 }
    : { status: 200, json: { id: "1" } })
  );
  await t.transport.callback("900", "tok", { type: 5, data: { flags: 64 } });
  await t.transport.editOriginal(APP, "tok", { content: "done", allowed_mentions: { parse: [] } });
  await t.transport.followUp(APP, "tok", { content: "more" }, false);
  const [callback, edit, followUp] = t.recorder.calls;
  assert.equal(callback!.path, "/interactions/900/tok/callback");
  assert.equal(callback!.headers.get("authorization"), null, "callbacks carry no bot token");
  assert.deepEqual(callback!.json, { type: 5, data: { flags: 64 } });
  assert.equal(edit!.method, "PATCH");
  assert.equal(edit!.path, `/webhooks/${APP}/tok/messages/@original`);
  assert.deepEqual(edit!.json, { content: "done", allowed_mentions: { parse: [] } });
  assert.equal(followUp!.path, `/webhooks/${APP}/tok`);
  assert.deepEqual(followUp!.json, { content: "more" });
});

Deno.test("createRestTransport() sends a callback once even when Discord answers 5xx", async () => {
  await using t = await setup();
  t.recorder.respond(() => ({ status: 500, json: {} }));
  const error = await t.transport.callback("900", "tok", { type: 6 }).catch((e) => e);
  assert.deepEqual(error.failure, { kind: "unavailable", status: 500 });
  assert.equal(t.recorder.calls.length, 1);
});
