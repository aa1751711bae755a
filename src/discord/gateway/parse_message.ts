/**
 * Turns a gateway `MESSAGE_CREATE` payload into the plain `MessageInput` the
 * archive and the relay use. Only guild messages are kept; malformed payloads
 * are dropped (null), never thrown.
 */
import { channelId, guildId, isSnowflake } from "../../core/ids.ts";
import type { MessageInput } from "../../core/interaction.ts";
import { parseUser } from "../interactions/payload_fields.ts";

/** Message types written by members: 0 default, 19 reply. */
const MEMBER_MESSAGE_TYPES: ReadonlySet<number> = new Set([0, 19]);

/** Parses a `MESSAGE_CREATE` payload; null for DMs and unreadable payloads. */
export function parseMessage(raw: unknown): MessageInput | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const message = raw as Record<string, unknown>;
  if (!isSnowflake(message.guild_id)) return null;
  if (!isSnowflake(message.id) || !isSnowflake(message.channel_id)) return null;
  let author;
  try {
    author = parseUser(message.author, "author");
  } catch {
    return null;
  }
  const type = typeof message.type === "number" ? message.type : 0;
  const webhook = message.webhook_id !== undefined && message.webhook_id !== null;
  return {
    id: message.id,
    guildId: guildId(message.guild_id),
    channelId: channelId(message.channel_id),
    author,
    content: typeof message.content === "string" ? message.content : "",
    system: webhook || !MEMBER_MESSAGE_TYPES.has(type),
  };
}
