import assert from "node:assert/strict";
import type { CommandDefinition, CommandOption } from "./define_command.ts";
import { localizedCommands, localizedContextMenus } from "./registry.ts";
import { type ContextMenuDefinition, contextMenuKey } from "./define_context_menu.ts";
import { localizeCommand } from "./localize_command.ts";
import { COMMAND_TABLES } from "../../i18n/command_tables.ts";

const COMMAND_DEFINITIONS = await localizedCommands();
const CONTEXT_MENU_DEFINITIONS = await localizedContextMenus();

/** Discord's rule for command and option names (lower case where the script has case). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = Object.keys(COMMAND_TABLES);

type Localized = Pick<CommandOption, "name_localizations" | "description_localizations">;

function checkTexts(item: Localized, path: string, choice: boolean, problems: string[]): void {
  for (const locale of LOCALES) {
    const name = item.name_localizations?.[locale];
    if (name === undefined) problems.push(`${path}: no ${locale} name`);
    else if (choice ? name.length > 100 : !NAME.test(name) || name !== name.toLowerCase()) {
      problems.push(`${path}: ${locale} name "${name}" breaks Discord's rules`);
    }
    if (choice) continue;
    const description = item.description_localizations?.[locale];
    if (description === undefined) problems.push(`${path}: no ${locale} description`);
    else if (description.length < 1 || description.length > 100) {
      problems.push(`${path}: ${locale} description of ${description.length} characters`);
    }
  }
}

function checkOption(option: CommandOption, parent: string, problems: string[], seen: string[]) {
  const path = `${parent}.${option.name}`;
  seen.push(path);
  checkTexts(option, path, false, problems);
  for (const c of option.choices ?? []) {
    seen.push(`${path}:${c.value}`);
    checkTexts(c, `${path}:${c.value}`, true, problems);
  }
  for (const child of option.options ?? []) checkOption(child, path, problems, seen);
}

/** Gaps of the localized context menus (names of 1–32 characters; spaces and capitals allowed). */
function checkMenus(menus: readonly ContextMenuDefinition[], problems: string[], seen: string[]) {
  for (const menu of menus) {
    const path = contextMenuKey(menu);
    seen.push(path);
    for (const locale of LOCALES) {
      const name = menu.name_localizations?.[locale];
      if (name === undefined) problems.push(`${path}: no ${locale} name`);
      else if (name.length < 1 || name.length > 32) {
        problems.push(`${path}: ${locale} name of ${name.length} characters`);
      }
    }
  }
}

/** Every gap or broken rule of the localized `commands`, and each table entry no command uses. */
function localizationProblems(
  commands: readonly CommandDefinition[],
  menus: readonly ContextMenuDefinition[] = CONTEXT_MENU_DEFINITIONS,
): string[] {
  const problems: string[] = [];
  const seen: string[] = [];
  checkMenus(menus, problems, seen);
  for (const command of commands) {
    seen.push(command.name);
    checkTexts(command, command.name, false, problems);
    for (const option of command.options) checkOption(option, command.name, problems, seen);
  }
  for (const [locale, table] of Object.entries(COMMAND_TABLES)) {
    for (const path of Object.keys(table)) {
      if (!seen.includes(path)) problems.push(`${locale}: ${path} is no command, option or choice`);
    }
  }
  return problems;
}

Deno.test("every registered command, option and choice is localized in each shipped language", () => {
  assert.deepEqual(localizationProblems(COMMAND_DEFINITIONS), []);
});

Deno.test("localizationProblems() finds a context menu the catalogs do not know", () => {
  const problems = localizationProblems(COMMAND_DEFINITIONS, [
    ...CONTEXT_MENU_DEFINITIONS,
    {
      type: 3,
      name: "Not translated",
      default_member_permissions: null,
      integration_types: [0],
      contexts: [0],
    },
  ]);
  assert.deepEqual(problems, LOCALES.map((l) => `menu:Not translated: no ${l} name`));
});

Deno.test("localizationProblems() finds a command the catalogs do not know", () => {
  const extra = localizeCommand({
    type: 1,
    name: "extra",
    description: "Not in any catalog",
    options: [],
    default_member_permissions: null,
    integration_types: [0],
    contexts: [0],
  }, COMMAND_TABLES);
  const problems = localizationProblems([...COMMAND_DEFINITIONS, extra]);
  assert.ok(problems.includes("extra: no de name"));
  assert.ok(problems.includes("extra: no pt-BR description"));
});

Deno.test("localizeCommand() adds names and descriptions by path, choices included", () => {
  const ticket = COMMAND_DEFINITIONS.find((c) => c.name === "ticket")!;
  const close = ticket.options.find((o) => o.name === "close")!;
  assert.equal(close.name_localizations?.de, "schließen");
  assert.equal(close.options?.[0]?.name_localizations?.fr, "raison");
  const assistant = ticket.options.find((o) => o.name === "assistant")!;
  assert.equal(assistant.options?.[0]?.choices?.[0]?.name_localizations?.["pt-BR"], "ligado");
  assert.equal(ticket.name, "ticket");
  assert.equal(close.name, "close");
});
