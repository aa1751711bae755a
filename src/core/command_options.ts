/** Typed reads of a slash command's options (absent or of another type → null). */
import type { CommandInput, OptionValue } from "./interaction.ts";

type OptionOf<T extends OptionValue["type"]> = Extract<OptionValue, { type: T }>;

/** The option `name` when it has type `type`, else null. */
export function option<T extends OptionValue["type"]>(
  input: CommandInput,
  name: string,
  type: T,
): OptionOf<T> | null {
  const value = input.options[name];
  return value !== undefined && value.type === type ? (value as OptionOf<T>) : null;
}

/** A string option, trimmed; null when absent. */
export function stringOption(input: CommandInput, name: string): string | null {
  return option(input, name, "string")?.value.trim() ?? null;
}
