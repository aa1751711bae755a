/**
 * Boots the real bot (`startTicketeer`) against a fake Discord, with a config
 * built the way `main.ts` would build it from the environment.
 */
import type { Config } from "../../src/config.ts";
import { type StartOptions, startTicketeer, type TicketeerApp } from "../../src/app.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake_discord/fake_discord.ts";
import type { FakeDiscordOptions } from "../fake_discord/fake_discord.ts";

/** How to boot: which shells, which database file. */
export interface BootOptions {
  /** SQLite file to use (default: `:memory:`). */
  databasePath?: string;
  /** Serve HTTP (health, metrics, interactions) on an ephemeral port. */
  http?: boolean;
  /** Accept signed HTTP interactions with the fake's public key (implies `http`). */
  httpInteractions?: boolean;
  /** Connect the gateway (default true). */
  gateway?: boolean;
  start?: StartOptions;
}

/** The config `main.ts` would build for this fake. */
export function configFor(fake: FakeDiscord, options: BootOptions = {}): Config {
  const http = options.http === true || options.httpInteractions === true;
  return {
    discordToken: fake.token,
    applicationId: null,
    database: { kind: "sqlite", path: options.databasePath ?? ":memory:" },
    http: http ? { host: "127.0.0.1", port: 0 } : null,
    publicKey: options.httpInteractions === true ? fake.publicKey : null,
    gateway: options.gateway ?? true,
    discordApiUrl: fake.apiUrl,
    commandGuildId: null,
    relay: null,
    log: { level: "warning", format: "text", file: null },
  };
}

/** Starts the bot and waits until it is ready (gateway connected, when on). */
export async function bootBot(fake: FakeDiscord, options: BootOptions = {}): Promise<TicketeerApp> {
  const app = await startTicketeer(configFor(fake, options), {
    gatewayOptions: { spawnShardDelayMs: 0 },
    // Reconciliation has its own tests; here it would only add REST traffic.
    reconcileOnStart: false,
    reconcileIntervalMs: null,
    ...options.start,
  });
  try {
    await app.ready;
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** A fake Discord and a bot booted against it, torn down together with `await using`. */
export interface World extends AsyncDisposable {
  fake: FakeDiscord;
  app: TicketeerApp;
}

/** Starts a fake Discord and the bot; disposing stops both and checks the fake saw no violation. */
export async function startWorld(
  options: BootOptions & { fake?: FakeDiscordOptions; setup?: (fake: FakeDiscord) => void } = {},
): Promise<World> {
  const fake = await startFakeDiscord(options.fake ?? {});
  let app: TicketeerApp;
  try {
    options.setup?.(fake);
    app = await bootBot(fake, options);
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    app,
    async [Symbol.asyncDispose]() {
      try {
        await app.stop();
      } finally {
        await fake.close();
      }
    },
  };
}

/** Waits for `promise`, failing with `what` after `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
