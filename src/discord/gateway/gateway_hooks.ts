/**
 * What the gateway shell hands on: the raw dispatches we act on, the shards'
 * sessions and the connection state, as plain callbacks.
 */
import type { GatewayClosedError } from "./gateway_closed_error.ts";

/** Connected when every shard is; disconnected otherwise. */
export type ShardsState = "connected" | "disconnected";

/** Where the raw dispatches go. Callbacks may be async; failures are logged, never thrown. */
export interface GatewayHooks {
  onInteraction(raw: unknown, shardId: number): unknown;
  onMessageCreate(raw: unknown): unknown;
  onMessageUpdate(raw: unknown): unknown;
  onMessageDelete(raw: unknown): unknown;
  onMessageDeleteBulk(raw: unknown): unknown;
  onStateChange?(state: ShardsState): void;
  /** The bot joined a guild, or a guild became available (`GUILD_CREATE`). */
  onGuildCreate?(guildId: string): unknown;
  /** The bot left or was removed from a guild (`GUILD_DELETE` without `unavailable`). */
  onGuildDelete?(guildId: string): unknown;
  /** Discord closed a shard with a code that forbids reconnecting (4004, 4010-4014). */
  onFatalClose?(error: GatewayClosedError): void;
  /** A member left or was removed from a guild (`GUILD_MEMBER_REMOVE`, Server Members intent). */
  onMemberRemove?(raw: unknown): unknown;
  /** A guild channel or thread was created or deleted (`CHANNEL_*`, `THREAD_CREATE`/`THREAD_DELETE`). */
  onChannelCreate?(raw: unknown): unknown;
  onChannelDelete?(raw: unknown): unknown;
  /**
   * A shard's session began (READY after IDENTIFY: events before it may be lost),
   * resumed (RESUMED: missed events are replayed) or was disconnected.
   */
  onShardSession?(event: ShardSessionEvent): unknown;
}

/** What happened to one shard's gateway session. */
export interface ShardSessionEvent {
  kind: "identified" | "resumed" | "disconnected";
  shardId: number;
  shardCount: number;
}
