/**
 * Adds Discord's `name_localizations` and `description_localizations` to a
 * command definition from each language's command table, keyed by the path of
 * each command, option and choice (`ticket.new`, `ticket.new.topic`,
 * `ticket.assistant.state:on`). A path a table lacks gets no entry for that
 * language; a test lists every such gap.
 */
import type { CommandTable } from "../../i18n/command_table.ts";
import type { CommandDefinition, CommandOption, Localizations } from "./define_command.ts";
import { type ContextMenuDefinition, contextMenuKey } from "./define_context_menu.ts";

type Texts = { name_localizations?: Localizations; description_localizations?: Localizations };

function textsFor(
  tables: Readonly<Record<string, CommandTable>>,
  path: string,
  withDescription: boolean,
): Texts {
  const names: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const [locale, table] of Object.entries(tables)) {
    const entry = table[path];
    if (entry === undefined) continue;
    names[locale] = entry[0];
    if (withDescription && entry[1] !== undefined) descriptions[locale] = entry[1];
  }
  return {
    ...(Object.keys(names).length > 0 ? { name_localizations: names } : {}),
    ...(Object.keys(descriptions).length > 0 ? { description_localizations: descriptions } : {}),
  };
}

function localizeOption(
  tables: Readonly<Record<string, CommandTable>>,
  parent: string,
  option: CommandOption,
): CommandOption {
  const path = `${parent}.${option.name}`;
  return {
    ...option,
    ...textsFor(tables, path, true),
    ...(option.choices
      ? {
        choices: option.choices.map((c) => ({
          ...c,
          ...textsFor(tables, `${path}:${c.value}`, false),
        })),
      }
      : {}),
    ...(option.options
      ? { options: option.options.map((o) => localizeOption(tables, path, o)) }
      : {}),
  };
}

/** `definition` with the localizations `tables` (by Discord locale) hold for it. */
export function localizeCommand(
  definition: CommandDefinition,
  tables: Readonly<Record<string, CommandTable>>,
): CommandDefinition {
  return {
    ...definition,
    ...textsFor(tables, definition.name, true),
    options: definition.options.map((o) => localizeOption(tables, definition.name, o)),
  };
}

/** A context menu with the names `tables` hold for it (by `menu:<English name>`). */
export function localizeContextMenu(
  definition: ContextMenuDefinition,
  tables: Readonly<Record<string, CommandTable>>,
): ContextMenuDefinition {
  return { ...definition, ...textsFor(tables, contextMenuKey(definition), false) };
}
