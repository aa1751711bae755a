import assert from "node:assert/strict";
import { parseSupportHours, type Schedule } from "../types/support_hours.ts";
import { timeInHours } from "./time_in_hours.ts";

const HOUR = 3_600_000;

function schedule(text: string): Schedule {
  const parsed = parseSupportHours(text);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed;
}

Deno.test("timeInHours() counts only the hours of a span inside the schedule", () => {
  const berlin = schedule("Mon-Fri 09:00-17:00 Europe/Berlin");
  // Wednesday 2026-01-07, 08:00 → 10:00 Berlin (UTC+1): one hour in.
  assert.equal(
    timeInHours(berlin, new Date("2026-01-07T07:00:00Z"), new Date("2026-01-07T09:00:00Z")),
    HOUR,
  );
  assert.equal(
    timeInHours(berlin, new Date("2026-01-07T09:00:00Z"), new Date("2026-01-07T09:00:00Z")),
    0,
  );
});

Deno.test("timeInHours() skips a weekend", () => {
  const berlin = schedule("Mon-Fri 09:00-17:00 Europe/Berlin");
  // Friday 2026-01-09 16:00 Berlin → Monday 2026-01-12 10:00 Berlin: 1 h + 1 h.
  assert.equal(
    timeInHours(berlin, new Date("2026-01-09T15:00:00Z"), new Date("2026-01-12T09:00:00Z")),
    2 * HOUR,
  );
});

Deno.test("timeInHours() follows the clocks across a daylight-saving change", () => {
  const nightly = schedule("Sun 01:00-04:00 Europe/Berlin");
  // Sunday 2026-03-29 the clocks jump from 02:00 to 03:00: 01:00–04:00 lasts 2 real hours.
  assert.equal(
    timeInHours(nightly, new Date("2026-03-28T12:00:00Z"), new Date("2026-03-29T12:00:00Z")),
    2 * HOUR,
  );
  const berlin = schedule("Mon-Fri 09:00-17:00 Europe/Berlin");
  // Friday 2026-03-27 16:00 CET (15:00Z) → Monday 2026-03-30 10:00 CEST (08:00Z).
  assert.equal(
    timeInHours(berlin, new Date("2026-03-27T15:00:00Z"), new Date("2026-03-30T08:00:00Z")),
    2 * HOUR,
  );
});
