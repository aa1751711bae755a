/** The question `/config set question` and older stored questions make: a required short text. */
import type { TypeQuestion } from "../model.ts";

/** A required short-text question labelled `label`. */
export function shortQuestion(label: string): TypeQuestion {
  return { label, style: "short", required: true, options: [] };
}
