import assert from "node:assert/strict";
import { userId } from "../ids.ts";
import {
  defaultTypeSettings,
  type TicketId,
  type TicketType,
  type TicketTypeId,
} from "../model.ts";
import { type MeasuredTicket, type StatsFigures, statsFigures } from "./stats_figures.ts";
import { csvField, csvTicketsWithin, statsCsv } from "./stats_csv.ts";
import type { StatsTicket } from "./stats_query.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 0);
const at = (hours: number) => new Date(T0 + hours * HOUR);
const staff = userId("200");

function type(id: number, supportHours: TicketType["supportHours"] = null): TicketType {
  return {
    ...defaultTypeSettings(id === 1 ? "General" : 'Billing, "EU"'),
    id: id as TicketTypeId,
    guildId: "1" as TicketType["guildId"],
    isDefault: id === 1,
    supportHours,
  } as TicketType;
}

function ticket(number: number, patch: Partial<StatsTicket>): StatsTicket {
  return {
    id: number as TicketId,
    number,
    typeId: 1 as TicketTypeId,
    openerId: userId(String(100 + number)),
    claimedBy: null,
    creditedStaffId: null,
    priority: "normal",
    status: "open",
    createdAt: at(0),
    firstStaffResponseAt: null,
    closedAt: null,
    reopenCount: 0,
    rating: null,
    ...patch,
  };
}

const TICKETS = [
  ticket(1, {
    firstStaffResponseAt: at(1),
    closedAt: at(4),
    status: "closed",
    claimedBy: staff,
    rating: 5,
  }),
  ticket(2, {
    createdAt: at(1),
    firstStaffResponseAt: at(3),
    closedAt: at(9),
    status: "closed",
    creditedStaffId: staff,
    rating: 3,
  }),
  ticket(3, { createdAt: at(2), firstStaffResponseAt: at(8) }),
];

Deno.test("statsFigures() gives counts, nearest-rank medians and p90, ratings and staff load", () => {
  const figures = statsFigures({
    from: at(-1),
    to: at(24),
    tickets: TICKETS,
    types: [type(1)],
    openNow: { count: 1, oldestWaiting: null },
    reopens: 0,
    messages: [{ authorId: staff, count: 4 }, { authorId: userId("999"), count: 2 }],
    notStaff: ["999"],
  });
  assert.equal(figures.opened, 3);
  assert.equal(figures.closed, 2);
  assert.deepEqual(figures.firstResponse, { count: 3, medianMs: 2 * HOUR, p90Ms: 6 * HOUR });
  assert.deepEqual(figures.resolution, { count: 2, medianMs: 4 * HOUR, p90Ms: 8 * HOUR });
  assert.deepEqual(figures.ratings, { count: 2, mean: 4, distribution: [0, 0, 1, 0, 1] });
  assert.equal(figures.supportHours, false);
  assert.deepEqual(figures.staff, [
    { staffId: staff, handled: 2, messages: 4, medianFirstResponseMs: HOUR },
  ]);
});

Deno.test("statsFigures() counts a type's times within its support hours and says so", () => {
  const figures = statsFigures({
    from: at(-1),
    to: at(24),
    tickets: [TICKETS[0]!],
    // 2026-01-05 is a Monday; hours 02:00-03:00 UTC.
    types: [type(1, { schedule: "Mon-Fri 02:00-03:00 UTC", policy: "warn" })],
    openNow: { count: 0, oldestWaiting: null },
    reopens: 0,
    messages: [],
  });
  assert.equal(figures.supportHours, true);
  assert.equal(figures.firstResponse.medianMs, 0);
  assert.equal(figures.resolution.medianMs, HOUR);
});

Deno.test("statsCsv() writes one RFC 4180 row per ticket with ISO times", () => {
  const figures = statsFigures({
    from: at(-1),
    to: at(24),
    tickets: [TICKETS[1]!],
    types: [],
    openNow: { count: 0, oldestWaiting: null },
    reopens: 0,
    messages: [],
  });
  const csv = statsCsv(figures, [type(1), { ...type(2), id: 1 as TicketTypeId }]);
  assert.equal(
    csv,
    "number,type,opener_id,claimer_id,opened_at,first_response_at,closed_at,resolution_seconds,rating,priority\r\n" +
      '2,"Billing, ""EU""",102,,2026-01-05T01:00:00.000Z,2026-01-05T03:00:00.000Z,2026-01-05T09:00:00.000Z,28800,3,normal\r\n',
  );
  assert.equal(csvField("a\nb"), '"a\nb"');
});

Deno.test("csvTicketsWithin() counts the rows a file surely holds: the longest row just fits", () => {
  const types = [type(1), type(2)];
  const longest: MeasuredTicket = {
    ...ticket(1_234_567_890, {
      typeId: 2 as TicketTypeId,
      openerId: userId("12345678901234567890"),
      claimedBy: userId("12345678901234567891"),
      priority: "urgent",
      status: "closed",
      createdAt: new Date(0),
      firstStaffResponseAt: new Date(1000),
      closedAt: new Date(9_999_999_999_000),
      rating: 5,
    }),
    handler: null,
    opened: true,
    firstResponseMs: 1000,
    resolutionMs: 9_999_999_999_000,
    inSupportHours: false,
  };
  const bytes = statsCsv({ tickets: [longest] } as unknown as StatsFigures, types).length;
  assert.equal(csvTicketsWithin(bytes, types), 1);
  assert.equal(csvTicketsWithin(bytes - 1, types), 0);
  assert.equal(csvTicketsWithin(10 * 1024 * 1024, [type(1)]), 66_787);
});
