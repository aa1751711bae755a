import assert from "node:assert/strict";
import { isTransient, isUniqueViolation, RETRY_ATTEMPTS, withRetry } from "./db_errors.ts";

Deno.test("isUniqueViolation() recognises each driver's duplicate-key error", () => {
  assert.ok(isUniqueViolation({ code: "23505" }));
  assert.ok(isUniqueViolation({ errno: 1062, code: "ER_DUP_ENTRY" }));
  assert.ok(isUniqueViolation({ errcode: 2067 }));
  assert.ok(isUniqueViolation({ errcode: 1555 }));
  assert.ok(!isUniqueViolation({ code: "23503" }));
  assert.ok(!isUniqueViolation(new Error("x")));
  assert.ok(!isUniqueViolation(null));
});

Deno.test("isTransient() recognises deadlocks, serialization failures and busy databases", () => {
  assert.ok(isTransient({ code: "40P01" }));
  assert.ok(isTransient({ code: "40001" }));
  assert.ok(isTransient({ errno: 1213 }));
  assert.ok(isTransient({ errno: 1205 }));
  assert.ok(isTransient({ errcode: 5 }));
  assert.ok(isTransient({ errcode: 517 })); // SQLITE_BUSY_SNAPSHOT
  assert.ok(isTransient({ errcode: 6 }));
  assert.ok(!isTransient({ errcode: 2067 }));
  assert.ok(!isTransient({ code: "23505" }));
  assert.ok(!isTransient("deadlock"));
});

Deno.test("withRetry() runs again after transient errors only", async () => {
  let calls = 0;
  assert.equal(
    await withRetry(() => {
      calls++;
      return calls < 3 ? Promise.reject({ code: "40P01" }) : Promise.resolve("done");
    }),
    "done",
  );
  assert.equal(calls, 3);

  calls = 0;
  await assert.rejects(
    withRetry(() => {
      calls++;
      return Promise.reject(new RangeError("bad input"));
    }),
    RangeError,
  );
  assert.equal(calls, 1);
});

Deno.test("withRetry() gives up after RETRY_ATTEMPTS transient failures", async () => {
  let calls = 0;
  await assert.rejects(
    withRetry(() => {
      calls++;
      return Promise.reject({ errno: 1213 });
    }),
    (error: unknown) => (error as { errno: number }).errno === 1213,
  );
  assert.equal(calls, RETRY_ATTEMPTS);
});
