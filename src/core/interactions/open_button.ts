/** The panel's "create ticket" button and the form it may show first. */
import type { HandlerContext } from "../context.ts";
import type { ComponentInput, ModalInput } from "../interaction.ts";
import { readerText } from "../language.ts";
import { refuse } from "../refusal.ts";
import type { Reply } from "../reply.ts";
import type { TicketType, TicketTypeId } from "../model.ts";
import { openTicket } from "../tickets/open_ticket.ts";
import { formAnswers } from "../tickets/open_form.ts";
import { openOrAsk } from "../tickets/open_or_ask.ts";
import { defineButton, defineModal } from "./define_component.ts";

/** The panel's "create ticket" button. */
export const openButton = defineButton({
  action: "open",
  handler: (input, ctx, id) => handlePanelButton(input, ctx, id.typeId),
});

/** The form a type with questions shows before opening (from the panel or `/ticket new`). */
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
    return refuse("unknown_component", readerText(input).t("open.panel_gone"));
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
  return await openOrAsk(input, ctx, { type, topic: null });
}

/** Handles the submitted form: the first answer becomes the topic. */
export async function handleOpenForm(
  input: ModalInput,
  ctx: HandlerContext,
  typeId: TicketTypeId,
): Promise<Reply> {
  const type = await typeOf(input, ctx, typeId);
  if ("kind" in type) return type;
  const answers = formAnswers(type, input);
  if ("kind" in answers) return answers;
  const topic = answers.find((a) => a.answer !== "")?.answer ?? null;
  return await openTicket(input, ctx, { type, topic, answers });
}
