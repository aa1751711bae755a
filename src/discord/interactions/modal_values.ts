/** The values of a submitted modal: text inputs and string selects, by `custom_id`. */
import { isRecord } from "./payload_fields.ts";

/** What a submitted modal holds: text input values and string select values, by `custom_id`. */
export interface ModalValues {
  fields: Record<string, string>;
  choices: Record<string, string[]>;
}

/** Collects a submitted modal's text inputs and selects (in action rows or labels). */
function collectFields(raw: unknown, into: ModalValues, depth = 0): void {
  if (depth > 4 || raw === undefined || raw === null) return;
  if (Array.isArray(raw)) {
    for (const item of raw) collectFields(item, into, depth + 1);
    return;
  }
  if (!isRecord(raw)) return;
  if (typeof raw.custom_id === "string" && typeof raw.value === "string") {
    into.fields[raw.custom_id] = raw.value;
  }
  if (
    typeof raw.custom_id === "string" && Array.isArray(raw.values) &&
    raw.values.every((v) => typeof v === "string")
  ) {
    into.choices[raw.custom_id] = raw.values as string[];
  }
  collectFields(raw.components, into, depth + 1);
  collectFields(raw.component, into, depth + 1);
}

/** The text inputs and selects of a submitted modal's `components`. */
export function modalValues(components: unknown): ModalValues {
  const values: ModalValues = { fields: {}, choices: {} };
  collectFields(components, values);
  return values;
}
