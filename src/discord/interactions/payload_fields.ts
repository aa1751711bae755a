/** Defensive readers of raw interaction JSON: fields, ids, bitfields, users and members. */
import { isSnowflake, type Snowflake, snowflake } from "../../core/ids.ts";
import type { ChannelKind, MemberRef, UserRef } from "../../core/interaction.ts";

export type Json = Record<string, unknown>;

/** Raised inside the parser for a malformed payload; never escapes it. */
export class MalformedPayload extends Error {}

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function record(value: unknown, what: string): Json {
  if (!isRecord(value)) throw new MalformedPayload(`${what} is not an object`);
  return value;
}

export function text(value: unknown, what: string): string {
  if (typeof value !== "string") throw new MalformedPayload(`${what} is not a string`);
  return value;
}

export function optionalText(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null;
  return text(value, what);
}

export function id<K extends string>(value: unknown, what: string): Snowflake<K> {
  if (!isSnowflake(value)) throw new MalformedPayload(`${what} is not a snowflake`);
  return snowflake<K>(value);
}

export function bitfield(value: unknown, what: string): bigint {
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

export function parseMember(raw: unknown): MemberRef {
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
