/**
 * Questions written on one line, for `/type set setting:questions`: fields
 * separated by `;`, each a label, optionally followed by `(paragraph)` or
 * `(choice: A, B, C)`, and `[optional]` for a field that may stay empty, e.g.
 * `Order number; What happened? (paragraph) [optional]; Device (choice: Phone, Laptop)`.
 * `none` clears them.
 */
import type { TypeQuestion } from "../model.ts";

const OPTIONAL = /\s*\[optional\]\s*$/i;
const STYLE = /\s*\((paragraph|choice:([^)]*))\)\s*$/i;

/** The questions the text describes (their limits are checked by the type schema). */
export function parseQuestions(text: string): TypeQuestion[] {
  if (text.trim().toLowerCase() === "none") return [];
  return text.split(";").map((part) => part.trim()).filter((part) => part !== "").map((part) => {
    let rest = part;
    const required = !OPTIONAL.test(rest);
    rest = rest.replace(OPTIONAL, "");
    const style = STYLE.exec(rest);
    rest = rest.replace(STYLE, "").trim();
    if (style === null) return { label: rest, style: "short", required, options: [] };
    if (style[2] === undefined) return { label: rest, style: "paragraph", required, options: [] };
    const options = style[2].split(",").map((o) => o.trim()).filter((o) => o !== "");
    return { label: rest, style: "choice", required, options };
  });
}

/** The one-line form of `questions`, as `parseQuestions` reads it. */
export function formatQuestions(questions: readonly TypeQuestion[]): string {
  if (questions.length === 0) return "none";
  return questions.map((q) => {
    const style = q.style === "paragraph"
      ? " (paragraph)"
      : q.style === "choice"
      ? ` (choice: ${q.options.join(", ")})`
      : "";
    return `${q.label}${style}${q.required ? "" : " [optional]"}`;
  }).join("; ");
}
