import assert from "node:assert/strict";
import { memberRef, modalInput, userRef } from "../../../tests/fixtures/inputs.ts";
import type { TicketType } from "../model.ts";
import type { Refusal } from "../refusal.ts";
import { parseQuestions } from "../types/question_syntax.ts";
import { formAnswers, MAX_ANSWER_LENGTH, openForm } from "./open_form.ts";
import { loadLanguages } from "../../i18n/catalogs.ts";
import { LOCALES } from "../../i18n/locale.ts";

// The bot loads a language where it comes in (the dispatcher, the settings store); these call the renderers directly.
await loadLanguages(LOCALES);

const ALICE = memberRef(userRef("300000000000000001", "alice"));

const BILLING = {
  id: 3,
  questions: parseQuestions(
    "Plan (choice: Free, Pro); Order number [optional]; What happened? (paragraph)",
  ),
} as TicketType;

Deno.test("openForm() builds a select, a short and a paragraph input, each required as asked", () => {
  const form = openForm(BILLING, { locale: "de" });
  assert.equal(form.custom_id, "t1:openform:3");
  assert.equal(form.title, "Ein Ticket eröffnen");
  assert.deepEqual(form.components, [
    {
      type: 18,
      label: "Plan",
      component: {
        type: 3,
        custom_id: "q0",
        placeholder: "Wähle eine Antwort",
        options: [{ label: "Free", value: "Free" }, { label: "Pro", value: "Pro" }],
        min_values: 1,
        max_values: 1,
        required: true,
      },
    },
    {
      type: 18,
      label: "Order number",
      component: {
        type: 4,
        custom_id: "q1",
        style: 1,
        required: false,
        max_length: MAX_ANSWER_LENGTH,
      },
    },
    {
      type: 18,
      label: "What happened?",
      component: {
        type: 4,
        custom_id: "q2",
        style: 2,
        required: true,
        max_length: MAX_ANSWER_LENGTH,
      },
    },
  ]);
});

Deno.test("openForm() shows at most 5 questions", () => {
  const many = { id: 1, questions: parseQuestions("a; b; c; d; e; f") } as TicketType;
  assert.equal(openForm(many).components.length, 5);
});

Deno.test("formAnswers() reads a chosen value and text answers in the questions' order", () => {
  const answers = formAnswers(
    BILLING,
    modalInput({
      member: ALICE,
      customId: "t1:openform:3",
      fields: { q1: "", q2: "  Charged twice " },
      choices: { q0: ["Pro"] },
    }),
  );
  assert.deepEqual(answers, [
    { question: "Plan", answer: "Pro" },
    { question: "Order number", answer: "" },
    { question: "What happened?", answer: "Charged twice" },
  ]);
});

function refusal(result: unknown): Refusal {
  assert.ok(result !== null && typeof result === "object" && "kind" in result, "a refusal");
  return result as Refusal;
}

Deno.test("formAnswers() refuses a required answer left out and a choice the question lacks", () => {
  const missing = refusal(formAnswers(
    BILLING,
    modalInput({
      member: ALICE,
      customId: "t1:openform:3",
      fields: { q2: "x" },
      choices: { q0: [] },
    }),
  ));
  assert.equal(missing.code, "invalid_value");
  assert.equal(missing.text, "Please answer “Plan” and send the form again.");
  const stale = refusal(formAnswers(
    BILLING,
    modalInput({
      member: ALICE,
      customId: "t1:openform:3",
      fields: { q2: "x" },
      choices: { q0: ["Gold"] },
    }),
  ));
  assert.match(stale.text, /“Plan” has changed since the form was shown/);
  const blank = refusal(formAnswers(
    BILLING,
    modalInput({
      member: ALICE,
      customId: "t1:openform:3",
      fields: { q2: "   " },
      choices: { q0: ["Free"] },
    }),
  ));
  assert.match(blank.text, /Please answer “What happened\?”/);
});
