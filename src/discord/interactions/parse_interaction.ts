/**
 * Turns Discord's interaction JSON (as received over the gateway or HTTP) into
 * the plain input handlers see. Payloads are read defensively: anything the
 * handlers cannot use comes back as a value saying why and how it must still be
 * answered, never an exception. The raw `type` is read here only: everyone
 * after the parser reads `kind`. Kept in one file because it is the one reader
 * of raw interaction JSON, though longer than 300 lines: members, resolved data,
 * options and modal fields are read by the same few defensive helpers.
 */
import {
  type ApplicationId,
  type ChannelId,
  isSnowflake,
  type RoleId,
  type Snowflake,
  snowflake,
  type UserId,
} from "../../core/ids.ts";
import type {
  AutocompleteInput,
  ChannelKind,
  ContextMenuTarget,
  DirectInput,
  InteractionInput,
  MemberRef,
  OptionValue,
  ResolvedAttachment,
  ResolvedChannel,
  ResolvedMessage,
  ResolvedRole,
  UserRef,
} from "../../core/interaction.ts";

/**
 * How an interaction the handlers do not take is still answered: `message` for
 * commands, components and modals (a short ephemeral text), `choices` for
 * autocomplete (none), `none` for payloads too broken to tell.
 */
export type IgnoredAnswer = "message" | "choices" | "none";

/** An interaction that does not reach the handlers. */
export type IgnoredInteraction =
  /** Discord checking the HTTP endpoint (type 1): answered `{"type":1}`. */
  | { kind: "ping" }
  | {
    kind: "ignored";
    reason: string;
    answer: IgnoredAnswer;
    /** Interaction id and token when readable, to answer over REST. */
    id: string | null;
    token: string | null;
  };

/** What the parser makes of a payload: handler input, an autocomplete query, or why not. */
export type ParsedInteraction =
  | InteractionInput
  | AutocompleteInput
  | DirectInput
  | IgnoredInteraction;

/** The reason given for interactions outside a guild (DMs, user-installed contexts). */
export const NOT_IN_GUILD = "not in a guild";

type Json = Record<string, unknown>;

/** Raised inside the parser for a malformed payload; never escapes it. */
class MalformedPayload extends Error {}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Json {
  if (!isRecord(value)) throw new MalformedPayload(`${what} is not an object`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== "string") throw new MalformedPayload(`${what} is not a string`);
  return value;
}

function optionalText(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null;
  return text(value, what);
}

function id<K extends string>(value: unknown, what: string): Snowflake<K> {
  if (!isSnowflake(value)) throw new MalformedPayload(`${what} is not a snowflake`);
  return snowflake<K>(value);
}

function bitfield(value: unknown, what: string): bigint {
  if (typeof value !== "string" || !/^[0-9]{1,40}$/.test(value)) {
    throw new MalformedPayload(`${what} is not a permission bitfield`);
  }
  return BigInt(value);
}

/** Discord's channel `type` as the kinds the bot tells apart. */
export function channelKind(type: unknown): ChannelKind {
  if (type === 0) return "text";
  if (type === 4) return "category";
  if (type === 11 || type === 12) return "thread";
  return "other";
}

/** A Discord user object as a `UserRef`; throws when it is malformed. */
export function parseUser(raw: unknown, what = "user"): UserRef {
  const user = record(raw, what);
  return {
    id: id<"user">(user.id, `${what}.id`),
    username: text(user.username, `${what}.username`),
    globalName: optionalText(user.global_name, `${what}.global_name`),
    avatar: optionalText(user.avatar, `${what}.avatar`),
    bot: user.bot === true,
  };
}

function parseMember(raw: unknown): MemberRef {
  const member = record(raw, "member");
  const roles = member.roles ?? [];
  if (!Array.isArray(roles)) throw new MalformedPayload("member.roles is not an array");
  return {
    user: parseUser(member.user, "member.user"),
    nick: optionalText(member.nick, "member.nick"),
    roles: roles.map((role, i) => id<"role">(role, `member.roles[${i}]`)),
    permissions: bitfield(member.permissions, "member.permissions"),
  };
}

interface Resolved {
  users: Json;
  members: Json;
  roles: Json;
  channels: Json;
  attachments: Json;
  messages: Json;
}

function parseResolved(raw: unknown): Resolved {
  const resolved = isRecord(raw) ? raw : {};
  const part = (key: string): Json => (isRecord(resolved[key]) ? resolved[key] as Json : {});
  return {
    users: part("users"),
    members: part("members"),
    roles: part("roles"),
    channels: part("channels"),
    attachments: part("attachments"),
    messages: part("messages"),
  };
}

function resolvedUser(resolved: Resolved, userId: string): UserRef | null {
  const raw = resolved.users[userId];
  return raw === undefined ? null : parseUser(raw, `resolved.users.${userId}`);
}

function resolvedChannel(resolved: Resolved, channelId: string): ResolvedChannel | null {
  const raw = resolved.channels[channelId];
  if (raw === undefined) return null;
  const channel = record(raw, `resolved.channels.${channelId}`);
  const parent = channel.parent_id;
  return {
    id: id<"channel">(channel.id, "resolved channel id"),
    name: text(channel.name, "resolved channel name"),
    kind: channelKind(channel.type),
    parentId: parent === undefined || parent === null
      ? null
      : id<"channel">(parent, "resolved channel parent_id"),
  };
}

function resolvedRole(resolved: Resolved, roleId: string): ResolvedRole | null {
  const raw = resolved.roles[roleId];
  if (raw === undefined) return null;
  const role = record(raw, `resolved.roles.${roleId}`);
  return {
    id: id<"role">(role.id, "resolved role id"),
    name: text(role.name, "resolved role name"),
    managed: role.managed === true,
  };
}

function resolvedAttachment(resolved: Resolved, attachmentId: string): ResolvedAttachment | null {
  const raw = resolved.attachments[attachmentId];
  if (raw === undefined) return null;
  const attachment = record(raw, `resolved.attachments.${attachmentId}`);
  const size = attachment.size;
  if (typeof size !== "number" || !Number.isInteger(size) || size < 0) {
    throw new MalformedPayload("resolved attachment size is not a whole number");
  }
  return {
    id: id<"attachment">(attachment.id, "resolved attachment id"),
    filename: text(attachment.filename, "resolved attachment filename"),
    size,
    url: text(attachment.url, "resolved attachment url"),
    contentType: optionalText(attachment.content_type, "resolved attachment content_type"),
  };
}

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;

interface CommandPath {
  group: string | null;
  subcommand: string | null;
  options: Record<string, OptionValue>;
  /** The option being typed into (autocomplete only); its text is kept as typed. */
  focused: { name: string; value: string } | null;
}

/** The roles of a resolved member (a partial member: no user, roles as ids), or null. */
function resolvedMemberRoles(resolved: Resolved, userId: string): RoleId[] | null {
  const raw = resolved.members[userId];
  if (raw === undefined) return null;
  const roles = record(raw, `resolved.members.${userId}`).roles ?? [];
  if (!Array.isArray(roles)) throw new MalformedPayload("resolved member roles is not an array");
  return roles.map((role, i) => id<"role">(role, `resolved.members.${userId}.roles[${i}]`));
}

function userOption(resolved: Resolved, userId: UserId): OptionValue {
  const roles = resolvedMemberRoles(resolved, userId);
  return {
    type: "user",
    value: userId,
    user: resolvedUser(resolved, userId),
    member: roles !== null,
    ...(roles === null ? {} : { memberRoles: roles }),
  };
}

function resolvedMessage(resolved: Resolved, messageId: string): ResolvedMessage {
  const message = record(resolved.messages[messageId], `resolved.messages.${messageId}`);
  return {
    id: id<"message">(message.id, "resolved message id"),
    channelId: id<"channel">(message.channel_id, "resolved message channel_id"),
    author: parseUser(message.author, "resolved message author"),
    content: typeof message.content === "string" ? message.content : "",
  };
}

/** Discord's application command types: 2 a user command, 3 a message command. */
const USER_COMMAND = 2;
const MESSAGE_COMMAND = 3;

/** The target of a user or message command, from `data.target_id` and `data.resolved`. */
function contextMenuTarget(data: Json): ContextMenuTarget {
  const resolved = parseResolved(data.resolved);
  const targetId = id<"target">(data.target_id, "data.target_id") as string;
  if (data.type === MESSAGE_COMMAND) {
    return { kind: "message", message: resolvedMessage(resolved, targetId) };
  }
  const user = resolvedUser(resolved, targetId);
  if (user === null) throw new MalformedPayload("the target user is not resolved");
  return { kind: "user", user, memberRoles: resolvedMemberRoles(resolved, targetId) };
}

function roleOption(resolved: Resolved, roleId: RoleId): OptionValue {
  return { type: "role", value: roleId, role: resolvedRole(resolved, roleId) };
}

function parseOptionValue(option: Json, resolved: Resolved): OptionValue | null {
  const name = option.name;
  const value = option.value;
  switch (option.type) {
    case 3:
      return { type: "string", value: text(value, `option ${name}`) };
    case 4:
    case 10: // number: kept only when whole, since handlers read integers
      if (typeof value !== "number" || !Number.isInteger(value)) {
        if (option.type === 10) return null;
        throw new MalformedPayload(`option ${name} is not an integer`);
      }
      return { type: "integer", value };
    case 5:
      if (typeof value !== "boolean") throw new MalformedPayload(`option ${name} is not a boolean`);
      return { type: "boolean", value };
    case 6:
      return userOption(resolved, id<"user">(value, `option ${name}`));
    case 7: {
      const channelId = id<"channel">(value, `option ${name}`) as ChannelId;
      return { type: "channel", value: channelId, channel: resolvedChannel(resolved, channelId) };
    }
    case 8:
      return roleOption(resolved, id<"role">(value, `option ${name}`));
    case 9: { // mentionable: a user or a role, told apart by the resolved data
      const target = id<"user">(value, `option ${name}`);
      return resolved.roles[target] !== undefined
        ? roleOption(resolved, target as string as RoleId)
        : userOption(resolved, target);
    }
    case 11: {
      const attachmentId = id<"attachment">(value, `option ${name}`) as string;
      return {
        type: "attachment",
        value: attachmentId,
        attachment: resolvedAttachment(resolved, attachmentId),
      };
    }
    default: // types added later: not used by any handler
      return null;
  }
}

function parseOptions(raw: unknown, resolved: Resolved, path: CommandPath): void {
  if (raw === undefined || raw === null) return;
  if (!Array.isArray(raw)) throw new MalformedPayload("options is not an array");
  for (const item of raw) {
    const option = record(item, "option");
    if (option.focused === true) {
      path.focused = {
        name: text(option.name, "option name"),
        value: typeof option.value === "string" ? option.value : String(option.value ?? ""),
      };
    }
  }
  parseOptionValues(raw, resolved, path);
}

function parseOptionValues(raw: unknown, resolved: Resolved, path: CommandPath): void {
  if (raw === undefined || raw === null) return;
  if (!Array.isArray(raw)) throw new MalformedPayload("options is not an array");
  for (const item of raw) {
    const option = record(item, "option");
    const name = text(option.name, "option name");
    if (option.type === SUB_COMMAND_GROUP) {
      path.group = name;
      parseOptions(option.options, resolved, path);
    } else if (option.type === SUB_COMMAND) {
      path.subcommand = name;
      parseOptions(option.options, resolved, path);
    } else if (option.focused !== true) {
      const value = parseOptionValue(option, resolved);
      if (value !== null) path.options[name] = value;
    }
  }
}

/** What a submitted modal holds: text input values and string select values, by `custom_id`. */
interface ModalValues {
  fields: Record<string, string>;
  choices: Record<string, string[]>;
}

/** Collects a submitted modal's text inputs and selects (in action rows or labels). */
function collectFields(raw: unknown, into: ModalValues, depth = 0): void {
  if (depth > 4 || raw === undefined || raw === null) return;
  if (Array.isArray(raw)) {
    for (const item of raw) collectFields(item, into, depth + 1);
    return;
  }
  if (!isRecord(raw)) return;
  if (typeof raw.custom_id === "string" && typeof raw.value === "string") {
    into.fields[raw.custom_id] = raw.value;
  }
  if (
    typeof raw.custom_id === "string" && Array.isArray(raw.values) &&
    raw.values.every((v) => typeof v === "string")
  ) {
    into.choices[raw.custom_id] = raw.values as string[];
  }
  collectFields(raw.components, into, depth + 1);
  collectFields(raw.component, into, depth + 1);
}

/** Interaction types (Discord's `type` field). */
const PING = 1;
const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const AUTOCOMPLETE = 4;
const MODAL_SUBMIT = 5;

/** How an interaction of raw `type` must be answered when the handlers do not take it. */
function answerOf(raw: unknown): IgnoredAnswer {
  const type = isRecord(raw) ? raw.type : undefined;
  if (type === AUTOCOMPLETE) return "choices";
  return type === APPLICATION_COMMAND || type === MESSAGE_COMPONENT || type === MODAL_SUBMIT
    ? "message"
    : "none";
}

function ignored(raw: unknown, reason: string): IgnoredInteraction {
  const field = (name: string) =>
    isRecord(raw) && typeof raw[name] === "string" ? raw[name] as string : null;
  return { kind: "ignored", reason, answer: answerOf(raw), id: field("id"), token: field("token") };
}

function parse(raw: unknown): ParsedInteraction {
  if (!isRecord(raw)) return ignored(raw, "the payload is not an object");
  const type = raw.type;
  if (type === PING) return { kind: "ping" };
  if (
    type !== AUTOCOMPLETE && type !== APPLICATION_COMMAND && type !== MESSAGE_COMPONENT &&
    type !== MODAL_SUBMIT
  ) {
    return ignored(raw, `unknown interaction type ${String(type)}`);
  }
  if (raw.guild_id === undefined || raw.guild_id === null || !isRecord(raw.member)) {
    return parseDirect(raw, type) ?? ignored(raw, NOT_IN_GUILD);
  }
  const channel = isRecord(raw.channel) ? raw.channel : {};
  const base = {
    id: id<"interaction">(raw.id, "id") as string,
    token: text(raw.token, "token"),
    applicationId: id<"application">(raw.application_id, "application_id") as ApplicationId,
    guildId: id<"guild">(raw.guild_id, "guild_id"),
    channelId: id<"channel">(raw.channel_id ?? channel.id, "channel_id"),
    member: parseMember(raw.member),
    appPermissions: raw.app_permissions === undefined
      ? 0n
      : bitfield(raw.app_permissions, "app_permissions"),
    locale: typeof raw.locale === "string" ? raw.locale : "en-US",
    ...(typeof raw.guild_locale === "string" ? { guildLocale: raw.guild_locale } : {}),
    ...(typeof raw.attachment_size_limit === "number" && raw.attachment_size_limit > 0
      ? { attachmentSizeLimit: raw.attachment_size_limit }
      : {}),
  };
  if (base.token.length === 0) throw new MalformedPayload("token is empty");
  const data = record(raw.data, "data");

  if (type === APPLICATION_COMMAND || type === AUTOCOMPLETE) {
    if (
      type === APPLICATION_COMMAND && (data.type === USER_COMMAND || data.type === MESSAGE_COMMAND)
    ) {
      return {
        ...base,
        kind: "context_menu",
        name: text(data.name, "data.name"),
        target: contextMenuTarget(data),
      };
    }
    if (data.type !== undefined && data.type !== 1) {
      return ignored(raw, `unknown command type ${String(data.type)}`);
    }
    const path: CommandPath = { group: null, subcommand: null, options: {}, focused: null };
    parseOptions(data.options, parseResolved(data.resolved), path);
    const command = {
      ...base,
      name: text(data.name, "data.name"),
      group: path.group,
      subcommand: path.subcommand,
      options: path.options,
    };
    if (type === AUTOCOMPLETE) {
      if (path.focused === null) throw new MalformedPayload("no option is focused");
      return { ...command, kind: "autocomplete", focused: path.focused };
    }
    return {
      ...base,
      kind: "command",
      name: text(data.name, "data.name"),
      group: path.group,
      subcommand: path.subcommand,
      options: path.options,
    };
  }

  if (type === MESSAGE_COMPONENT) {
    const values = data.values ?? [];
    if (!Array.isArray(values) || !values.every((v) => typeof v === "string")) {
      throw new MalformedPayload("data.values is not a list of strings");
    }
    const message = record(raw.message, "message");
    return {
      ...base,
      kind: "component",
      customId: text(data.custom_id, "data.custom_id"),
      messageId: id<"message">(message.id, "message.id"),
      values,
    };
  }

  const values: ModalValues = { fields: {}, choices: {} };
  collectFields(data.components, values);
  return {
    ...base,
    kind: "modal",
    customId: text(data.custom_id, "data.custom_id"),
    fields: values.fields,
    choices: values.choices,
  };
}

/**
 * A button or form used in a DM with the bot (the feedback after a close); null
 * for anything else outside a guild (commands there are not offered).
 */
function parseDirect(raw: Json, type: unknown): DirectInput | null {
  if ((type !== MESSAGE_COMPONENT && type !== MODAL_SUBMIT) || !isRecord(raw.user)) return null;
  const channel = isRecord(raw.channel) ? raw.channel : {};
  const base = {
    id: id<"interaction">(raw.id, "id") as string,
    token: text(raw.token, "token"),
    applicationId: id<"application">(raw.application_id, "application_id") as ApplicationId,
    channelId: id<"channel">(raw.channel_id ?? channel.id, "channel_id"),
    user: parseUser(raw.user),
    locale: typeof raw.locale === "string" ? raw.locale : "en-US",
  };
  if (base.token.length === 0) throw new MalformedPayload("token is empty");
  const data = record(raw.data, "data");
  const customId = text(data.custom_id, "data.custom_id");
  if (type === MESSAGE_COMPONENT) {
    const message = record(raw.message, "message");
    const values = data.values ?? [];
    if (!Array.isArray(values) || !values.every((v) => typeof v === "string")) {
      throw new MalformedPayload("data.values is not a list of strings");
    }
    return {
      ...base,
      kind: "direct_component",
      customId,
      messageId: id<"message">(message.id, "message.id"),
      values,
    };
  }
  const values: ModalValues = { fields: {}, choices: {} };
  collectFields(data.components, values);
  return { ...base, kind: "direct_modal", customId, fields: values.fields };
}

/**
 * Parses an interaction payload; PINGs come back as `{ kind: "ping" }`,
 * DMs and malformed payloads as `{ kind: "ignored", reason, ... }`.
 */
export function parseInteraction(raw: unknown): ParsedInteraction {
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof MalformedPayload) return ignored(raw, `malformed: ${error.message}`);
    return ignored(
      raw,
      `unreadable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** True when `parseInteraction` gave something the handlers can run. */
export function isInteractionInput(
  parsed: ParsedInteraction,
): parsed is InteractionInput | AutocompleteInput | DirectInput {
  return parsed.kind !== "ping" && parsed.kind !== "ignored";
}
