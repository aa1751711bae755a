/** The ticket type a `type:` option names: the id autocomplete gave, or a name typed out. */
import type { GuildId } from "../ids.ts";
import type { TicketType, TicketTypeId } from "../model.ts";
import type { TypeStore } from "../ports.ts";

/** The guild's type `value` names, or null when it names none of them. */
export async function chosenType(
  types: Pick<TypeStore, "get" | "byName">,
  choice: { guildId: GuildId; value: string },
): Promise<TicketType | null> {
  const value = choice.value.trim();
  if (/^[1-9][0-9]{0,15}$/.test(value)) {
    const type = await types.get(Number(value) as TicketTypeId);
    if (type !== null && type.guildId === choice.guildId) return type;
  }
  return await types.byName(choice.guildId, value);
}
