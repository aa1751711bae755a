/**
 * The form a ticket type with questions shows before opening (a Discord modal,
 * only ever a first answer), and the answers read back from its submission. Each
 * question is a Label around a short or paragraph text input, or around a string
 * select of the question's options; required or not as the question says.
 */
import type { ModalInput } from "../interaction.ts";
import type { Label, ModalBody } from "../message_body.ts";
import type { TicketAnswer, TicketType, TypeQuestion } from "../model.ts";
import { encodeCustomId } from "../custom_id.ts";
import { readerText } from "../language.ts";
import { type Refusal, refuse } from "../refusal.ts";

/** Longest answer to a form question. */
export const MAX_ANSWER_LENGTH = 1000;

/** Discord shows at most 5 components in a modal. */
export const MAX_FORM_QUESTIONS = 5;

/** The `custom_id` of question `index`'s input. */
function fieldId(index: number): string {
  return `q${index}`;
}

function field(question: TypeQuestion, index: number, placeholder: string): Label {
  const label = question.label.slice(0, 45);
  if (question.style === "choice") {
    return {
      type: 18,
      label,
      component: {
        type: 3,
        custom_id: fieldId(index),
        placeholder,
        options: question.options.slice(0, 25).map((option) => ({
          label: option.slice(0, 100),
          value: option.slice(0, 100),
        })),
        min_values: question.required ? 1 : 0,
        max_values: 1,
        required: question.required,
      },
    };
  }
  return {
    type: 18,
    label,
    component: {
      type: 4,
      custom_id: fieldId(index),
      style: question.style === "paragraph" ? 2 : 1,
      required: question.required,
      max_length: MAX_ANSWER_LENGTH,
    },
  };
}

/** The form of `type`, in the reader's language (`locale` of the interaction). */
export function openForm(
  type: TicketType,
  reader: { locale: string } = { locale: "en-US" },
): ModalBody {
  const tr = readerText(reader);
  return {
    custom_id: encodeCustomId({ action: "openform", typeId: type.id }),
    title: tr.t("open.form_title").slice(0, 45),
    components: type.questions.slice(0, MAX_FORM_QUESTIONS).map((question, index) =>
      field(question, index, tr.t("open.choose"))
    ),
  };
}

/**
 * The answers of a submitted form, one per question in order (an optional one left
 * empty answers ""), or the refusal when a required answer is missing or a choice is
 * not one of the question's options (the type changed while the form was open).
 */
export function formAnswers(type: TicketType, input: ModalInput): TicketAnswer[] | Refusal {
  const tr = readerText(input);
  const answers: TicketAnswer[] = [];
  for (const [index, question] of type.questions.slice(0, MAX_FORM_QUESTIONS).entries()) {
    const id = fieldId(index);
    let answer: string;
    if (question.style === "choice") {
      const chosen = input.choices?.[id] ?? [];
      answer = chosen[0] ?? "";
      if (answer !== "" && !question.options.some((o) => o.slice(0, 100) === answer)) {
        return refuse("invalid_value", tr.t("open.choice_unknown", { question: question.label }));
      }
    } else {
      answer = (input.fields[id] ?? "").trim().slice(0, MAX_ANSWER_LENGTH);
    }
    if (question.required && answer === "") {
      return refuse("invalid_value", tr.t("open.answer_missing", { question: question.label }));
    }
    answers.push({ question: question.label, answer });
  }
  return answers;
}
