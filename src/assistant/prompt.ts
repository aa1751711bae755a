/** The model's system prompt: built in, given as text, or read from a file. */
import type { Hit } from "./docs_index.ts";

/** The system prompt used when `ASSISTANT_PROMPT` is unset. */
export const DEFAULT_PROMPT = [
  "You are the automated assistant of a Discord server's support tickets.",
  "You are not a staff member and never claim to be one or to have done anything for the member.",
  "Answer briefly, in at most four sentences, in the member's language.",
  "Use the documents below when they answer the question; do not make up policies, prices or dates.",
  "When you cannot answer, say so and tell the member that staff will answer in this ticket.",
].join(" ");

/** `ASSISTANT_PROMPT` resolved: the file's text when it names an existing file, else itself. */
export async function resolvePrompt(value: string | null): Promise<string> {
  if (value === null) return DEFAULT_PROMPT;
  try {
    const info = await Deno.stat(value);
    if (info.isFile) return (await Deno.readTextFile(value)).trim();
  } catch (error) {
    const denied = error instanceof Deno.errors.PermissionDenied ||
      error instanceof Deno.errors.NotCapable;
    // Text that looks like a path, but may not be read, must not become the prompt.
    if (denied && /^[\w.~\/\\-]+$/.test(value) && /[\/\\.]/.test(value)) {
      throw new Error(`Cannot read ASSISTANT_PROMPT file ${value}: permission denied`);
    }
  }
  return value;
}

/** The system message: the prompt followed by the passages found for the question. */
export function systemMessage(prompt: string, hits: readonly Hit[]): string {
  if (hits.length === 0) return `${prompt}\n\nNo document matches this question.`;
  const passages = hits.map((hit, i) =>
    `[${i + 1}] ${hit.title}${
      hit.heading === hit.title ? "" : ` \u2014 ${hit.heading}`
    }\n${hit.text}`
  );
  return `${prompt}\n\nDocuments:\n\n${passages.join("\n\n")}`;
}
