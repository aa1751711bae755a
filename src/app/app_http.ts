/**
 * The app's HTTP server: `/health` reading the database and the gateway,
 * `/metrics`, `/interactions` when a public key is configured, and the web pages
 * when `PUBLIC_URL` is set.
 */
import { sql } from "kysely";
import type { Config } from "../config.ts";
import { VERSION } from "../version.ts";
import type { DatabaseHandle } from "../db/connect.ts";
import type { InFlight, RunInteractionDeps } from "../discord/interactions/run_interaction.ts";
import { createInteractionVerifier } from "../discord/interactions/verify.ts";
import {
  createHttpHandler,
  type GatewayState,
  type PacingHealth,
  serveHttp,
  type ShardHealth,
} from "../http/server.ts";
import type { Metrics } from "./metrics.ts";
import type { FieldCipher } from "../db/encryption/field_cipher.ts";

/** What the app's HTTP server reads. */
export interface AppHttpDeps {
  handle: DatabaseHandle;
  /** Seals content at rest, as the bot's own stores do. */
  cipher: FieldCipher;
  metrics: Metrics;
  run: RunInteractionDeps;
  inFlight: InFlight;
  ready(): boolean;
  gatewayState(): GatewayState;
  shards(): ShardHealth[];
  pacing: PacingHealth;
  /** The OAuth2 client id of the web pages' sign-in. */
  applicationId: string;
}

/** A listening HTTP server and how to close it. */
export interface AppHttp {
  address: { host: string; port: number };
  close(): Promise<void>;
}

/** Serves HTTP on `http` (the config's host and port). */
export async function startAppHttp(
  http: NonNullable<Config["http"]>,
  config: Pick<Config, "publicKey" | "relay" | "web" | "discordApiUrl">,
  deps: AppHttpDeps,
): Promise<AppHttp> {
  const { context } = deps.run;
  // The web pages (hono, arctic and the pages) are loaded only when they are on.
  const web = config.web === null
    ? null
    : await (await import("../web/web_app.ts")).createWebApp(config.web, {
      discordApiUrl: config.discordApiUrl,
      applicationId: deps.applicationId,
      stores: {
        ...context,
        ...(await import("../db/stores/web_stores.ts")).createWebStores(deps.handle, {
          cipher: deps.cipher,
        }),
      },
      discord: context.discord,
      clock: context.clock,
    });
  const verify = config.publicKey === null ? null : createInteractionVerifier(config.publicKey);
  const handler = createHttpHandler({
    version: VERSION,
    ready: deps.ready,
    checkDatabase: async () => {
      await sql`select 1`.execute(deps.handle.db);
      return true;
    },
    gatewayState: deps.gatewayState,
    shards: deps.shards,
    pacing: deps.pacing,
    relayConfigured: config.relay !== null,
    metrics: deps.metrics,
    interactions: verify === null ? null : { verify, run: deps.run, inFlight: deps.inFlight },
    web,
  });
  const abort = new AbortController();
  const server = serveHttp(http, handler, abort.signal);
  return {
    address: server.address,
    async close() {
      abort.abort();
      await server.finished;
    },
  };
}
