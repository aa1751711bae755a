/** The types a `types:` option names: type names (or ids) separated by commas, in order. */
import type { GuildId } from "../ids.ts";
import type { TicketType } from "../model.ts";
import type { TypeStore } from "../ports.ts";
import { chosenType } from "../types/chosen_type.ts";

/** The named types, or the first name that names none. */
export async function panelTypes(
  types: Pick<TypeStore, "get" | "byName">,
  request: { guildId: GuildId; text: string },
): Promise<{ types: TicketType[] } | { unknown: string }> {
  const found: TicketType[] = [];
  for (const name of request.text.split(",").map((n) => n.trim()).filter((n) => n !== "")) {
    const type = await chosenType(types, { guildId: request.guildId, value: name });
    if (type === null) return { unknown: name };
    if (!found.some((t) => t.id === type.id)) found.push(type);
  }
  return { types: found };
}
