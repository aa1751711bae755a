/** `/ticket new [topic]`: opens a ticket of the guild's default type. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { openForm, openTicket, precheckLimit } from "../tickets/open_ticket.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";

/** Longest topic. */
export const MAX_TOPIC_LENGTH = 500;

const OPTIONS = [{
  type: OptionType.String,
  name: "topic",
  description: "What you need help with",
  required: false,
  max_length: MAX_TOPIC_LENGTH,
}] as const;

/** `/ticket new [topic]`. */
export const ticketNew = defineSubcommand({
  name: "new",
  description: "Open a ticket",
  options: OPTIONS,
  handler: handleTicketNew,
});

/** Handles `/ticket new`: the form when the type asks questions and no topic is given. */
export async function handleTicketNew(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const type = await ctx.types.defaultFor(input.guildId);
  const topic = options.topic;
  if (type.questions.length > 0 && (topic === null || topic === "")) {
    const refusal = await precheckLimit(input, ctx, type);
    if (refusal !== null) return refusal;
    return { kind: "modal", modal: openForm(type) };
  }
  const question = type.questions[0];
  const answers = question !== undefined && topic
    ? [{ question: question.label, answer: topic }]
    : [];
  return await openTicket(input, ctx, { type, topic: topic || null, answers });
}
