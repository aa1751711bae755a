/**
 * The plain input a handler sees: the subset of Discord's interaction JSON that the
 * handlers use, already parsed (ids branded, permission bitfields as bigint).
 * Both shells (gateway and HTTP interactions) build it with the same parser.
 */
import type { ApplicationId, ChannelId, GuildId, RoleId, UserId } from "./ids.ts";

/** A user as Discord describes them in an interaction. */
export interface UserRef {
  id: UserId;
  username: string;
  globalName: string | null;
  avatar: string | null;
  bot: boolean;
}

/** The member who triggered the interaction, as seen in that guild and channel. */
export interface MemberRef {
  user: UserRef;
  nick: string | null;
  roles: RoleId[];
  /** The member's permissions in the interaction's channel, overwrites included. */
  permissions: bigint;
}

/** Discord channel types the bot tells apart (`thread`: public or private; every other type is `other`). */
export type ChannelKind = "text" | "category" | "thread" | "other";

/** A channel from an interaction's resolved data. */
export interface ResolvedChannel {
  id: ChannelId;
  name: string;
  kind: ChannelKind;
  parentId: ChannelId | null;
}

/** A role from an interaction's resolved data. */
export interface ResolvedRole {
  id: RoleId;
  name: string;
  managed: boolean;
}

/** Values of a slash command's options, flattened below the subcommand. */
export type OptionValue =
  | { type: "string"; value: string }
  | { type: "integer"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "user"; value: UserId; user: UserRef | null; member: boolean }
  | { type: "channel"; value: ChannelId; channel: ResolvedChannel | null }
  | { type: "role"; value: RoleId; role: ResolvedRole | null };

interface InteractionBase {
  /** Interaction id and token: the token is a secret and is never logged. */
  id: string;
  token: string;
  applicationId: ApplicationId;
  guildId: GuildId;
  channelId: ChannelId;
  member: MemberRef;
  /** The bot's permissions in the interaction's channel (`app_permissions`). */
  appPermissions: bigint;
  /** Largest file the bot may upload here (`attachment_size_limit`), when Discord says. */
  attachmentSizeLimit?: number;
  /** The reader's Discord locale (`en-US`, `de`…): ephemeral answers follow it. */
  locale: string;
  /** The guild's Discord locale, when Discord sends it: the default language of public messages. */
  guildLocale?: string;
}

/** A slash command: `/ticket add user:@x` is name "ticket", subcommand "add". */
export interface CommandInput extends InteractionBase {
  kind: "command";
  name: string;
  group: string | null;
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue>>;
}

/** A button press (or select) on a message the bot posted. */
export interface ComponentInput extends InteractionBase {
  kind: "component";
  customId: string;
  messageId: string;
  values: string[];
}

/** A submitted modal: text inputs by their `custom_id`. */
export interface ModalInput extends InteractionBase {
  kind: "modal";
  customId: string;
  fields: Readonly<Record<string, string>>;
}

/**
 * A member typing into an option declared with `autocomplete`: the command path,
 * the options filled so far, and the focused option's text. Answered with
 * choices, never with a message, so it is kept apart from `InteractionInput`.
 */
export interface AutocompleteInput extends InteractionBase {
  kind: "autocomplete";
  name: string;
  group: string | null;
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue>>;
  focused: { name: string; value: string };
}

/** Every interaction a handler can receive (DMs and pings never reach handlers). */
export type InteractionInput = CommandInput | ComponentInput | ModalInput;

/** A member's message in a guild channel, from the gateway's `MESSAGE_CREATE`. */
export interface MessageInput {
  id: string;
  guildId: GuildId;
  channelId: ChannelId;
  author: UserRef;
  content: string;
  /** True for messages Discord marks as webhook or system messages. */
  system: boolean;
}
