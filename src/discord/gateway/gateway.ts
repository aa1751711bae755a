/**
 * The gateway shell: discordeno's gateway manager, which connects the shards,
 * and a table that hands the raw JSON of the dispatches we act on to plain
 * callbacks. Nothing is transformed or cached (discordeno's bot layer, with its
 * transformers, helpers and default handlers, is not loaded at all); discordeno
 * resumes (or re-identifies) on its own after a disconnect.
 */
import {
  createGatewayManager,
  type GatewayManager,
  ShardSocketCloseCodes,
  ShardState,
} from "@discordeno/gateway";
import type { RestManager } from "@discordeno/rest";
import { getLogger, type Logger } from "@logtape/logtape";
import type { Config } from "../../config.ts";
import { createDiscordRest, type DiscordRest } from "../rest/discord_rest.ts";
import { connectShardsWith, stopReconnecting, stopShards } from "./discordeno_gateway_patches.ts";
import { FATAL_CLOSE_CODES, GatewayClosedError } from "./gateway_closed_error.ts";
import { discordenoLogger } from "./discordeno_logger.ts";
import { GatewaySocket, proxyConfigured } from "./gateway_socket.ts";
import { INTENTS, intentsFor } from "./intents.ts";
import type { GatewayHooks, ShardSessionEvent, ShardsState } from "./gateway_hooks.ts";

export { discordenoLogger };
export { INTENTS };
export type { GatewayHooks, ShardSessionEvent, ShardsState };

/** Options of `createGateway`. */
export interface GatewayOptions {
  /** The REST manager to ask `GET /gateway/bot` (one is made from the config if absent). */
  rest?: RestManager;
  /** Pause between identifying shards (discordeno's default is 5,300 ms). */
  spawnShardDelayMs?: number;
  /** Deno's `WebSocket`, not `GatewaySocket` (default: behind an HTTP proxy, which only it uses). */
  builtInSocket?: boolean;
}

/** A running (or startable) gateway connection. */
export interface Gateway {
  /** Asks `GET /gateway/bot` for the URL and shard count, then identifies every shard. */
  start(): Promise<void>;
  state(): ShardsState;
  /**
   * The guilds of this process's shards as their last READY listed them (for the
   * startup summary), or null before the first READY. A count per shard rather
   * than a set of ids: at 10,000 guilds the set held about 0.8 MB for one number.
   */
  guildCount(): number | null;
  /** Each shard's id and discordeno state name (for diagnostics and tests). */
  shards(): Array<{ id: number; state: string }>;
  /** Closes every shard and stops reconnecting. */
  stop(): Promise<void>;
}

/** A gateway dispatch as discordeno's manager hands it over (snake case, as Discord sends it). */
type Dispatch = { t?: string | null; d?: unknown };

function guard(log: Logger, what: string, run: () => unknown): void {
  try {
    const result = run();
    if (result instanceof Promise) {
      result.catch((error: unknown) => log.error(`${what} failed: {error}`, { error }));
    }
  } catch (error) {
    log.error(`${what} failed: {error}`, { error });
  }
}

function guildIdOf(d: unknown): string | null {
  const id = (d as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

/** Creates the gateway (not yet connected). */
export function createGateway(
  config:
    & Pick<Config, "discordToken" | "applicationId" | "discordApiUrl">
    & Partial<
      Pick<Config, "shards" | "serverMembersIntent">
    >,
  hooks: GatewayHooks,
  options: GatewayOptions = {},
): Gateway {
  const log = getLogger(["ticketeer", "gateway"]);
  const readyGuilds = new Map<number, number>();
  let stopped = false;
  let lastState: ShardsState = "disconnected";

  const payload = (packet: Dispatch): unknown => packet.d;
  const currentState = (): ShardsState => {
    const shards = [...gateway.shards.values()];
    // Shards are created one by one as they identify: all of this process's must exist.
    const expected = gateway.lastShardId - gateway.firstShardId + 1;
    return shards.length >= expected && shards.every((s) => s.state === ShardState.Connected)
      ? "connected"
      : "disconnected";
  };
  const connected = Promise.withResolvers<void>();
  const fatal = Promise.withResolvers<never>();
  fatal.promise.catch(() => {});
  let fatalError: GatewayClosedError | null = null;
  const patchedShards = new WeakSet<object>();
  /** Wraps a shard's close handler so a fatal close reaches us instead of throwing unhandled. */
  const watchCloses = (shard: {
    handleClose(close: { code: number; reason: string }): Promise<void>;
  }) => {
    if (patchedShards.has(shard)) return;
    patchedShards.add(shard);
    const original = shard.handleClose.bind(shard);
    shard.handleClose = (close) =>
      original(close).catch((error: unknown) => {
        if (!FATAL_CLOSE_CODES.has(close.code)) {
          log.error("Gateway close handling failed: {error}", { error });
          return;
        }
        if (fatalError !== null) return;
        fatalError = new GatewayClosedError(close.code, close.reason, {
          serverMembers: config.serverMembersIntent === true,
        });
        fatal.reject(fatalError);
        const reported = fatalError;
        if (hooks.onFatalClose) {
          guard(log, "Gateway close hook", () => hooks.onFatalClose?.(reported));
        }
      });
  };
  const session =
    (kind: ShardSessionEvent["kind"]) =>
    (shard: { id: number; gatewayConfig: { totalShards: number } }) => {
      if (hooks.onShardSession) {
        const event = { kind, shardId: shard.id, shardCount: shard.gatewayConfig.totalShards };
        guard(log, "Shard session hook", () => hooks.onShardSession?.(event));
      }
      stateChanged();
    };
  const stateChanged = () => {
    const next = stopped ? "disconnected" : currentState();
    if (next === "connected") connected.resolve();
    if (next === lastState) return;
    lastState = next;
    log.info("Gateway {state}", { state: next });
    if (hooks.onStateChange) guard(log, "Gateway state hook", () => hooks.onStateChange?.(next));
  };

  /** The dispatches we act on, by name; the others are dropped unread. */
  const handlers: Record<string, (packet: Dispatch, shardId: number) => void> = {
    INTERACTION_CREATE: (packet, shardId) =>
      guard(log, "Interaction hook", () => hooks.onInteraction(payload(packet), shardId)),
    MESSAGE_CREATE: (packet) =>
      guard(log, "Message hook", () => hooks.onMessageCreate(payload(packet))),
    MESSAGE_UPDATE: (packet) =>
      guard(log, "Message update hook", () => hooks.onMessageUpdate(payload(packet))),
    MESSAGE_DELETE: (packet) =>
      guard(log, "Message delete hook", () => hooks.onMessageDelete(payload(packet))),
    MESSAGE_DELETE_BULK: (packet) =>
      guard(log, "Message bulk delete hook", () => hooks.onMessageDeleteBulk(payload(packet))),
    CHANNEL_CREATE: (packet) =>
      guard(log, "Channel create hook", () => hooks.onChannelCreate?.(payload(packet))),
    CHANNEL_DELETE: (packet) =>
      guard(log, "Channel delete hook", () => hooks.onChannelDelete?.(payload(packet))),
    // A thread is a channel to the ticket hooks: thread tickets and staff threads.
    THREAD_CREATE: (packet) =>
      guard(log, "Thread create hook", () => hooks.onChannelCreate?.(payload(packet))),
    THREAD_DELETE: (packet) =>
      guard(log, "Thread delete hook", () => hooks.onChannelDelete?.(payload(packet))),
    GUILD_MEMBER_REMOVE: (packet) =>
      guard(log, "Member remove hook", () => hooks.onMemberRemove?.(payload(packet))),
    READY: (packet, shardId) => {
      const list = (payload(packet) as { guilds?: unknown[] } | null)?.guilds;
      readyGuilds.set(shardId, Array.isArray(list) ? list.length : 0);
    },
    GUILD_CREATE: (packet) => {
      const id = guildIdOf(payload(packet));
      if (id === null) return;
      if (hooks.onGuildCreate) guard(log, "Guild create hook", () => hooks.onGuildCreate?.(id));
    },
    GUILD_DELETE: (packet) => {
      const d = payload(packet) as { id?: unknown; unavailable?: unknown } | null;
      // An outage marks the guild unavailable; only a removal is the bot leaving it.
      if (d?.unavailable === true || typeof d?.id !== "string") return;
      const id = d.id;
      if (hooks.onGuildDelete) guard(log, "Guild delete hook", () => hooks.onGuildDelete?.(id));
    },
  };
  const shardRange = config.shards ?? null;
  const gateway: GatewayManager = createGatewayManager({
    token: config.discordToken,
    intents: intentsFor(config),
    // Payloads stay as Discord sends them: our parsers read snake case.
    preferSnakeCase: true,
    logger: discordenoLogger("GATEWAY"),
    spawnShardDelay: options.spawnShardDelayMs ?? 5300,
    // `SHARDS=FIRST-LAST/TOTAL`: only these shards, so processes sharing one bot never
    // receive the same events; otherwise every shard `GET /gateway/bot` recommends.
    // discordeno identifies them in `max_concurrency` buckets.
    ...(shardRange === null ? {} : {
      totalShards: shardRange.total,
      firstShardId: shardRange.first,
      lastShardId: shardRange.last,
    }),
    // A self-hosted bot restarts to pick up a new shard count; discordeno's
    // background resharding would also keep an 8-hour timer alive.
    resharding: { enabled: false, shardsFullPercentage: 80, checkInterval: -1 },
    events: {
      connecting: watchCloses,
      identified: session("identified"),
      resumed: session("resumed"),
      disconnected: session("disconnected"),
      connected: stateChanged,
      message: (shard, packet: Dispatch) => {
        if (typeof packet.t === "string") handlers[packet.t]?.(packet, shard.id);
      },
    },
  });
  // Our socket, not Deno's: its read buffer stays bounded (`gateway_socket.ts`).
  if (options.builtInSocket ?? proxyConfigured(Deno.env.toObject())) {
    log.info("The gateway connects through the configured HTTP proxy, with Deno's WebSocket");
  } else {
    connectShardsWith(gateway, (url) => new GatewaySocket(url));
  }
  // A REST manager made here is closed here too.
  const ownRest: DiscordRest | null = options.rest === undefined
    ? createDiscordRest({
      token: config.discordToken,
      baseUrl: config.discordApiUrl,
      applicationId: config.applicationId,
      logger: discordenoLogger("REST"),
    })
    : null;
  const rest: RestManager = ownRest?.rest ?? options.rest as RestManager;
  /** `GET /gateway/bot`'s URL and shard count, then every shard of this process identified. */
  const spawn = async () => {
    const connection = await rest.getSessionInfo();
    gateway.connection = connection;
    gateway.url = connection.url;
    if (shardRange === null) {
      gateway.totalShards = connection.shards;
      gateway.lastShardId = connection.shards - 1;
    }
    await gateway.spawnShards();
  };

  return {
    async start() {
      if (stopped) throw new Error("Cannot start the gateway: it was stopped");
      // spawnShards() also waits out the pause it keeps between identifies
      // (spawnShardDelay) after the last shard; the bot is ready once every shard is.
      const started = spawn();
      started.catch((error: unknown) => log.error("Gateway start failed: {error}", { error }));
      await Promise.race([connected.promise, started, fatal.promise]);
      stateChanged();
    },
    state: () => (stopped ? "disconnected" : currentState()),
    guildCount: () =>
      readyGuilds.size === 0 ? null : [...readyGuilds.values()].reduce((a, b) => a + b, 0),
    shards: () =>
      [...gateway.shards.values()].map((shard) => ({
        id: shard.id,
        state: ShardState[shard.state] ?? String(shard.state),
      })),
    async stop() {
      if (stopped) return;
      stopped = true;
      // No reconnect may start once we are stopping.
      stopReconnecting(gateway);
      await gateway.shutdown(ShardSocketCloseCodes.Shutdown, "Shutting down");
      stopShards(gateway);
      ownRest?.close();
      stateChanged();
    },
  };
}
