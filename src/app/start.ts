/**
 * The composition root: opens the database, checks the token, registers the
 * commands, then serves HTTP and connects the gateway, with one dispatcher behind
 * both shells. `stop()` undoes it all in reverse, after the interactions in
 * flight have finished.
 */
import { getLogger } from "@logtape/logtape";
import { sql } from "kysely";
import type { RestManager } from "@discordeno/bot";
import { applicationIdFromToken, type Config } from "../config.ts";
import { VERSION } from "../version.ts";
import { type DatabaseHandle, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createStores } from "../db/stores/create_stores.ts";
import { clearLocksOnStart } from "../db/clear_locks.ts";
import { describeTarget } from "../db/target.ts";
import { type UserId, userId } from "../core/ids.ts";
import type { MessageInput } from "../core/interaction.ts";
import type { HandlerContext } from "../core/context.ts";
import { dispatch as coreDispatch } from "../core/interactions/dispatch.ts";
import { checkGuilds } from "../core/guild_check.ts";
import { reconcile } from "../core/reconcile.ts";
import type { Clock, DiscordPort, Stores } from "../core/ports.ts";
import { DiscordRequestError } from "../core/discord_failure.ts";
import { systemClock } from "../lib/system_clock.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { createDiscordPort } from "../discord/rest/discord_port.ts";
import { createDiscordRest } from "../discord/rest/discord_rest.ts";
import { createGateway, discordenoLogger, type Gateway } from "../discord/gateway/gateway.ts";
import { registerCommands } from "../discord/interactions/register_commands.ts";
import { randomIds } from "../discord/interactions/random_ids.ts";
import { createRestTransport } from "../discord/rest/rest_transport.ts";
import type { RetryOptions } from "../lib/retry.ts";
import {
  type ParsedInteraction,
  parseInteraction,
} from "../discord/interactions/parse_interaction.ts";
import { parseMessage } from "../discord/gateway/parse_message.ts";
import {
  type Dispatch,
  InFlight,
  runInteraction,
  type RunInteractionDeps,
} from "../discord/interactions/run_interaction.ts";
import type { InteractionTransport } from "../discord/interactions/interaction_transport.ts";
import { ignoredAnswer } from "../discord/interactions/interaction_response.ts";
import { createInteractionVerifier } from "../discord/interactions/verify.ts";
import { createHttpHandler, type GatewayState, serveHttp } from "../http/server.ts";
import { createMessageEvents } from "./message_events.ts";

/** Discord refused the bot token (401): the operator must fix `DISCORD_TOKEN`. */
export class InvalidTokenError extends Error {
  constructor(message = "Discord refused the bot token (401 Unauthorized)") {
    super(message);
    this.name = "InvalidTokenError";
  }
}

/** A message event from the gateway, for the live archive and the relay. */
export type MessageEvent =
  | { kind: "create"; message: MessageInput; raw: unknown }
  | { kind: "update"; raw: unknown }
  | { kind: "delete"; raw: unknown }
  | { kind: "delete_bulk"; raw: unknown };

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
}

/** The `ticketeer check` report. */
export interface CheckReport {
  ok: boolean;
  lines: string[];
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
  /** Config, database, token and every guild's permissions, as plain lines. */
  check(): Promise<CheckReport>;
  /** Stops taking interactions, drains those in flight (bounded), closes everything. */
  stop(): Promise<void>;
}

function modeOf(config: Config): string {
  const parts = [];
  if (config.gateway) parts.push("gateway");
  if (config.http !== null && config.publicKey !== null) parts.push("http-interactions");
  return parts.length === 0 ? "no interactions" : parts.join(" + ");
}

/** Starts ticketeer; resolves once it takes interactions (the gateway may still be connecting). */
export async function startTicketeer(
  config: Config,
  options: StartOptions = {},
): Promise<TicketeerApp> {
  const log = getLogger(["ticketeer"]);
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics();
  const cleanups: Array<() => Promise<void> | void> = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log.warning("Shutdown step failed: {error}", { error });
      }
    }
  };

  try {
    // 1. Database.
    const handle: DatabaseHandle = await openDatabase(config.database);
    cleanups.push(() => handle.close());
    const migration = await migrateToLatest(handle);
    if (migration.applied.length > 0) {
      log.info("Database migrated: {applied}", { applied: migration.applied });
    }
    const stores = createStores(handle, { clock });
    metrics.openTickets.collectFrom(() => stores.tickets.countOpen());

    // 2. Token.
    const tokenAppId = applicationIdFromToken(config.discordToken);
    if (tokenAppId === null && config.applicationId === null) {
      throw new InvalidTokenError("The bot token is malformed: it does not start with a bot id");
    }
    const { rest, close: closeRest } = createDiscordRest({
      token: config.discordToken,
      baseUrl: config.discordApiUrl,
      applicationId: config.applicationId ?? tokenAppId,
      logger: discordenoLogger("REST"),
    });
    cleanups.push(closeRest);
    const observe = (route: string, status: number) => {
      metrics.restRequests.inc({ route, status: String(status) });
      if (status === 0 || status >= 400) metrics.restFailures.inc({ route });
    };
    const shared = { observe, ...(options.retry === undefined ? {} : { retry: options.retry }) };
    const discord = createDiscordPort(rest, shared);
    const transport = createRestTransport(rest, shared);
    let bot;
    try {
      bot = await discord.botUser();
    } catch (error) {
      if (
        error instanceof DiscordRequestError && error.failure.kind === "other" &&
        error.failure.status === 401
      ) {
        throw new InvalidTokenError();
      }
      throw error;
    }

    // 3. Application id.
    const applicationId = config.applicationId ?? tokenAppId ?? bot.id;
    const botUserId = userId(bot.id);

    const context: Omit<HandlerContext, "defer"> = {
      ...stores,
      discord,
      clock,
      ids: randomIds(),
      log: getLogger(["ticketeer", "handler"]),
      assistant: config.relay !== null,
    };
    const services: AppServices = {
      config,
      stores,
      discord,
      transport,
      clock,
      metrics,
      botUserId,
    };
    const inFlight = new InFlight();
    let readyFlag = false;
    let gateway: Gateway | null = null;

    const check = async (): Promise<CheckReport> => {
      const lines = [
        `Configuration: ok (${modeOf(config)}).`,
        `Database: ok (${describeTarget(config.database)}, migrations up to date).`,
        `Token: ok (bot ${bot.username}, id ${bot.id}, application ${applicationId}).`,
      ];
      try {
        const guilds = await checkGuilds({ ...stores, discord }, botUserId);
        return { ok: guilds.ok, lines: [...lines, ...guilds.lines] };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, lines: [...lines, `Guilds: cannot read them (${reason}).`] };
      }
    };

    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      readyFlag = false;
      inFlight.close();
      const drained = await inFlight.drain(options.drainTimeoutMs ?? 10_000);
      if (!drained) {
        log.warning("Stopping with {count} interactions still in flight", {
          count: inFlight.size,
        });
      }
      await runCleanups();
    };

    if (options.checkOnly) {
      return {
        ready: Promise.resolve(),
        httpAddress: null,
        applicationId,
        botUserId,
        commandsRegistered: false,
        stores,
        discord,
        metrics,
        rest,
        gateway: null,
        inFlight,
        check,
        stop,
      };
    }

    const released = await clearLocksOnStart(handle);
    if (released > 0) {
      log.info("Released {count} locks a stopped process left in the database", {
        count: released,
      });
    }

    // 4. Commands.
    let commandsRegistered = false;
    try {
      commandsRegistered = await registerCommands(rest, {
        applicationId,
        guildId: config.commandGuildId,
        settings: stores.settings,
        ...(options.retry === undefined ? {} : { retry: options.retry }),
      });
      if (commandsRegistered) {
        log.info("Slash commands registered ({scope})", {
          scope: config.commandGuildId === null ? "global" : `guild ${config.commandGuildId}`,
        });
      }
    } catch (error) {
      log.error("Cannot register slash commands (the previous ones stay): {error}", { error });
    }

    const dispatch = options.dispatch ?? coreDispatch;
    const runDeps: RunInteractionDeps = {
      dispatch,
      context,
      transport,
      metrics,
      ...(options.interactionDeadlineMs === undefined
        ? {}
        : { deadlineMs: options.interactionDeadlineMs }),
    };

    // 5. HTTP.
    let httpAddress: { host: string; port: number } | null = null;
    if (config.http !== null) {
      const verify = config.publicKey === null ? null : createInteractionVerifier(config.publicKey);
      const handler = createHttpHandler({
        version: VERSION,
        ready: () => readyFlag,
        checkDatabase: async () => {
          await sql`select 1`.execute(handle.db);
          return true;
        },
        gatewayState: (): GatewayState =>
          gateway === null ? "off" : stopped ? "disconnected" : gateway.state(),
        relayConfigured: config.relay !== null,
        metrics,
        interactions: verify === null ? null : { verify, run: runDeps, inFlight },
      });
      const abort = new AbortController();
      const server = serveHttp(config.http, handler, abort.signal);
      httpAddress = server.address;
      cleanups.push(async () => {
        abort.abort();
        await server.finished;
      });
    }

    // 6. Gateway.
    const events = createMessageEvents(services);
    cleanups.push(() => events.close(5_000));
    const onMessage = options.onMessage ?? events.hook;
    const deliverMessage = (event: MessageEvent) => {
      if (inFlight.closed) return;
      inFlight.track(Promise.resolve().then(() => onMessage(event, services))).catch(
        (error: unknown) => log.error("Message hook failed: {error}", { error }),
      );
    };
    let ready: Promise<void> = Promise.resolve();
    if (config.gateway) {
      const gw = createGateway(config, {
        onInteraction(raw) {
          if (inFlight.closed) return;
          const input = parseInteraction(raw);
          if (input.kind === "ping") return;
          if (input.kind === "ignored") {
            inFlight.track(answerIgnored(input, transport));
            return;
          }
          inFlight.track(runInteraction(input, runDeps));
        },
        onMessageCreate(raw) {
          const message = parseMessage(raw);
          if (message !== null) deliverMessage({ kind: "create", message, raw });
        },
        onMessageUpdate: (raw) => deliverMessage({ kind: "update", raw }),
        onMessageDelete: (raw) => deliverMessage({ kind: "delete", raw }),
        onMessageDeleteBulk: (raw) => deliverMessage({ kind: "delete_bulk", raw }),
        onStateChange: (state) => metrics.gatewayUp.set(state === "connected" ? 1 : 0),
      }, {
        rest,
        ...(options.gatewayOptions?.spawnShardDelayMs === undefined
          ? {}
          : { spawnShardDelayMs: options.gatewayOptions.spawnShardDelayMs }),
      });
      gateway = gw;
      // Closed before the REST manager and the database (cleanups run in reverse).
      cleanups.push(() => gw.stop());
      ready = gw.start();
    }
    metrics.gatewayUp.set(0);

    // 7. Reconciliation, once connected and then now and again.
    let reconcileTimer: ReturnType<typeof setInterval> | undefined;
    let reconciling: Promise<void> | null = null;
    const reconcilePass = () => {
      if (stopped || reconciling !== null) return;
      reconciling = reconcile(context, { botUserId })
        .then((summary) => log.debug("Reconciled: {summary}", { summary }))
        .catch((error: unknown) => log.error("Reconciliation failed: {error}", { error }))
        .finally(() => {
          reconciling = null;
        });
      inFlight.track(reconciling);
    };
    cleanups.push(() => clearInterval(reconcileTimer));

    ready = ready.then(() => {
      if (stopped) return;
      readyFlag = true;
      log.info(
        "ticketeer {version} ready: {mode}, database {database}, {guilds} guilds, HTTP {http}",
        {
          version: VERSION,
          mode: modeOf(config),
          database: describeTarget(config.database),
          guilds: gateway?.guildCount() ?? "unknown",
          http: httpAddress === null ? "off" : `${httpAddress.host}:${httpAddress.port}`,
        },
      );
      if (options.reconcileOnStart ?? true) reconcilePass();
      const every = options.reconcileIntervalMs === undefined
        ? 10 * 60 * 1000
        : options.reconcileIntervalMs;
      if (every !== null && every > 0) reconcileTimer = setInterval(reconcilePass, every);
    });
    ready.catch((error: unknown) => {
      log.error("Cannot connect to the gateway: {error}", { error });
    });

    if (options.signal !== undefined) {
      if (options.signal.aborted) await stop();
      else options.signal.addEventListener("abort", () => void stop(), { once: true });
    }

    return {
      ready,
      httpAddress,
      applicationId,
      botUserId,
      commandsRegistered,
      stores,
      discord,
      metrics,
      rest,
      gateway,
      inFlight,
      check,
      stop,
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

/** Answers an interaction the handlers do not take (a DM, an unreadable payload). */
async function answerIgnored(
  ignored: Extract<ParsedInteraction, { kind: "ignored" }>,
  transport: InteractionTransport,
): Promise<void> {
  const log = getLogger(["ticketeer", "interaction"]);
  log.debug("Ignoring an interaction: {reason}", { reason: ignored.reason });
  // Commands, components and modals must be answered; pings and autocomplete need not.
  if (ignored.id === null || ignored.token === null || ignored.answer !== "message") return;
  const answer = ignoredAnswer(ignored);
  if (answer.type === 8) return;
  try {
    await transport.callback(ignored.id, ignored.token, answer);
  } catch (error) {
    log.warning("Could not answer an ignored interaction: {error}", { error });
  }
}
