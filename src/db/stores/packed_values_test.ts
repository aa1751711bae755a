import assert from "node:assert/strict";
import { unpack, unpackNumbers } from "./packed_values.ts";

Deno.test("packed ids come back one per row, the empty string for null", () => {
  assert.deepEqual(unpack("1,,3", 3, "ids"), ["1", "", "3"]);
  assert.deepEqual(unpack(new TextEncoder().encode("7"), 1, "ids"), ["7"]);
  assert.deepEqual(unpack(null, 0, "ids"), []);
  assert.throws(() => unpack("1,2", 3, "ids"), /Cannot read the packed ids: 2 values for 3/);
});

Deno.test("packed numbers come back as numbers and nulls, checked against the count", () => {
  assert.deepEqual(unpackNumbers("12,null,0,259200000", 4, "times"), [12, null, 0, 259200000]);
  assert.deepEqual(unpackNumbers(new TextEncoder().encode("5"), 1, "ratings"), [5]);
  assert.deepEqual(unpackNumbers(undefined, 0, "times"), []);
  assert.throws(() => unpackNumbers("1,2", 3, "times"), /Cannot read the packed times: not 3/);
  assert.throws(() => unpackNumbers("1,,2", 3, "times"), /Cannot read the packed times/);
  assert.throws(() => unpackNumbers("1]", 1, "times"), /Cannot read the packed times/);
});
