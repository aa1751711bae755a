/** What `startTicketeer` takes (`StartOptions`) and what it gives back (`TicketeerApp`). */
import type { RestManager } from "@discordeno/bot";
import type { UserId } from "../core/ids.ts";
import type { Clock, Stores } from "../core/ports.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import type { Gateway } from "../discord/gateway/gateway.ts";
import type { Dispatch, InFlight } from "../discord/interactions/run_interaction.ts";
import type { RetryOptions } from "../lib/retry.ts";
import type { CheckReport } from "./check.ts";
import type { MessageHook } from "./app_services.ts";
import type { Metrics } from "./metrics.ts";
import type { TimersSummary } from "../core/tickets/timers_pass.ts";

/** Options of `startTicketeer`. */
export interface StartOptions {
  /** Gateway tuning (tests shorten the pause between shards). */
  gatewayOptions?: { spawnShardDelayMs?: number };
  /** Aborting it stops the app (as `stop()` does). */
  signal?: AbortSignal;
  clock?: Clock;
  /** `ticketeer check`: database and token only; no commands, HTTP or gateway. */
  checkOnly?: boolean;
  /** Receives every guild message event (default: the live archive and the relay). */
  onMessage?: MessageHook;
  /** The dispatcher (default: the project's). */
  dispatch?: Dispatch;
  /** How long `stop()` waits for interactions in flight (default 10 s). */
  drainTimeoutMs?: number;
  /** REST retry policy for 5xx and network errors. */
  retry?: RetryOptions;
  /** Reconcile tickets and channels this often after startup; null: never (default 10 min). */
  reconcileIntervalMs?: number | null;
  /** Run a reconciliation pass right after startup (default true). */
  reconcileOnStart?: boolean;
  /** The runner's self-defer deadline (default 1,500 ms). */
  interactionDeadlineMs?: number;
  /** Run the tickets' timers (auto close, close requests, openers) this often; null: never (default 1 min). */
  timersIntervalMs?: number | null;
}

/** A started ticketeer. */
export interface TicketeerApp {
  /** Resolves once the gateway is connected (at once when it is off); rejects if it cannot. */
  ready: Promise<void>;
  /** Where the HTTP server listens, or null without one. */
  httpAddress: { host: string; port: number } | null;
  applicationId: string;
  botUserId: UserId;
  /** True when this start bulk-overwrote the slash commands. */
  commandsRegistered: boolean;
  stores: Stores;
  discord: DiscordPort;
  metrics: Metrics;
  rest: RestManager;
  gateway: Gateway | null;
  inFlight: InFlight;
  /** Rejects when Discord closes the gateway for good after the bot was ready. */
  failed: Promise<never>;
  /** Config, database, token, intents and every guild's permissions, as plain lines. */
  check(): Promise<CheckReport>;
  /** Runs one pass of the tickets' timers now (null when stopping); passes also run on their own. */
  runTimers(): Promise<TimersSummary | null>;
  /** Stops taking interactions, drains those in flight (bounded), closes everything. */
  stop(): Promise<void>;
}
