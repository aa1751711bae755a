/**
 * The rules of `type_schema.ts`, loaded the first time a type is checked: they
 * are written with zod, which is large, and a bot that nobody configures never
 * needs them.
 */
import type { TicketTypePatch, TicketTypeSettings } from "../model.ts";

/** Each rule the settings of a new type break, as `path: message`. */
export async function typeSettingsProblems(settings: TicketTypeSettings): Promise<string[]> {
  const { schemaProblems, typeSettingsSchema } = await import("./type_schema.ts");
  return schemaProblems(typeSettingsSchema, settings);
}

/** Each rule a change to a type breaks, as `path: message`. */
export async function typePatchProblems(patch: TicketTypePatch): Promise<string[]> {
  const { schemaProblems, typePatchSchema } = await import("./type_schema.ts");
  return schemaProblems(typePatchSchema, patch);
}
