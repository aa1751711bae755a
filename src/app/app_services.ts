/**
 * What the composition root hands to the gateway's message hooks: the message
 * events and the services they work with. Kept apart from `start.ts` so the
 * hooks and the root import it without importing each other.
 */
import type { Config } from "../config.ts";
import type { UserId } from "../core/ids.ts";
import type { MessageInput } from "../core/interaction.ts";
import type { Clock, Stores } from "../core/ports.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import type { ShardSessionEvent } from "../discord/gateway/gateway.ts";
import type { InteractionTransport } from "../discord/interactions/interaction_transport.ts";
import type { Metrics } from "./metrics.ts";

/**
 * A gateway event for the live archive and the relay: messages, and what the
 * archive needs besides (channels created and deleted, shard sessions).
 */
export type MessageEvent =
  | { kind: "create"; message: MessageInput; raw: unknown }
  | { kind: "update"; raw: unknown }
  | { kind: "delete"; raw: unknown }
  | { kind: "delete_bulk"; raw: unknown }
  | { kind: "channel_create"; raw: unknown }
  | { kind: "channel_delete"; raw: unknown }
  | { kind: "member_remove"; raw: unknown }
  | { kind: "session"; event: ShardSessionEvent };

/** What message hooks get to work with. */
export interface AppServices {
  config: Config;
  stores: Stores;
  discord: DiscordPort;
  transport: InteractionTransport;
  clock: Clock;
  metrics: Metrics;
  /** The bot's own user id (to skip its own messages). */
  botUserId: UserId;
}

/** Where `MESSAGE_*` events go: the live archive and the relay plug in here. */
export type MessageHook = (event: MessageEvent, services: AppServices) => unknown;
