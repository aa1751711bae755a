/**
 * Turns Discord's interaction JSON (as received over the gateway or HTTP) into
 * the plain input handlers see. Payloads are read defensively: anything the
 * handlers cannot use comes back as a value saying why and how it must still be
 * answered, never an exception. The raw `type` is read here only: everyone
 * after the parser reads `kind`. The field readers are in `payload_fields.ts`,
 * commands' resolved data and options in `command_data.ts`, modal values in
 * `modal_values.ts`.
 */
import type { ApplicationId } from "../../core/ids.ts";
import type { AutocompleteInput, DirectInput, InteractionInput } from "../../core/interaction.ts";
import {
  bitfield,
  id,
  isRecord,
  type Json,
  MalformedPayload,
  parseMember,
  parseUser,
  record,
  text,
} from "./payload_fields.ts";
import {
  type CommandPath,
  contextMenuTarget,
  MESSAGE_COMMAND,
  parseOptions,
  parseResolved,
  USER_COMMAND,
} from "./command_data.ts";
import { modalValues } from "./modal_values.ts";

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

  const values = modalValues(data.components);
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
  const values = modalValues(data.components);
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
