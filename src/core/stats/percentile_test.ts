import assert from "node:assert/strict";
import { nearestRank, summarize } from "./percentile.ts";

Deno.test("nearestRank() takes the value at rank ceil(p/100 * n)", () => {
  assert.equal(nearestRank([30, 10, 20], 50), 20);
  assert.equal(nearestRank([30, 10, 20], 90), 30);
  assert.equal(nearestRank([4, 1, 3, 2], 50), 2, "the lower middle value of an even count");
  assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  assert.equal(nearestRank([7], 90), 7);
  assert.equal(nearestRank([], 50), null);
  assert.throws(() => nearestRank([1], 0), RangeError);
});

Deno.test("summarize() counts and gives the median and 90th percentile", () => {
  assert.deepEqual(summarize([5, 1, 3]), { count: 3, medianMs: 3, p90Ms: 5 });
  assert.deepEqual(summarize([]), { count: 0, medianMs: null, p90Ms: null });
});

Deno.test("nearestRank() and summarize() give what a whole sort gives, duplicates and all", () => {
  let seed = 3;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (const size of [1, 2, 3, 10, 99, 601, 602, 1000, 5003]) {
    for (const spread of [3, 1000, 1e9]) {
      const values = Array.from({ length: size }, () => next(spread));
      const sorted = [...values].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * size)) - 1];
      for (const p of [1, 50, 90, 99, 100]) {
        assert.equal(nearestRank(values, p), at(p), `p${p} of ${size} up to ${spread}`);
      }
      assert.deepEqual(summarize(values), { count: size, medianMs: at(50), p90Ms: at(90) });
    }
  }
});
