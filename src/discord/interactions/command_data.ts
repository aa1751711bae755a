/** A command interaction's resolved data and options, read into plain option values. */
import type { ChannelId, RoleId, UserId } from "../../core/ids.ts";
import type {
  ContextMenuTarget,
  OptionValue,
  ResolvedAttachment,
  ResolvedChannel,
  ResolvedMessage,
  ResolvedRole,
  UserRef,
} from "../../core/interaction.ts";
import {
  channelKind,
  id,
  isRecord,
  type Json,
  MalformedPayload,
  optionalText,
  parseUser,
  record,
  text,
} from "./payload_fields.ts";

interface Resolved {
  users: Json;
  members: Json;
  roles: Json;
  channels: Json;
  attachments: Json;
  messages: Json;
}

export function parseResolved(raw: unknown): Resolved {
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

function resolvedAttachment(
  resolved: Resolved,
  attachmentId: string,
): ResolvedAttachment | null {
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

export interface CommandPath {
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
export const USER_COMMAND = 2;
export const MESSAGE_COMMAND = 3;

/** The target of a user or message command, from `data.target_id` and `data.resolved`. */
export function contextMenuTarget(data: Json): ContextMenuTarget {
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

export function parseOptions(raw: unknown, resolved: Resolved, path: CommandPath): void {
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
