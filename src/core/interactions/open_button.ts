/** The panel's "create ticket" button and the form it may show first. */
import type { HandlerContext } from "../context.ts";
import type { ComponentInput, ModalInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import type { Reply } from "../reply.ts";
import type { TicketType, TicketTypeId } from "../model.ts";
import { MAX_ANSWER_LENGTH, openForm, openTicket, precheckLimit } from "../tickets/open_ticket.ts";
import { defineButton, defineModal } from "./define_component.ts";

/** The panel's "create ticket" button. */
export const openButton = defineButton({
  action: "open",
  handler: (input, ctx, id) => handlePanelButton(input, ctx, id.typeId),
});

/** The form the panel button shows when the type asks questions. */
export const openFormModal = defineModal({
  action: "openform",
  handler: (input, ctx, id) => handleOpenForm(input, ctx, id.typeId),
});

async function typeOf(
  input: ComponentInput | ModalInput,
  ctx: HandlerContext,
  typeId: TicketTypeId,
): Promise<TicketType | Reply> {
  const type = await ctx.types.get(typeId);
  if (type === null || type.guildId !== input.guildId) {
    return refuse(
      "unknown_component",
      "This panel no longer works. Please ask an admin to post a new one with `/panel`.",
    );
  }
  return type;
}

/** Handles the panel button: the form when questions are set, else opens at once. */
export async function handlePanelButton(
  input: ComponentInput,
  ctx: HandlerContext,
  typeId: TicketTypeId,
): Promise<Reply> {
  const type = await typeOf(input, ctx, typeId);
  if ("kind" in type) return type;
  if (type.questions.length > 0) {
    const refusal = await precheckLimit(input, ctx, type);
    if (refusal !== null) return refusal;
    return { kind: "modal", modal: openForm(type) };
  }
  return await openTicket(input, ctx, { type, topic: null, answers: [] });
}

/** Handles the submitted form: the first answer becomes the topic. */
export async function handleOpenForm(
  input: ModalInput,
  ctx: HandlerContext,
  typeId: TicketTypeId,
): Promise<Reply> {
  const type = await typeOf(input, ctx, typeId);
  if ("kind" in type) return type;
  const answers = type.questions.slice(0, 5).map((question, index) => ({
    question: question.label,
    answer: (input.fields[`q${index}`] ?? "").trim().slice(0, MAX_ANSWER_LENGTH),
  }));
  const topic = answers[0]?.answer || null;
  return await openTicket(input, ctx, { type, topic, answers });
}
