/** A Discord integer colour as a CSS hex colour; null for 0 (no colour) or out-of-range values. */
export function cssColor(color: number | null | undefined): string | null {
  if (typeof color !== "number" || !Number.isInteger(color) || color <= 0 || color > 0xffffff) {
    return null;
  }
  return `#${color.toString(16).padStart(6, "0")}`;
}
