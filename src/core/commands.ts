/**
 * The slash commands, in Discord's JSON shape for a bulk overwrite
 * (`PUT /applications/{id}/commands`). Visibility (`default_member_permissions`)
 * only hides commands: every handler checks access itself.
 */

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
} as const;

/** Discord channel types used in `channel_types`. */
export const ChannelType = { GuildText: 0, GuildCategory: 4 } as const;

/** One option (or subcommand) of a slash command. */
export interface CommandOption {
  type: (typeof OptionType)[keyof typeof OptionType];
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  options?: CommandOption[];
  channel_types?: number[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
}

/** A chat-input command as sent to Discord. */
export interface CommandDefinition {
  type: 1;
  name: string;
  description: string;
  options: CommandOption[];
  /** Permission bits as a decimal string; `null` shows the command to everyone. */
  default_member_permissions: string | null;
  dm_permission: false;
  /** 0 = guild only. */
  contexts: [0];
}

/** "32" is Manage Server. */
const MANAGE_GUILD = "32";

/** Longest question text: Discord's text-input label limit. */
export const MAX_QUESTION_LENGTH = 45;
/** Longest welcome text, leaving room in the 2,000-character message for mentions. */
export const MAX_WELCOME_LENGTH = 1500;
/** Longest naming scheme (the channel name itself is cut to 100). */
export const MAX_SCHEME_LENGTH = 100;
/** Longest close reason and topic. */
export const MAX_REASON_LENGTH = 500;
export const MAX_TOPIC_LENGTH = 500;

const sub = (
  name: string,
  description: string,
  options: CommandOption[] = [],
): CommandOption => ({ type: OptionType.Subcommand, name, description, options });

/** A chat-input command, shown to members with `permissions` (null: everyone), guild only. */
const command = (
  name: string,
  description: string,
  options: CommandOption[],
  permissions: string | null,
): CommandDefinition => ({
  type: 1,
  name,
  description,
  options,
  default_member_permissions: permissions,
  dm_permission: false,
  contexts: [0],
});

const channelOption =
  (channelType: number) => (name: string, description: string, required: boolean) => ({
    type: OptionType.Channel,
    name,
    description,
    required,
    channel_types: [channelType],
  });

const categoryOption = channelOption(ChannelType.GuildCategory);
const textChannelOption = channelOption(ChannelType.GuildText);

const roleOption = (name: string, description: string, required: boolean) => ({
  type: OptionType.Role,
  name,
  description,
  required,
});

const userOption = (name: string, description: string) => ({
  type: OptionType.User,
  name,
  description,
  required: true,
});

const booleanOption = (name: string, description: string) => ({
  type: OptionType.Boolean,
  name,
  description,
  required: true,
});

/** Every command the bot registers. */
export const COMMANDS: readonly CommandDefinition[] = [
  command(
    "setup",
    "Set up tickets: category, staff role and log channel (created when missing)",
    [
      categoryOption("category", 'Category for ticket channels (default: create "Tickets")', false),
      roleOption("staff_role", 'Role that handles tickets (default: create "Support")', false),
      textChannelOption(
        "log_channel",
        'Channel for the ticket log (default: create "ticket-logs")',
        false,
      ),
    ],
    MANAGE_GUILD,
  ),
  command(
    "config",
    "Show or change the ticket settings",
    [
      sub("show", "Show every ticket setting and who may do what"),
      {
        type: OptionType.SubcommandGroup,
        name: "set",
        description: "Change a ticket setting",
        options: [
          sub("staff_role_add", "Add a staff role", [roleOption("role", "Role to add", true)]),
          sub("staff_role_remove", "Remove a staff role", [
            roleOption("role", "Role to remove", true),
          ]),
          sub("category", "Category for new ticket channels", [
            categoryOption("category", "The category", true),
          ]),
          sub("log_channel", "Channel for the ticket log (leave empty to turn the log off)", [
            textChannelOption("channel", "The log channel", false),
          ]),
          sub("max_open", "How many open tickets one member may have", [
            {
              type: OptionType.Integer,
              name: "limit",
              description: "Open tickets per member (1-100)",
              required: true,
              min_value: 1,
              max_value: 100,
            },
          ]),
          sub("naming_scheme", "Channel name scheme: {number} {username} {user_id}", [
            {
              type: OptionType.String,
              name: "scheme",
              description: "For example ticket-{number} or {username}-{number}",
              required: true,
              min_length: 1,
              max_length: MAX_SCHEME_LENGTH,
            },
          ]),
          sub("welcome_text", "Text of the welcome message in new tickets", [
            {
              type: OptionType.String,
              name: "text",
              description: 'The welcome text ("none" for the default)',
              required: true,
              min_length: 1,
              max_length: MAX_WELCOME_LENGTH,
            },
          ]),
          sub("transcript_dm", "Send the opener a transcript by DM on close", [
            booleanOption("enabled", "On or off"),
          ]),
          sub("openers_may_add", "Whether openers may add and remove members", [
            booleanOption("enabled", "On or off"),
          ]),
          sub("question", 'A question the panel asks before opening (empty or "none" clears)', [
            {
              type: OptionType.String,
              name: "text",
              description: "The question, shown in a form",
              required: false,
              max_length: MAX_QUESTION_LENGTH,
            },
          ]),
        ],
      },
    ],
    MANAGE_GUILD,
  ),
  command(
    "panel",
    "Post a panel with a button that opens tickets",
    [
      textChannelOption("channel", "Where to post it (default: this channel)", false),
      {
        type: OptionType.String,
        name: "title",
        description: "Panel title",
        required: false,
        max_length: 256,
      },
      {
        type: OptionType.String,
        name: "description",
        description: "Panel text",
        required: false,
        max_length: 4000,
      },
      {
        type: OptionType.String,
        name: "label",
        description: "Button label",
        required: false,
        max_length: 80,
      },
    ],
    MANAGE_GUILD,
  ),
  command(
    "ticket",
    "Open and manage support tickets",
    [
      sub("new", "Open a ticket", [
        {
          type: OptionType.String,
          name: "topic",
          description: "What you need help with",
          required: false,
          max_length: MAX_TOPIC_LENGTH,
        },
      ]),
      sub("add", "Give a member access to this ticket", [userOption("user", "Member to add")]),
      sub("remove", "Remove a member from this ticket", [
        userOption("user", "Member to remove"),
      ]),
      sub("claim", "Mark yourself as handling this ticket"),
      sub("unclaim", "Release this ticket"),
      sub("close", "Close this ticket (asks for confirmation)", [
        {
          type: OptionType.String,
          name: "reason",
          description: "Why it is closed",
          required: false,
          max_length: MAX_REASON_LENGTH,
        },
      ]),
      sub("assistant", "Pause or resume the assistant in this ticket", [
        {
          type: OptionType.String,
          name: "state",
          description: "on or off",
          required: true,
          choices: [{ name: "on", value: "on" }, { name: "off", value: "off" }],
        },
      ]),
    ],
    null,
  ),
];
