/** The ticket type an open asks for: the one a `type:` option names, else the guild's default. */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput } from "../interaction.ts";
import type { TicketType } from "../model.ts";
import { readerText } from "../language.ts";
import { type Refusal, refuse } from "../refusal.ts";
import { chosenType } from "../types/chosen_type.ts";

/** The type `value` names (null or empty: the default type), or the refusal of an unknown one. */
export async function requestedType(
  input: InteractionInput,
  ctx: HandlerContext,
  value: string | null,
): Promise<TicketType | Refusal> {
  if (value === null || value.trim() === "") return await ctx.types.defaultFor(input.guildId);
  const type = await chosenType(ctx.types, { guildId: input.guildId, value });
  return type ?? refuse("unknown_type", readerText(input).t("types.unknown"));
}
