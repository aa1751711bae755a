/**
 * The composition root: opens the database, checks the token, registers the
 * commands, then serves HTTP and connects the gateway, with one dispatcher behind
 * both shells. `stop()` undoes it all in reverse, after the interactions in
 * flight have finished.
 */
import { getLogger } from "@logtape/logtape";
import type { Config } from "../config.ts";
import { VERSION } from "../version.ts";
import { type DatabaseHandle, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createStores } from "../db/stores/create_stores.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { checkEncryptionKey } from "../db/encryption/key_check.ts";
import { clearLocksOnStart } from "../db/clear_locks.ts";
import { logPoster } from "../core/log_posts.ts";
import { describeTarget } from "../db/target.ts";
import type { HandlerContext } from "../core/context.ts";
import { dispatch as coreDispatch } from "../core/interactions/dispatch.ts";
import { systemClock } from "../lib/system_clock.ts";
import { createMetrics } from "./metrics.ts";
import { createGateway, type Gateway } from "../discord/gateway/gateway.ts";
import { GatewayClosedError } from "../discord/gateway/gateway_closed_error.ts";
import { randomIds } from "../discord/interactions/random_ids.ts";
import { InFlight, type RunInteractionDeps } from "../discord/interactions/run_interaction.ts";
import type { AppServices, MessageEvent } from "./app_services.ts";
import { type CheckReport, describeMode, runCheck } from "./check.ts";
import { createGatewayHooks } from "./gateway_hooks.ts";
import { startAppHttp } from "./app_http.ts";
import { connectDiscord } from "./connect_discord.ts";
import { registerOnStart } from "./register_on_start.ts";
import { createMessageEvents } from "./message_events.ts";
import { createReconcileLoop } from "./reconcile_loop.ts";
import { createTicketTimersLoop, passClock } from "./ticket_timers_loop.ts";
import type { StartOptions, TicketeerApp } from "./ticketeer_app.ts";
import { createOpenLine, opensAtOnce } from "../core/tickets/open_line.ts";

export type { StartOptions, TicketeerApp };

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
    const cipher = await cipherFor(config.encryption);
    await checkEncryptionKey(handle, cipher);
    const stores = createStores(handle, { clock, cipher });
    metrics.openTickets.collectFrom(() => stores.tickets.countOpen());

    // 2. Token and application id.
    const connection = await connectDiscord(config, { metrics, retry: options.retry });
    cleanups.push(() => connection.close());
    const { rest, discord, transport, bot, botUserId, applicationId } = connection;

    const context: Omit<HandlerContext, "defer"> = {
      ...stores,
      discord,
      ids: randomIds(),
      clock,
      log: getLogger(["ticketeer", "handler"]),
      assistant: config.relay !== null,
      publicUrl: config.web?.publicUrl ?? null,
      // Log posts wait behind what a member is waiting on (channels, welcome messages, links).
      logPosts: logPoster(connection.backgroundDiscord),
      // A burst of opens does its work in the order it came, so the first channels go first.
      openLine: createOpenLine(opensAtOnce(handle.connections)),
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

    const check = (): Promise<CheckReport> =>
      runCheck({ config, stores, discord, rest, bot, applicationId, botUserId });
    const failure = Promise.withResolvers<never>();
    failure.promise.catch(() => {});

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

    // The timers' requests, like reconciliation's, give way to those a person waits on.
    const timers = createTicketTimersLoop({ ...context, discord: connection.backgroundDiscord }, {
      log,
      clock: options.clock === undefined
        ? () => passClock(() => stores.databaseClock.now())
        : () => Promise.resolve(clock),
      membersIntent: config.gateway && config.serverMembersIntent === true,
      track: (work) => inFlight.track(work),
      stopped: () => stopped,
    });
    cleanups.push(() => timers.stop());

    const base = {
      applicationId,
      botUserId,
      stores,
      discord,
      metrics,
      rest,
      inFlight,
      failed: failure.promise,
      check,
      runTimers: () => timers.pass(),
      stop,
    };
    if (options.checkOnly) {
      return {
        ...base,
        ready: Promise.resolve(),
        httpAddress: null,
        commandsRegistered: false,
        gateway: null,
      };
    }

    const released = await clearLocksOnStart(handle);
    if (released > 0) {
      log.info("Released {count} locks a stopped process left in the database", {
        count: released,
      });
    }

    // 4. Commands.
    const commandsRegistered = await registerOnStart(rest, {
      config,
      applicationId,
      settings: stores.settings,
      log,
      retry: options.retry,
    });

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
      const http = await startAppHttp(config.http, config, {
        handle,
        cipher,
        applicationId,
        metrics,
        run: runDeps,
        inFlight,
        ready: () => readyFlag,
        gatewayState: () => gateway === null ? "off" : stopped ? "disconnected" : gateway.state(),
        shards: () =>
          gateway?.shards().map((shard) => ({ ...shard, state: shard.state.toLowerCase() })) ?? [],
        pacing: connection.pacing,
      });
      httpAddress = http.address;
      cleanups.push(() => http.close());
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
      // The one line an operator reads; `ready` rejects with the same error when not yet up.
      const onFatalClose = (error: GatewayClosedError) => {
        log.error("{error}", { error: error.message });
        failure.reject(error);
      };
      const hooks = createGatewayHooks({
        run: runDeps,
        transport,
        inFlight,
        settings: stores.settings,
        retention: stores.retention,
        metrics,
        deliverMessage,
        onFatalClose,
      });
      const gw = createGateway(config, hooks, {
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

    // 7. Reconciliation, once connected and then now and again; its requests give
    // way to those a person waits on.
    const reconciler = createReconcileLoop({ ...context, discord: connection.backgroundDiscord }, {
      botUserId,
      log,
      track: (work) => inFlight.track(work),
      stopped: () => stopped,
    });
    cleanups.push(() => reconciler.stop());

    ready = ready.then(() => {
      if (stopped) return;
      readyFlag = true;
      log.info(
        "ticketeer {version} ready: {mode}, database {database}, {guilds} guilds, HTTP {http}",
        {
          version: VERSION,
          mode: describeMode(config),
          database: describeTarget(config.database),
          guilds: gateway?.guildCount() ?? "unknown",
          http: httpAddress === null ? "off" : `${httpAddress.host}:${httpAddress.port}`,
        },
      );
      if (options.reconcileOnStart ?? true) reconciler.pass();
      const every = options.reconcileIntervalMs === undefined
        ? 10 * 60 * 1000
        : options.reconcileIntervalMs;
      if (every !== null && every > 0) reconciler.every(every);
      const tick = options.timersIntervalMs === undefined ? 60_000 : options.timersIntervalMs;
      if (tick !== null && tick > 0) timers.every(tick);
    });
    ready.catch((error: unknown) => {
      if (error instanceof GatewayClosedError) return; // onFatalClose said why
      log.error("Cannot connect to the gateway: {error}", { error });
    });

    if (options.signal !== undefined) {
      if (options.signal.aborted) await stop();
      else options.signal.addEventListener("abort", () => void stop(), { once: true });
    }

    return { ...base, ready, httpAddress, commandsRegistered, gateway };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}
