/** The closing benchmarks of `deno task bench`, run and printed as a table. */
import { CLOSE_TARGETS, type CloseResult, measureClose } from "./close_bench.ts";

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** The close results as table lines, each with its target. */
export function formatCloseBench(results: CloseResult[]): string[] {
  const rows: string[][] = [["measure", "value", "target", "detail"]];
  for (const r of results) {
    const detail = `${r.historyRequests} history requests, peak RSS ${mb(r.peakRssBytes)} MB ` +
      `(${mb(r.rssBeforeBytes)} MB before)`;
    const where = r.file ? ", SQLite file" : "";
    if (r.scenario === "archived") {
      rows.push([
        `close ${r.messages} archived${where}`,
        `${r.wallMs.toFixed(0)} ms`,
        `≤ ${CLOSE_TARGETS.archivedMs} ms`,
        detail,
      ]);
    } else if (r.scenario === "gap") {
      rows.push([
        `close ${r.messages}, gap of ${r.messages / 10}${where}`,
        `${r.wallMs.toFixed(0)} ms`,
        `≤ ${CLOSE_TARGETS.gapMs} ms`,
        detail,
      ]);
    } else {
      rows.push([
        `transcript of ${r.messages}`,
        `${mb(r.htmlBytes)} MB`,
        `≤ ${CLOSE_TARGETS.transcriptMb} MB`,
        `text ${mb(r.textBytes)} MB`,
      ]);
    }
  }
  const peak = Math.max(...results.map((r) => r.peakRssBytes));
  rows.push([
    "peak RSS while closing",
    `${mb(peak)} MB`,
    `≤ ${CLOSE_TARGETS.peakRssMb} MB`,
    "largest of the runs",
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd());
}

/**
 * Runs the close scenarios (`scale` messages; 10,000 and 5,000 by default): the
 * archived and gap closes on SQLite in memory and again on a SQLite file another
 * process filled, then the transcript size.
 */
export async function runCloseBench(
  progress: (line: string) => void = () => {},
  scale = { close: 10_000, transcript: 5_000 },
): Promise<string[]> {
  const results: CloseResult[] = [];
  const runs = [
    ["archived", scale.close, false],
    ["gap", scale.close, false],
    ["archived", scale.close, true],
    ["gap", scale.close, true],
    ["transcript", scale.transcript, false],
  ] as const;
  for (const [scenario, count, file] of runs) {
    progress(`… close: ${scenario}, ${count} messages${file ? ", SQLite file" : ""}`);
    results.push(await measureClose(scenario, count, { file }));
  }
  return formatCloseBench(results);
}
