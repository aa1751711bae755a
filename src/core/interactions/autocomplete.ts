/**
 * Choices for options declared with `autocomplete`: every option named `type`
 * suggests the guild's ticket types (the value is the type's id), `panel` the
 * guild's panels, and `name` of `/tag` the guild's saved answers (only to staff), filtered
 * by what the member typed so far. Discord shows at most 25.
 */
import type { AutocompleteInput } from "../interaction.ts";
import type { TicketType } from "../model.ts";
import type { PanelStore, TagStore, TypeStore } from "../ports.ts";
import { staffTypes } from "../staff_types.ts";

/** One suggestion: what the member sees, and the option's value when chosen. */
export interface Choice {
  name: string;
  value: string;
}

/** Discord's limit on choices in one answer. */
export const MAX_CHOICES = 25;

/** A type as a choice: its emoji and name, cut to Discord's 100 characters. */
export function typeChoice(type: Pick<TicketType, "id" | "name" | "emoji">): Choice {
  const name = type.emoji === null ? type.name : `${type.emoji} ${type.name}`;
  return { name: name.slice(0, 100), value: String(type.id) };
}

/** The choices for the option `input` is typing into (none for options without suggestions). */
export async function suggest(
  input: AutocompleteInput,
  ctx: {
    types: Pick<TypeStore, "list">;
    panels?: Pick<PanelStore, "list">;
    tags?: Pick<TagStore, "list">;
  },
): Promise<Choice[]> {
  const typed = input.focused.value.trim().toLowerCase();
  if (input.name === "tag" && input.focused.name === "name" && ctx.tags !== undefined) {
    const types = await ctx.types.list(input.guildId);
    if (staffTypes(input.member, types, { action: "tag" }).length === 0) return [];
    const tags = await ctx.tags.list(input.guildId);
    return tags.filter((t) => t.name.toLowerCase().includes(typed)).slice(0, MAX_CHOICES)
      .map((t) => ({ name: t.name.slice(0, 100), value: t.name.slice(0, 100) }));
  }
  if (input.focused.name === "panel" && ctx.panels !== undefined) {
    const panels = await ctx.panels.list(input.guildId);
    return panels.map((p) => ({ name: `${p.title} (${p.id})`.slice(0, 100), value: String(p.id) }))
      .filter((c) => c.name.toLowerCase().includes(typed)).slice(0, MAX_CHOICES);
  }
  if (input.focused.name !== "type") return [];
  const types = await ctx.types.list(input.guildId);
  return types.filter((t) => t.name.toLowerCase().includes(typed)).slice(0, MAX_CHOICES)
    .map(typeChoice);
}
