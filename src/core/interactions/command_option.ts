/**
 * Builders of common command options that keep their names as literal types, so
 * a handler's options are typed from them.
 */
import { ChannelType, type CommandOption, OptionType } from "./define_command.ts";

/** A channel option limited to `kind` ("text" or "category"). */
export function channelOption<const N extends string>(
  name: N,
  description: string,
  options: { kind: "text" | "category"; required: boolean },
) {
  return {
    type: OptionType.Channel,
    name,
    description,
    required: options.required,
    channel_types: [options.kind === "text" ? ChannelType.GuildText : ChannelType.GuildCategory],
  } as const;
}

/** A role option. */
export function roleOption<const N extends string>(
  name: N,
  description: string,
  options: { required: boolean },
) {
  return { type: OptionType.Role, name, description, required: options.required } as const;
}

/** A required user option. */
export function userOption<const N extends string>(name: N, description: string) {
  return { type: OptionType.User, name, description, required: true } as const;
}

/** A required on/off option. */
export function booleanOption<const N extends string>(name: N, description: string) {
  return { type: OptionType.Boolean, name, description, required: true } as const;
}

/** A subcommand inside a group answered by one handler (`/config set ...`). */
export function subcommandOption<
  const N extends string,
  const O extends readonly CommandOption[] = readonly [],
>(name: N, description: string, options?: O) {
  return {
    type: OptionType.Subcommand,
    name,
    description,
    options: options ?? ([] as unknown as O),
  } as const;
}
