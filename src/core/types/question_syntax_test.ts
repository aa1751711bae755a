import assert from "node:assert/strict";
import { formatQuestions, parseQuestions } from "./question_syntax.ts";

Deno.test("parseQuestions() reads short, paragraph, choice and optional fields", () => {
  const text =
    "Order number; What happened? (paragraph) [optional]; Device (choice: Phone, Laptop)";
  const questions = parseQuestions(text);
  assert.deepEqual(questions, [
    { label: "Order number", style: "short", required: true, options: [] },
    { label: "What happened?", style: "paragraph", required: false, options: [] },
    { label: "Device", style: "choice", required: true, options: ["Phone", "Laptop"] },
  ]);
  assert.equal(formatQuestions(questions), text);
  assert.deepEqual(parseQuestions("none"), []);
  assert.equal(formatQuestions([]), "none");
});
