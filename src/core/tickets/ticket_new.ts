/** `/ticket new [topic]`: opens a ticket of the guild's default type. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { stringOption } from "../command_options.ts";
import { openForm, openTicket, precheckLimit } from "./open_ticket.ts";

/** Handles `/ticket new`: the form when the type asks questions and no topic is given. */
export async function handleTicketNew(input: CommandInput, ctx: HandlerContext): Promise<Reply> {
  const type = await ctx.types.defaultFor(input.guildId);
  const topic = stringOption(input, "topic");
  if (type.questions.length > 0 && (topic === null || topic === "")) {
    const refusal = await precheckLimit(input, ctx, type);
    if (refusal !== null) return refusal;
    return { kind: "modal", modal: openForm(type) };
  }
  const question = type.questions[0];
  const answers = question !== undefined && topic ? [{ question, answer: topic }] : [];
  return await openTicket(input, ctx, { type, topic: topic || null, answers });
}
