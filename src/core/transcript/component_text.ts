/**
 * The text of a Components V2 message (flag `IS_COMPONENTS_V2`, 1 << 15): its
 * Text Display components (type 10), found at any depth inside Containers
 * (type 17) and Sections (type 9), in the order Discord shows them.
 */

/** Message flag that marks a Components V2 message. */
export const IS_COMPONENTS_V2 = 1 << 15;

const TEXT_DISPLAY = 10;
/** How deep components may nest before the rest is ignored (Discord allows two levels). */
const MAX_DEPTH = 4;

function collect(components: unknown, depth: number, out: string[]): void {
  if (!Array.isArray(components) || depth > MAX_DEPTH) return;
  for (const value of components) {
    if (typeof value !== "object" || value === null) continue;
    const component = value as Record<string, unknown>;
    if (component.type === TEXT_DISPLAY && typeof component.content === "string") {
      out.push(component.content);
    }
    collect(component.components, depth + 1, out);
  }
}

/** The markdown texts of a message's Text Display components; empty unless it is Components V2. */
export function componentText(flags: number, components: unknown): string[] {
  if ((flags & IS_COMPONENTS_V2) === 0) return [];
  const out: string[] = [];
  collect(components, 0, out);
  return out;
}
