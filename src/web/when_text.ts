/** How the web pages write a moment: UTC, to the minute. */
export function whenText(at: Date | null): string {
  if (at === null) return "—";
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
