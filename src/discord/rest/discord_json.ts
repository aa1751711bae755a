/**
 * Discord's JSON and the port's records, both ways, and how a retried create
 * recognises what its lost attempt made.
 */
import { channelId, type GuildId, guildId, roleId, userId } from "../../core/ids.ts";
import type { UserRef } from "../../core/interaction.ts";
import type { Channel, Member, Overwrite, Role } from "../../core/discord_port.ts";
import { encodeHex } from "../../lib/hex.ts";
import { channelKind } from "../interactions/payload_fields.ts";

/** How far our clock may run ahead of Discord's when judging a channel's age. */
export const CLOCK_SKEW_MS = 30_000;
/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
const DISCORD_EPOCH = 1420070400000n;

/** A random message nonce: 20 hex digits (Discord allows 25 characters). */
export function randomNonce(): string {
  return encodeHex(crypto.getRandomValues(new Uint8Array(10)));
}

/** True when `raw` is the channel `body` asks for, created at `sinceMs` or later. */
export function isSameNewChannel(raw: Json, body: Json, sinceMs: number): boolean {
  const id = str(raw.id);
  if (!/^\d+$/.test(id)) return false;
  const createdMs = Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
  return createdMs >= sinceMs && raw.name === body.name && raw.type === body.type &&
    (strOrNull(raw.parent_id) ?? null) === (strOrNull(body.parent_id) ?? null) &&
    (body.topic === undefined || (strOrNull(raw.topic) ?? "") === body.topic);
}

/** A Discord JSON object. */
export type Json = Record<string, unknown>;

/** A string field, or "" when absent. */
export function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A string field, or null when absent. */
export function strOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** A permission overwrite from Discord's JSON. */
export function toOverwrite(raw: Json): Overwrite {
  const id = str(raw.id);
  return {
    id: raw.type === 1 ? userId(id) : roleId(id),
    type: raw.type === 1 ? "member" : "role",
    allow: BigInt(str(raw.allow) || "0"),
    deny: BigInt(str(raw.deny) || "0"),
  };
}

/** A channel from Discord's JSON (`fallbackGuild` when it names none). */
export function toChannel(raw: Json, fallbackGuild?: GuildId): Channel {
  const overwrites = Array.isArray(raw.permission_overwrites)
    ? (raw.permission_overwrites as Json[]).map(toOverwrite)
    : [];
  const guild = strOrNull(raw.guild_id);
  const parent = strOrNull(raw.parent_id);
  return {
    id: channelId(str(raw.id)),
    guildId: guild === null ? (fallbackGuild ?? guildId("0")) : guildId(guild),
    name: str(raw.name),
    kind: channelKind(raw.type),
    parentId: parent === null ? null : channelId(parent),
    position: typeof raw.position === "number" ? raw.position : 0,
    overwrites,
    ...(raw.topic === undefined ? {} : { topic: strOrNull(raw.topic) }),
  };
}

/** A user from Discord's JSON. */
export function toUser(raw: Json): UserRef {
  return {
    id: userId(str(raw.id)),
    username: str(raw.username),
    globalName: strOrNull(raw.global_name),
    avatar: strOrNull(raw.avatar),
    bot: raw.bot === true,
  };
}

/** A role from Discord's JSON. */
export function toRole(raw: Json): Role {
  return {
    id: roleId(str(raw.id)),
    name: str(raw.name),
    permissions: BigInt(str(raw.permissions) || "0"),
    position: typeof raw.position === "number" ? raw.position : 0,
    managed: raw.managed === true,
    ...(typeof raw.mentionable === "boolean" ? { mentionable: raw.mentionable } : {}),
    ...(typeof raw.color === "number" ? { color: raw.color } : {}),
  };
}

/** A guild member from Discord's JSON. */
export function toMember(raw: Json): Member {
  return {
    user: toUser((raw.user ?? {}) as Json),
    nick: strOrNull(raw.nick),
    roles: Array.isArray(raw.roles) ? (raw.roles as string[]).map((r) => roleId(r)) : [],
  };
}

/** An overwrite in Discord's JSON: type 0 role, 1 member; bitfields as decimal strings. */
export function overwriteJson(overwrite: Overwrite): Json {
  return {
    id: overwrite.id,
    type: overwrite.type === "member" ? 1 : 0,
    allow: overwrite.allow.toString(),
    deny: overwrite.deny.toString(),
  };
}
