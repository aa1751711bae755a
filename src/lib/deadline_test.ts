import assert from "node:assert/strict";
import { withDeadline, within } from "./deadline.ts";

Deno.test("withDeadline() settles with the promise when it is first", async () => {
  assert.equal(await withDeadline(Promise.resolve(1), 1_000, () => 0), 1);
});

Deno.test("withDeadline() settles with onTimeout() when the promise is late", async () => {
  assert.equal(await withDeadline(new Promise<number>(() => {}), 1, () => 0), 0);
});

Deno.test("within() fails naming what it waited for when the promise is late", async () => {
  await assert.rejects(
    within(new Promise(() => {}), 1, "the answer"),
    /Timed out after 1 ms: the answer/,
  );
});
