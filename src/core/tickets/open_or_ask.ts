/**
 * A member's own open from the panel or `/ticket new`: a type with questions and
 * nothing said yet shows its form first (the first answer, never after a defer),
 * once the type's rules and the member's limit allow it; otherwise it opens at once.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, ComponentInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import type { TicketAnswer, TicketType } from "../model.ts";
import { openTicket, precheckOpen } from "./open_ticket.ts";
import { openForm } from "./open_form.ts";

/** Shows `type`'s form when it asks questions and `topic` is empty, else opens with `topic`. */
export async function openOrAsk(
  input: CommandInput | ComponentInput,
  ctx: HandlerContext,
  spec: { type: TicketType; topic: string | null },
): Promise<Reply> {
  const { type } = spec;
  const topic = spec.topic === "" ? null : spec.topic;
  if (type.questions.length > 0 && topic === null) {
    const refusal = await precheckOpen(input, ctx, type);
    if (refusal !== null) return refusal;
    return { kind: "modal", modal: openForm(type, input) };
  }
  return await openTicket(input, ctx, { type, topic, answers: topicAnswers(type, topic) });
}

/** A topic given with a command answers the type's first question when that one asks for text. */
export function topicAnswers(type: TicketType, topic: string | null): TicketAnswer[] {
  const question = type.questions[0];
  return question !== undefined && question.style !== "choice" && topic !== null
    ? [{ question: question.label, answer: topic }]
    : [];
}
