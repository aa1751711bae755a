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

/** An uploaded file from an interaction's resolved data (its URL is signed and expires). */
export interface ResolvedAttachment {
  id: string;
  filename: string;
  /** Bytes, as Discord reports them. */
  size: number;
  url: string;
  contentType: string | null;
}

/** Values of a slash command's options, flattened below the subcommand. */
export type OptionValue =
  | { type: "string"; value: string }
  | { type: "integer"; value: number }
  | { type: "boolean"; value: boolean }
  | {
    type: "user";
    value: UserId;
    user: UserRef | null;
    member: boolean;
    /** The member's roles, when Discord resolved the user as a member of the guild. */
    memberRoles?: readonly RoleId[];
  }
  | { type: "channel"; value: ChannelId; channel: ResolvedChannel | null }
  | { type: "role"; value: RoleId; role: ResolvedRole | null }
  | { type: "attachment"; value: string; attachment: ResolvedAttachment | null };

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
  /** The reader's Discord locale (`en-US`, `de`...): ephemeral answers follow it. */
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
  /** The chosen values of string selects, by their `custom_id` (none chosen: empty). */
  choices?: Readonly<Record<string, readonly string[]>>;
}

/** A message a message command was run on, from `data.resolved.messages`. */
export interface ResolvedMessage {
  id: string;
  channelId: ChannelId;
  author: UserRef;
  /** Discord sends a message command's target with its content, intent or not. */
  content: string;
}

/** What a context-menu command was run on: a user (with their roles if a member) or a message. */
export type ContextMenuTarget =
  | { kind: "user"; user: UserRef; memberRoles: readonly RoleId[] | null }
  | { kind: "message"; message: ResolvedMessage };

/** A context-menu command (right click -> Apps): a user command or a message command. */
export interface ContextMenuInput extends InteractionBase {
  kind: "context_menu";
  /** The command's registered (English) name, e.g. "Open a ticket about this". */
  name: string;
  target: ContextMenuTarget;
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

/** Every interaction a handler can receive in a guild (pings never reach handlers). */
export type InteractionInput = CommandInput | ComponentInput | ModalInput | ContextMenuInput;

/**
 * A button or form used in a direct message with the bot (the feedback after a
 * close): there is no guild and no member, only the user.
 */
interface DirectBase {
  id: string;
  token: string;
  applicationId: ApplicationId;
  channelId: ChannelId;
  user: UserRef;
  /** The reader's Discord locale. */
  locale: string;
}

/** A button pressed on a message the bot sent by DM. */
export interface DirectComponentInput extends DirectBase {
  kind: "direct_component";
  customId: string;
  messageId: string;
  values: string[];
}

/** A modal submitted from a direct message. */
export interface DirectModalInput extends DirectBase {
  kind: "direct_modal";
  customId: string;
  fields: Readonly<Record<string, string>>;
}

/** An interaction from a direct message: only buttons and forms the bot sent there. */
export type DirectInput = DirectComponentInput | DirectModalInput;

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
