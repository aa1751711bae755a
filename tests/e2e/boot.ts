/**
 * Boots the real bot (`startTicketeer`) against a fake Discord, with a config
 * built the way `main.ts` would build it from the environment.
 */
import type { Config } from "../../src/config.ts";
import { type StartOptions, startTicketeer, type TicketeerApp } from "../../src/app/start.ts";
import type { DatabaseTarget } from "../../src/db/target.ts";
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  startFakeDiscord,
} from "../fake_discord/fake_discord.ts";
import { isolateForApp, type TestDialect } from "../fixtures/dialects.ts";

/** How to boot: which shells, which database. */
export interface BootOptions {
  /** The database (default: SQLite in `databasePath`). */
  database?: DatabaseTarget;
  /** SQLite file to use when no `database` is given (default: `:memory:`). */
  databasePath?: string;
  /** Serve HTTP (health, metrics, interactions) on an ephemeral port. */
  http?: boolean;
  /** The HTTP port instead of an ephemeral one (the web pages need to know it before the start). */
  httpPort?: number;
  /** Accept signed HTTP interactions with the fake's public key (implies `http`). */
  httpInteractions?: boolean;
  /** Connect the gateway (default true). */
  gateway?: boolean;
  /** The web pages (`PUBLIC_URL` and its secrets); default off. */
  web?: Config["web"];
  /** The assistant relay (`RELAY_URL`, `RELAY_SECRET`, `RELAY_TIMEOUT_MS`); default off. */
  relay?: Config["relay"];
  /** `SERVER_MEMBERS_INTENT=on` (default off). */
  serverMembersIntent?: boolean;
  start?: StartOptions;
}

/** The config `main.ts` would build for this fake. */
export function configFor(fake: FakeDiscord, options: BootOptions = {}): Config {
  const http = options.http === true || options.httpInteractions === true;
  return {
    discordToken: fake.token,
    applicationId: null,
    database: options.database ?? { kind: "sqlite", path: options.databasePath ?? ":memory:" },
    http: http ? { host: "127.0.0.1", port: options.httpPort ?? 0 } : null,
    publicKey: options.httpInteractions === true ? fake.publicKey : null,
    gateway: options.gateway ?? true,
    discordApiUrl: fake.apiUrl,
    commandGuildId: null,
    relay: options.relay ?? null,
    log: { level: "warning", format: "text", file: null },
    shards: null,
    apiProxy: null,
    web: options.web ?? null,
    ...(options.serverMembersIntent === true ? { serverMembersIntent: true } : {}),
  };
}

/** Start options for tests: no pause between shards and no reconciliation, then `extra`. */
export function testStartOptions(extra: StartOptions = {}): StartOptions {
  return {
    gatewayOptions: { spawnShardDelayMs: 0 },
    // Reconciliation has its own tests; elsewhere it would only add REST traffic.
    reconcileOnStart: false,
    reconcileIntervalMs: null,
    // The timers have their own tests (`app.runTimers()` runs a pass when one wants it).
    timersIntervalMs: null,
    ...extra,
  };
}

/** Starts the bot and waits until it is ready (gateway connected, when on). */
export async function bootBot(fake: FakeDiscord, options: BootOptions = {}): Promise<TicketeerApp> {
  const app = await startTicketeer(configFor(fake, options), testStartOptions(options.start));
  try {
    await app.ready;
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** `http://host:port` of the bot's HTTP server. */
export function httpOrigin(app: TicketeerApp): string {
  const address = app.httpAddress;
  if (address === null) throw new TypeError("Cannot reach the bot over HTTP: its server is off");
  return `http://${address.host}:${address.port}`;
}

/** A fake Discord and a bot booted against it, torn down together with `await using`. */
export interface World extends AsyncDisposable {
  fake: FakeDiscord;
  /** The running bot (a new one after `restart()`). */
  readonly app: TicketeerApp;
  /** The config every boot of this world uses. */
  config: Config;
  /**
   * Stops the bot (unless already stopped) and boots a new one on the same config
   * and database, with `start` over the world's start options.
   */
  restart(start?: StartOptions): Promise<TicketeerApp>;
}

/** How to start a world: the boot, the fake's options, and the database. */
export interface WorldOptions extends BootOptions {
  fake?: FakeDiscordOptions;
  /** Runs on the fake before the bot boots. */
  setup?: (fake: FakeDiscord) => void;
  /** Boot on a fresh isolated database of this dialect, dropped with the world. */
  dialect?: TestDialect;
}

/**
 * Starts a fake Discord and the bot; disposing stops both, drops an isolated
 * database, and checks nothing was left running.
 */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const cleanups: Array<() => Promise<void>> = [];
  /** Runs every cleanup, newest first, even after one fails; throws the first failure. */
  const cleanUp = async () => {
    let failure: { error: unknown } | null = null;
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== null) throw failure.error;
  };
  try {
    let boot: BootOptions = options;
    if (options.dialect !== undefined) {
      const database = await isolateForApp(options.dialect);
      cleanups.push(() => database.drop());
      boot = { ...options, database: database.target };
    }
    const fake = await startFakeDiscord(options.fake ?? {});
    cleanups.push(() => fake.close());
    options.setup?.(fake);
    let app = await bootBot(fake, boot);
    cleanups.push(() => app.stop());
    return {
      fake,
      get app() {
        return app;
      },
      config: configFor(fake, boot),
      async restart(start = {}) {
        await app.stop();
        app = await bootBot(fake, { ...boot, start: { ...boot.start, ...start } });
        return app;
      },
      [Symbol.asyncDispose]: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
