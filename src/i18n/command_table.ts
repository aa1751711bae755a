/**
 * The type of a language's slash-command table: by command path (`ticket.new`,
 * `ticket.new.topic`; a choice as `ticket.assistant.state:on`) its name and
 * description. English lives in the definitions themselves.
 */

/** A command, subcommand or option: [name, description]; a choice: [name]. */
export type CommandTable = Readonly<Record<string, readonly [string, string] | readonly [string]>>;
