import assert from "node:assert/strict";
import { randomIds } from "./random_ids.ts";

Deno.test("randomIds() gives eight hex digits that differ between calls", () => {
  const ids = randomIds();
  const seen = new Set(Array.from({ length: 50 }, () => ids.errorId()));
  for (const id of seen) assert.match(id, /^[0-9a-f]{8}$/);
  assert.ok(seen.size > 45);
});
