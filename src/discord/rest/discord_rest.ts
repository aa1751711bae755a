/**
 * discordeno's REST manager as the bot uses it: pointed at a base URL, with our
 * corrections to its internals (`discordeno_patches.ts`), and paced one of three
 * ways: by a budget shared through the database, by this process's own pacer,
 * or not at all behind a rate-limiting REST proxy (which owns the limits).
 */
import { createRestManager, type RestManager } from "@discordeno/rest";
import { applicationIdFromToken } from "../../config.ts";
import { patchProxiedRestManager, patchRestManager } from "./discordeno_patches.ts";
import { createGlobalPacer, type GlobalPacer, isInteractionRoute } from "./global_pacer.ts";
import { priorityOf } from "./request_priority.ts";

/** The logger shape discordeno's managers accept. */
export type DiscordenoLogger = RestManager["logger"];

/** How requests are kept under Discord's global limit, as `/health` reports it. */
export type RestPacing = "shared" | "proxy" | "alone";

/** Options of `createDiscordRest`. */
export interface DiscordRestOptions {
  token: string;
  /** REST base URL without `/v10`, e.g. `https://discord.com/api`. */
  baseUrl: string;
  applicationId?: string | null;
  logger?: DiscordenoLogger;
  /** Give up one request after this long (default 15 s). */
  requestTimeoutMs?: number;
  /**
   * `baseUrl` is a rate-limiting REST proxy: no queue, no pacer, no 429 retries
   * here. `authorization` is the header value it expects (null: the bot token).
   */
  proxy?: { authorization: string | null } | null;
  /** The budget non-interaction requests wait on (default: this process's own pacer). */
  budget?: { pacer: GlobalPacer; kind: "shared" | "alone" };
}

/** A REST manager and the one way to stop everything it still runs. */
export interface DiscordRest {
  rest: RestManager;
  /** How it stays under the global limit. */
  pacing: RestPacing;
  /** Stops its timers, queues, pacer and in-flight requests (each caller's promise settles). */
  close(): void;
}

/**
 * discordeno's REST manager pointed at `baseUrl`: with its real rate-limit queue on
 * even when the URL is not Discord's (a test double), unless `proxy` says the URL
 * is a REST proxy that owns the limits.
 */
export function createDiscordRest(options: DiscordRestOptions): DiscordRest {
  const rest = createRestManager({
    token: options.token,
    applicationId: options.applicationId ?? applicationIdFromToken(options.token) ?? "0",
    proxy: { baseUrl: options.baseUrl.replace(/\/+$/, "") },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const timeout = options.requestTimeoutMs === undefined
    ? {}
    : { timeoutMs: options.requestTimeoutMs };
  if (options.proxy !== undefined && options.proxy !== null) {
    const closeProxied = patchProxiedRestManager(rest, {
      authorization: options.proxy.authorization,
      ...timeout,
    });
    return { rest, pacing: "proxy", close: closeProxied };
  }
  // Stay under the global limit rather than collect a global 429 for every
  // request of a burst (discordeno's queues are per route).
  const budget = options.budget ?? { pacer: createGlobalPacer(), kind: "alone" as const };
  const closePatches = patchRestManager(rest, {
    beforeSend: (request) =>
      isInteractionRoute(request.route)
        ? Promise.resolve()
        : budget.pacer.acquire(priorityOf(request)),
    ...timeout,
  });
  return {
    rest,
    pacing: budget.kind,
    close() {
      budget.pacer.close();
      closePatches();
    },
  };
}
