import assert from "node:assert/strict";
import { parseSupportHours, type Schedule, supportStatus } from "./support_hours.ts";

function schedule(text: string): Schedule {
  const parsed = parseSupportHours(text);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed;
}

const BERLIN = schedule("Mon-Fri 09:00-17:00 Europe/Berlin");

Deno.test("supportStatus() is open from the first minute and closed at the last", () => {
  // Wednesday 2026-01-14, Berlin is UTC+1 in winter.
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-01-14T08:00:00Z")), { open: true });
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-01-14T15:59:00Z")), { open: true });
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-01-14T07:59:00Z")), {
    open: false,
    backAt: new Date("2026-01-14T08:00:00Z"),
  });
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-01-14T16:00:00Z")), {
    open: false,
    backAt: new Date("2026-01-15T08:00:00Z"),
  });
});

Deno.test("supportStatus() on a weekend points at Monday morning", () => {
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-01-17T12:00:00Z")), {
    open: false,
    backAt: new Date("2026-01-19T08:00:00Z"),
  });
});

Deno.test("supportStatus() follows the clocks across a daylight-saving change", () => {
  // Berlin moves to UTC+2 on Sunday 2026-03-29: Friday opens at 08:00Z, Monday at 07:00Z.
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-03-27T08:00:00Z")), { open: true });
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-03-28T10:00:00Z")), {
    open: false,
    backAt: new Date("2026-03-30T07:00:00Z"),
  });
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-03-30T06:59:00Z")), {
    open: false,
    backAt: new Date("2026-03-30T07:00:00Z"),
  });
  assert.deepEqual(supportStatus(BERLIN, new Date("2026-03-30T07:00:00Z")), { open: true });
  // And back to UTC+1 on 2026-10-25: 16:30Z on Monday 26 October is 17:30 in Berlin.
  assert.equal(supportStatus(BERLIN, new Date("2026-10-26T15:59:00Z")).open, true);
  assert.equal(supportStatus(BERLIN, new Date("2026-10-26T16:00:00Z")).open, false);
});

Deno.test("parseSupportHours() reads day lists and wrapping ranges", () => {
  const parsed = schedule("Sat-Mon,Wed 10:00-24:00 America/New_York");
  assert.deepEqual([...parsed.days].sort(), [0, 1, 3, 6]);
  assert.equal(parsed.endMinute, 24 * 60);
});

Deno.test("parseSupportHours() says what is wrong with a schedule", () => {
  assert.match(
    (parseSupportHours("Mon-Fri 09:00-17:00") as { problem: string }).problem,
    /time zone/,
  );
  assert.match(
    (parseSupportHours("Mon-Fry 09:00-17:00 UTC") as { problem: string }).problem,
    /unknown days/,
  );
  assert.match(
    (parseSupportHours("Mon 17:00-09:00 UTC") as { problem: string }).problem,
    /end after/,
  );
  assert.match(
    (parseSupportHours("Mon 09:00-17:00 Mars/Olympus") as { problem: string }).problem,
    /unknown time zone/,
  );
});
