/**
 * Slash commands declared beside their handlers: a definition in Discord's JSON
 * shape for a bulk overwrite (`PUT /applications/{id}/commands`) and a handler
 * whose options are typed from that definition, so reading an option the
 * definition does not declare is a type error. Visibility
 * (`default_member_permissions`) only hides commands: every handler checks access
 * itself.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, OptionValue } from "../interaction.ts";
import type { Reply } from "../reply.ts";

/** Discord's application command option types. */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Attachment: 11,
} as const;

/** Discord channel types used in `channel_types`. */
export const ChannelType = { GuildText: 0, GuildCategory: 4 } as const;

/** "32" is Manage Server. */
export const MANAGE_GUILD = "32";

/** Texts by Discord locale (`de`, `pt-BR`...), beside the English default. */
export type Localizations = Readonly<Record<string, string>>;

/** One option (or subcommand) of a slash command. */
export interface CommandOption {
  readonly type: (typeof OptionType)[keyof typeof OptionType];
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly choices?: readonly {
    readonly name: string;
    readonly value: string | number;
    readonly name_localizations?: Localizations;
  }[];
  readonly options?: readonly CommandOption[];
  readonly name_localizations?: Localizations;
  readonly description_localizations?: Localizations;
  readonly channel_types?: readonly number[];
  readonly min_value?: number;
  readonly max_value?: number;
  readonly min_length?: number;
  readonly max_length?: number;
  /** Discord asks the bot for choices while the member types (string options only). */
  readonly autocomplete?: boolean;
}

/** A chat-input command as sent to Discord. */
export interface CommandDefinition {
  type: 1;
  name: string;
  description: string;
  options: readonly CommandOption[];
  /** Permission bits as a decimal string; `null` shows the command to everyone. */
  default_member_permissions: string | null;
  /** 0 = guild install only. */
  integration_types: readonly [0];
  /** 0 = usable in guilds only. */
  contexts: readonly [0];
  name_localizations?: Localizations;
  description_localizations?: Localizations;
}

/** What a handler reads for each option type (strings come trimmed). */
interface ValueByType {
  3: string;
  4: number;
  5: boolean;
  6: Extract<OptionValue, { type: "user" }>;
  7: Extract<OptionValue, { type: "channel" }>;
  8: Extract<OptionValue, { type: "role" }>;
  11: Extract<OptionValue, { type: "attachment" }>;
}

/** The value options beneath `O`, through subcommands and groups. */
type LeafOption<O> = O extends { readonly type: 1 | 2; readonly options?: infer C }
  ? C extends readonly unknown[] ? LeafOption<C[number]> : never
  : O;

/**
 * The options a handler reads, by name: each is null when absent (a member's
 * client may still hold an older definition).
 */
export type OptionValues<Options extends readonly CommandOption[]> = {
  readonly [
    O in LeafOption<Options[number]> as O extends { readonly name: infer N extends string } ? N
      : never
  ]: O extends { readonly type: infer T extends keyof ValueByType } ? ValueByType[T] | null : never;
};

/** A handler of a command whose options are `Options`. */
export type CommandHandler<Options extends readonly CommandOption[]> = (
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<Options>,
) => Promise<Reply>;

/** How the dispatcher reaches a handler: `key` is `name`, `name sub` or `name group`. */
export interface CommandRoute {
  key: string;
  run(input: CommandInput, ctx: HandlerContext): Promise<Reply>;
}

/** A top-level command: what Discord registers, and the routes it answers. */
export interface SlashCommand {
  definition: CommandDefinition;
  routes: readonly CommandRoute[];
}

/** A subcommand (or subcommand group) of a command, with its routes below the command. */
export interface Subcommand {
  option: CommandOption;
  routes: readonly CommandRoute[];
}

const VALUE_KIND = {
  3: "string",
  4: "integer",
  5: "boolean",
  6: "user",
  7: "channel",
  8: "role",
  11: "attachment",
} as const;

function leafOptions(options: readonly CommandOption[]): CommandOption[] {
  return options.flatMap((o) =>
    o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup
      ? leafOptions(o.options ?? [])
      : [o]
  );
}

/** Reads the options `definitions` declares from `input` (absent or of another type: null). */
export function readOptions<const Options extends readonly CommandOption[]>(
  definitions: Options,
  input: CommandInput,
): OptionValues<Options> {
  const values: Record<string, unknown> = {};
  for (const definition of leafOptions(definitions)) {
    const kind = VALUE_KIND[definition.type as keyof typeof VALUE_KIND];
    const value = input.options[definition.name];
    values[definition.name] = value === undefined || value.type !== kind
      ? null
      : value.type === "string"
      ? value.value.trim()
      : value.type === "integer" || value.type === "boolean"
      ? value.value
      : value;
  }
  return values as OptionValues<Options>;
}

/** What every top-level command shares: a chat-input command for guild installs, in guilds. */
function guildCommand(
  spec: { name: string; description: string; default_member_permissions: string | null },
  options: readonly CommandOption[],
): CommandDefinition {
  return {
    type: 1,
    name: spec.name,
    description: spec.description,
    options,
    default_member_permissions: spec.default_member_permissions,
    integration_types: [0],
    contexts: [0],
  };
}

/** The one route of a handler that reads `options` below `key`. */
function routeTo<const Options extends readonly CommandOption[]>(
  key: string,
  spec: { options: Options; handler: CommandHandler<Options> },
): CommandRoute[] {
  return [{
    key,
    run: (input, ctx) => spec.handler(input, ctx, readOptions(spec.options, input)),
  }];
}

/** A command with options and one handler, e.g. `/setup`. */
export function defineCommand<const Options extends readonly CommandOption[]>(spec: {
  name: string;
  description: string;
  default_member_permissions: string | null;
  options: Options;
  handler: CommandHandler<Options>;
}): SlashCommand {
  return { definition: guildCommand(spec, spec.options), routes: routeTo(spec.name, spec) };
}

/** A command made of subcommands (and groups), each with its own handler, e.g. `/ticket`. */
export function defineCommandGroup(spec: {
  name: string;
  description: string;
  default_member_permissions: string | null;
  subcommands: readonly Subcommand[];
}): SlashCommand {
  return {
    definition: guildCommand(spec, spec.subcommands.map((s) => s.option)),
    routes: spec.subcommands.flatMap((s) =>
      s.routes.map((r) => ({ key: `${spec.name} ${r.key}`, run: r.run }))
    ),
  };
}

/** One subcommand and its handler, e.g. `/ticket add`. */
export function defineSubcommand<const Options extends readonly CommandOption[]>(spec: {
  name: string;
  description: string;
  options: Options;
  handler: CommandHandler<Options>;
}): Subcommand {
  const { name, description, options } = spec;
  return {
    option: { type: OptionType.Subcommand, name, description, options },
    routes: routeTo(name, spec),
  };
}

/**
 * A subcommand group answered by one handler that reads `input.subcommand`, e.g.
 * `/config set ...`; its options are every option of its subcommands.
 */
export function defineSubcommandGroup<const Options extends readonly CommandOption[]>(spec: {
  name: string;
  description: string;
  subcommands: Options;
  handler: CommandHandler<Options>;
}): Subcommand {
  const { name, description, subcommands } = spec;
  return {
    option: { type: OptionType.SubcommandGroup, name, description, options: subcommands },
    routes: routeTo(name, { options: subcommands, handler: spec.handler }),
  };
}
