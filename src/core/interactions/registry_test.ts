import assert from "node:assert/strict";
import { type CommandOption, OptionType } from "./define_command.ts";
import {
  BUTTONS,
  COMMANDS as SLASH_COMMANDS,
  localizedCommands,
  localizedContextMenus,
  MODALS,
  registeredCommands,
} from "./registry.ts";
import { commandKey } from "./dispatch.ts";

const COMMANDS = await localizedCommands();
const CONTEXT_MENU_DEFINITIONS = await localizedContextMenus();
const REGISTERED_COMMANDS = await registeredCommands();

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function checkOption(option: CommandOption, path: string, problems: string[]): void {
  const where = `${path} ${option.name}`;
  if (!NAME.test(option.name)) problems.push(`${where}: bad name`);
  if (option.description.length < 1 || option.description.length > 100) {
    problems.push(`${where}: description of ${option.description.length} characters`);
  }
  if (option.choices && option.choices.length > 25) problems.push(`${where}: too many choices`);
  for (const choice of option.choices ?? []) {
    if (choice.name.length < 1 || choice.name.length > 100) problems.push(`${where}: choice`);
  }
  if (option.min_value !== undefined && option.max_value !== undefined) {
    if (option.min_value > option.max_value) problems.push(`${where}: min above max`);
  }
  if (option.max_length !== undefined && (option.max_length < 1 || option.max_length > 6000)) {
    problems.push(`${where}: max_length out of range`);
  }
  const children = option.options ?? [];
  if (children.length > 25) problems.push(`${where}: more than 25 options`);
  const isGroup = option.type === OptionType.SubcommandGroup;
  const isSub = option.type === OptionType.Subcommand;
  for (const child of children) {
    if (isGroup && child.type !== OptionType.Subcommand) {
      problems.push(`${where}: a group may only hold subcommands`);
    }
    if (
      isSub && (child.type === OptionType.Subcommand || child.type === OptionType.SubcommandGroup)
    ) {
      problems.push(`${where}: a subcommand cannot nest subcommands`);
    }
    checkOption(child, where, problems);
  }
  // Required options must come before optional ones.
  const required = children.map((c) => c.required === true);
  if (required.indexOf(false) !== -1 && required.lastIndexOf(true) > required.indexOf(false)) {
    problems.push(`${where}: a required option follows an optional one`);
  }
  const names = children.map((c) => c.name);
  if (new Set(names).size !== names.length) problems.push(`${where}: duplicate option names`);
}

Deno.test("COMMANDS keep Discord's name, description and option limits", () => {
  const problems: string[] = [];
  for (const command of COMMANDS) {
    if (!NAME.test(command.name)) problems.push(`${command.name}: bad name`);
    if (command.description.length < 1 || command.description.length > 100) {
      problems.push(`${command.name}: description of ${command.description.length} characters`);
    }
    if (command.options.length > 25) problems.push(`${command.name}: more than 25 options`);
    for (const option of command.options) checkOption(option, `/${command.name}`, problems);
  }
  assert.deepEqual(problems, []);
  for (const command of COMMANDS) {
    assert.ok(commandSize(command) <= 8000, `/${command.name} stays within Discord's 8,000`);
  }
});

/** Characters Discord counts: names, descriptions and values, the longest localization of each. */
function commandSize(item: {
  name: string;
  description?: string;
  value?: string | number;
  name_localizations?: Readonly<Record<string, string>>;
  description_localizations?: Readonly<Record<string, string>>;
  options?: readonly unknown[];
  choices?: readonly unknown[];
}): number {
  const longest = (text: string, localized?: Readonly<Record<string, string>>) =>
    Math.max(text.length, ...Object.values(localized ?? {}).map((t) => t.length));
  const children = [...(item.options ?? []), ...(item.choices ?? [])] as (typeof item)[];
  return longest(item.name, item.name_localizations) +
    longest(item.description ?? "", item.description_localizations) +
    String(item.value ?? "").length + children.reduce((sum, c) => sum + commandSize(c), 0);
}

Deno.test("COMMANDS define setup, config, panel, ticket, type, privacy, tag and stats as guild-only commands", () => {
  assert.deepEqual(COMMANDS.map((c) => c.name), [
    "setup",
    "config",
    "panel",
    "ticket",
    "type",
    "privacy",
    "tag",
    "stats",
  ]);
  for (const command of COMMANDS) {
    assert.deepEqual(command.contexts, [0]);
    assert.equal(command.type, 1);
  }
  const byName = Object.fromEntries(COMMANDS.map((c) => [c.name, c]));
  for (const name of ["setup", "config", "panel", "type"]) {
    assert.equal(byName[name]?.default_member_permissions, "32");
  }
  assert.equal(byName.ticket?.default_member_permissions, null);
  assert.deepEqual(
    byName.ticket?.options.map((o) => o.name),
    [
      "new",
      "open-for",
      "add",
      "remove",
      "claim",
      "unclaim",
      "close",
      "assistant",
      "transfer",
      "move",
      "priority",
      "list",
      "reopen",
      "close-request",
      "notes",
    ],
  );
  // Shown to everyone: `/privacy mydata` is for anyone, `/privacy erase` checks Manage Server.
  assert.equal(byName.privacy?.default_member_permissions, null);
  assert.deepEqual(byName.privacy?.options.map((o) => o.name), ["erase", "mydata"]);
  // Shown to everyone too: every `/tag` subcommand checks that the member is staff.
  assert.equal(byName.tag?.default_member_permissions, null);
  assert.deepEqual(byName.tag?.options.map((o) => o.name), [
    "send",
    "create",
    "edit",
    "delete",
    "list",
  ]);
});

Deno.test("COMMANDS restrict channel options to categories and text channels", () => {
  const channelOptions: CommandOption[] = [];
  const walk = (options: readonly CommandOption[]) => {
    for (const option of options) {
      if (option.type === OptionType.Channel) channelOptions.push(option);
      walk(option.options ?? []);
    }
  };
  for (const command of COMMANDS) walk(command.options);
  assert.ok(channelOptions.length >= 5);
  for (const option of channelOptions) {
    assert.ok(
      option.channel_types?.length === 1 &&
        (option.channel_types[0] === 0 || option.channel_types[0] === 4),
      option.name,
    );
  }
  const set = COMMANDS.find((c) => c.name === "config")?.options.find((o) => o.name === "set");
  const maxOpen = set?.options?.find((o) => o.name === "max_open")?.options?.[0];
  assert.equal(maxOpen?.min_value, 1);
  assert.equal(maxOpen?.max_value, 100);
});

Deno.test("COMMANDS register as guild installs without the deprecated dm_permission", () => {
  for (const command of COMMANDS) {
    assert.deepEqual(command.integration_types, [0], command.name);
    assert.equal("dm_permission" in command, false, command.name);
  }
});

/** The route keys a definition implies: one per subcommand or group, else the command. */
function definedKeys(): string[] {
  return COMMANDS.flatMap((command) => {
    const subs = command.options.filter((o) =>
      o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup
    );
    return subs.length === 0
      ? [commandKey({ name: command.name, group: null, subcommand: null })]
      : subs.map((o) =>
        o.type === OptionType.SubcommandGroup
          ? commandKey({ name: command.name, group: o.name, subcommand: null })
          : commandKey({ name: command.name, group: null, subcommand: o.name })
      );
  });
}

Deno.test("every registered command has a handler and every handler a registered command", () => {
  const routed = SLASH_COMMANDS.flatMap((c) => c.routes.map((r) => r.key)).sort();
  // A bare `/panel` is what clients that still hold the old definition send.
  const legacy = ["panel"];
  assert.deepEqual(routed.filter((k) => !legacy.includes(k)), definedKeys().sort());
  assert.equal(new Set(routed).size, routed.length, "one handler per route");
});

Deno.test("no two buttons or modals claim the same custom id prefix", () => {
  for (const routes of [BUTTONS, MODALS]) {
    const prefixes = routes.map((r) => r.prefix);
    for (const [index, prefix] of prefixes.entries()) {
      const rivals = prefixes.filter((other, i) => i !== index && other.startsWith(prefix));
      assert.deepEqual(rivals, [], `${prefix} is shadowed`);
    }
  }
});

Deno.test("an option name means one option type within each command", () => {
  const problems: string[] = [];
  const walk = (options: readonly CommandOption[], seen: Map<string, number>, path: string) => {
    for (const option of options) {
      if (option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup) {
        walk(option.options ?? [], seen, `${path} ${option.name}`);
        continue;
      }
      const type = seen.get(option.name);
      if (type !== undefined && type !== option.type) problems.push(`${path} ${option.name}`);
      seen.set(option.name, option.type);
    }
  };
  for (const command of COMMANDS) walk(command.options, new Map(), `/${command.name}`);
  assert.deepEqual(problems, []);
});

Deno.test("ids on messages posted by earlier builds still find their button or modal", () => {
  const buttonIds = [
    "t1:open:1",
    "t1:close:42",
    "t1:claim:42",
    "t1:closeok:42",
    "t1:closeno:42",
    "t1:eraseok:400000000000000501:400000000000000502",
    "t1:eraseno:400000000000000501",
  ];
  for (const id of buttonIds) {
    assert.equal(BUTTONS.filter((r) => id.startsWith(r.prefix)).length, 1, id);
  }
  assert.equal(MODALS.filter((r) => "t1:openform:3".startsWith(r.prefix)).length, 1);
});

Deno.test("the context menus are a message and a user command, guild-only, with names alone", () => {
  assert.deepEqual(
    CONTEXT_MENU_DEFINITIONS.map((c) => [c.type, c.name]),
    [[3, "Open a ticket about this"], [2, "Open a ticket for this user"]],
  );
  for (const menu of CONTEXT_MENU_DEFINITIONS) {
    assert.ok(menu.name.length >= 1 && menu.name.length <= 32, menu.name);
    assert.deepEqual(menu.contexts, [0]);
    assert.deepEqual(menu.integration_types, [0]);
    assert.equal("description" in menu, false, "Discord takes no description for context menus");
    assert.equal("options" in menu, false, "Discord takes no options for context menus");
  }
  assert.equal(REGISTERED_COMMANDS.length, COMMANDS.length + CONTEXT_MENU_DEFINITIONS.length);
});
