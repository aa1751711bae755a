/** Dates as the transcripts print them: UTC, to the minute or second, never locale-dependent. */
export function formatTime(date: Date, options: { seconds?: boolean } = {}): string {
  if (Number.isNaN(date.getTime())) return "unknown time";
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, options.seconds ? 19 : 16)} UTC`;
}
