/**
 * The app's HTTP server: `/health` reading the database and the gateway,
 * `/metrics`, and `/interactions` when a public key is configured.
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

/** What the app's HTTP server reads. */
export interface AppHttpDeps {
  handle: DatabaseHandle;
  metrics: Metrics;
  run: RunInteractionDeps;
  inFlight: InFlight;
  ready(): boolean;
  gatewayState(): GatewayState;
  shards(): ShardHealth[];
  pacing: PacingHealth;
}

/** A listening HTTP server and how to close it. */
export interface AppHttp {
  address: { host: string; port: number };
  close(): Promise<void>;
}

/** Serves HTTP on `http` (the config's host and port). */
export function startAppHttp(
  http: NonNullable<Config["http"]>,
  config: Pick<Config, "publicKey" | "relay">,
  deps: AppHttpDeps,
): AppHttp {
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
