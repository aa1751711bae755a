/** `/ticket new [type] [topic]`: opens a ticket of the chosen type, or of the default type. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import { openOrAsk } from "../tickets/open_or_ask.ts";
import { requestedType } from "../tickets/requested_type.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";
import { TYPE_OPTION } from "./type_option.ts";

/** Longest topic. */
export const MAX_TOPIC_LENGTH = 500;

/** The optional `type` of an open, chosen by autocomplete (absent: the default type). */
export const OPEN_TYPE_OPTION = {
  ...TYPE_OPTION,
  description: "The kind of ticket (default: this server's default type)",
  required: false,
} as const;

/** The optional `topic` of an open. */
export const TOPIC_OPTION = {
  type: OptionType.String,
  name: "topic",
  description: "What you need help with",
  required: false,
  max_length: MAX_TOPIC_LENGTH,
} as const;

const OPTIONS = [OPEN_TYPE_OPTION, TOPIC_OPTION] as const;

/** `/ticket new [type] [topic]`. */
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
  const type = await requestedType(input, ctx, options.type);
  if ("kind" in type) return type;
  return await openOrAsk(input, ctx, { type, topic: options.topic });
}
