/**
 * discordeno's REST manager as the bot uses it: pointed at a base URL, paced under
 * the global limit, with our corrections to its internals (`discordeno_patches.ts`).
 */
import { createRestManager, type RestManager } from "@discordeno/bot";
import { applicationIdFromToken } from "../../config.ts";
import { patchRestManager } from "./discordeno_patches.ts";
import { createGlobalPacer, isInteractionRoute } from "./global_pacer.ts";

/** The logger shape discordeno's managers accept. */
export type DiscordenoLogger = RestManager["logger"];

/** Options of `createDiscordRest`. */
export interface DiscordRestOptions {
  token: string;
  /** REST base URL without `/v10`, e.g. `https://discord.com/api`. */
  baseUrl: string;
  applicationId?: string | null;
  logger?: DiscordenoLogger;
  /** Give up one request after this long (default 15 s). */
  requestTimeoutMs?: number;
}

/** A REST manager and the one way to stop everything it still runs. */
export interface DiscordRest {
  rest: RestManager;
  /** Stops its timers, queues, pacer and in-flight requests (each caller's promise settles). */
  close(): void;
}

/**
 * discordeno's REST manager pointed at `baseUrl`, with its real rate-limit queue on
 * even when the URL is not Discord's (a REST proxy or a test double).
 */
export function createDiscordRest(options: DiscordRestOptions): DiscordRest {
  const rest = createRestManager({
    token: options.token,
    applicationId: options.applicationId ?? applicationIdFromToken(options.token) ?? "0",
    proxy: { baseUrl: options.baseUrl.replace(/\/+$/, "") },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  // Stay under the global limit rather than collect a global 429 for every
  // request of a burst (discordeno's queues are per route).
  const pacer = createGlobalPacer();
  const closePatches = patchRestManager(rest, {
    beforeSend: (route) => isInteractionRoute(route) ? Promise.resolve() : pacer.acquire(),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  });
  return {
    rest,
    close() {
      pacer.close();
      closePatches();
    },
  };
}
