/**
 * The REST side of startup: a discordeno REST manager paced by the shared budget
 * (PostgreSQL, MySQL), this process alone (SQLite) or a REST proxy; the
 * `DiscordPort` (and a background one that gives way to it) and the interaction
 * transport over it (all counted in the metrics); and the token check
 * (`GET /users/@me`).
 */
import type { RestManager } from "@discordeno/rest";
import { getLogger } from "@logtape/logtape";
import { applicationIdFromToken, type Config } from "../config.ts";
import { type UserId, userId } from "../core/ids.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import type { UserRef } from "../core/interaction.ts";
import { DiscordRequestError } from "../core/discord_failure.ts";
import { createDiscordPort } from "../discord/rest/discord_port.ts";
import {
  createDiscordRest,
  type DiscordRestOptions,
  type RestPacing,
} from "../discord/rest/discord_rest.ts";
import type { SharedBudget } from "../discord/rest/shared_budget.ts";
import { discordenoLogger } from "../discord/gateway/gateway.ts";
import { createRestTransport } from "../discord/rest/rest_transport.ts";
import type { RetryOptions } from "../lib/retry.ts";
import type { InteractionTransport } from "../discord/interactions/interaction_transport.ts";
import type { Metrics } from "./metrics.ts";

/** Discord refused the bot token (401): the operator must fix `DISCORD_TOKEN`. */
export class InvalidTokenError extends Error {
  constructor(message = "Discord refused the bot token (401 Unauthorized)") {
    super(message);
    this.name = "InvalidTokenError";
  }
}

/** Discord, reached and the token accepted. */
export interface DiscordConnection {
  rest: RestManager;
  /** For requests a person waits on. */
  discord: DiscordPort;
  /** For work nobody waits on (reconciliation, retention): gives way to `discord`. */
  backgroundDiscord: DiscordPort;
  /** How requests stay under Discord's global limit. */
  pacing: RestPacing;
  transport: InteractionTransport;
  bot: UserRef;
  botUserId: UserId;
  applicationId: string;
  /** Closes the REST manager. */
  close(): Promise<void> | void;
}

/** Builds the REST side and checks the token; throws `InvalidTokenError` when Discord refuses it. */
export async function connectDiscord(
  config: Config,
  options: { metrics: Metrics; retry?: RetryOptions | undefined },
): Promise<DiscordConnection> {
  const { metrics } = options;
  const tokenAppId = applicationIdFromToken(config.discordToken);
  if (tokenAppId === null && config.applicationId === null) {
    throw new InvalidTokenError("The bot token is malformed: it does not start with a bot id");
  }
  // Behind a proxy the proxy owns the limits; on a server database every process
  // takes from one budget kept there; on SQLite (one process) it paces alone, and
  // the budget's code (and its database driver) is never loaded.
  let shared: SharedBudget | null = null;
  let budget: DiscordRestOptions["budget"];
  if (config.apiProxy === null && config.database.kind !== "sqlite") {
    const { createSharedBudget } = await import("../discord/rest/shared_budget.ts");
    shared = await createSharedBudget(config.database, {
      log: getLogger(["ticketeer", "rest"]),
    });
    budget = { pacer: shared, kind: "shared" };
  }
  const { rest, pacing, close: closeRest } = createDiscordRest({
    token: config.discordToken,
    baseUrl: config.discordApiUrl,
    applicationId: config.applicationId ?? tokenAppId,
    logger: discordenoLogger("REST"),
    proxy: config.apiProxy,
    ...(budget === undefined ? {} : { budget }),
  });
  const close = async () => {
    closeRest();
    await shared?.end();
  };
  try {
    const observe = (route: string, status: number) => {
      metrics.restRequests.inc({ route, status: String(status) });
      if (status === 0 || status >= 400) metrics.restFailures.inc({ route });
    };
    const common = {
      observe,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      // A request the proxy took may have reached Discord: retry only its 5xx answers.
      ...(pacing === "proxy" ? { retryUnanswered: false } : {}),
    };
    const discord = createDiscordPort(rest, common);
    const backgroundDiscord = createDiscordPort(rest, { ...common, priority: "background" });
    const transport = createRestTransport(rest, common);
    let bot: UserRef;
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
    return {
      rest,
      discord,
      backgroundDiscord,
      pacing,
      transport,
      bot,
      botUserId: userId(bot.id),
      applicationId: config.applicationId ?? tokenAppId ?? bot.id,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
