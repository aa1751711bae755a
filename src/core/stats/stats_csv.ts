/**
 * The statistics as CSV (RFC 4180: comma separated, CRLF line ends, a field
 * quoted when it holds a comma, quote or line break, quotes doubled): one row
 * per ticket of the period, times in ISO 8601 (UTC), durations in seconds.
 */
import { TICKET_PRIORITIES, type TicketType, type TicketTypeId } from "../model.ts";
import type { StatsFigures } from "./stats_figures.ts";

/** The header row: column names are fixed, for spreadsheets and scripts. */
export const CSV_COLUMNS = [
  "number",
  "type",
  "opener_id",
  "claimer_id",
  "opened_at",
  "first_response_at",
  "closed_at",
  "resolution_seconds",
  "rating",
  "priority",
] as const;

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const iso = (at: Date | null) => at === null ? "" : at.toISOString();

/** The figures' tickets as CSV text. */
export function statsCsv(figures: StatsFigures, types: readonly TicketType[]): string {
  // Only the type's name can hold a comma, quote or line break: ids, times and numbers cannot.
  const names = new Map<TicketTypeId, string>(types.map((t) => [t.id, csvField(t.name)]));
  const rows = figures.tickets.map((t) => [
    String(t.number),
    names.get(t.typeId) ?? "",
    t.openerId,
    t.claimedBy ?? "",
    iso(t.createdAt),
    iso(t.firstStaffResponseAt),
    iso(t.status === "closed" ? t.closedAt : null),
    t.resolutionMs === null ? "" : String(Math.round(t.resolutionMs / 1000)),
    t.rating === null ? "" : String(t.rating),
    t.priority,
  ]);
  return [CSV_COLUMNS.join(","), ...rows.map((row) => row.join(","))].join("\r\n") + "\r\n";
}

/**
 * The longest a row can be, in bytes: a ticket number of up to 10 digits, the
 * longest of `types`' names, two ids of up to 20 digits, three times, up to 10
 * digits of seconds, a rating, the longest priority, the commas and the CRLF.
 */
function longestRowBytes(types: readonly TicketType[]): number {
  const encoder = new TextEncoder();
  const name = Math.max(0, ...types.map((t) => encoder.encode(csvField(t.name)).byteLength));
  const priority = Math.max(...TICKET_PRIORITIES.map((p) => p.length));
  const iso = "2026-01-01T00:00:00.000Z".length;
  return 10 + name + 2 * 20 + 3 * iso + 10 + 1 + priority + (CSV_COLUMNS.length - 1) + 2;
}

/** How many tickets a CSV of at most `bytes` surely holds, whatever their values. */
export function csvTicketsWithin(bytes: number, types: readonly TicketType[]): number {
  const header = CSV_COLUMNS.join(",").length + 2;
  return Math.max(0, Math.floor((bytes - header) / longestRowBytes(types)));
}

/** The file's name for a guild's statistics. */
export function statsFileName(guildId: string, days: number): string {
  return `ticketeer-stats-${guildId}-${days}d.csv`;
}
