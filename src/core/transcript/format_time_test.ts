import assert from "node:assert/strict";
import { timeFormat } from "./format_time.ts";

Deno.test("timeFormat() gives each date its own text, however many share a minute or a day", () => {
  const format = timeFormat("en");
  const at = (iso: string) => new Date(iso);
  // In order, as a transcript reads them, and back again: a remembered text is only reused
  // for a date the style shows the same.
  const dates = [
    "2026-12-03T23:59:00.000Z",
    "2026-12-03T23:59:59.999Z",
    "2026-12-04T00:00:00.000Z",
    "2026-12-04T00:00:01.000Z",
    "2026-12-03T23:59:30.000Z",
  ].map(at);
  assert.deepEqual(dates.map((d) => format.stamp(d)), [
    "Dec 3, 2026, 11:59 PM UTC",
    "Dec 3, 2026, 11:59 PM UTC",
    "Dec 4, 2026, 12:00 AM UTC",
    "Dec 4, 2026, 12:00 AM UTC",
    "Dec 3, 2026, 11:59 PM UTC",
  ]);
  assert.deepEqual(dates.map((d) => format.stamp(d, { seconds: true })), [
    "Dec 3, 2026, 11:59:00 PM UTC",
    "Dec 3, 2026, 11:59:59 PM UTC",
    "Dec 4, 2026, 12:00:00 AM UTC",
    "Dec 4, 2026, 12:00:01 AM UTC",
    "Dec 3, 2026, 11:59:30 PM UTC",
  ]);
  assert.deepEqual(dates.map((d) => format.styled(d, "D")), [
    "December 3, 2026",
    "December 3, 2026",
    "December 4, 2026",
    "December 4, 2026",
    "December 3, 2026",
  ]);
  assert.equal(format.styled(at("1969-12-31T23:59:59.000Z"), "d"), "12/31/69");
  assert.equal(format.styled(at("1970-01-01T00:00:00.000Z"), "d"), "1/1/70");
});
