/**
 * The REST side of startup: a discordeno REST manager, the `DiscordPort` and
 * the interaction transport over it (both counted in the metrics), and the
 * token check (`GET /users/@me`).
 */
import type { RestManager } from "@discordeno/bot";
import { applicationIdFromToken, type Config } from "../config.ts";
import { type UserId, userId } from "../core/ids.ts";
import type { DiscordPort } from "../core/ports.ts";
import type { UserRef } from "../core/interaction.ts";
import { DiscordRequestError } from "../core/discord_failure.ts";
import { createDiscordPort } from "../discord/rest/discord_port.ts";
import { createDiscordRest } from "../discord/rest/discord_rest.ts";
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
  discord: DiscordPort;
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
  const { rest, close } = createDiscordRest({
    token: config.discordToken,
    baseUrl: config.discordApiUrl,
    applicationId: config.applicationId ?? tokenAppId,
    logger: discordenoLogger("REST"),
  });
  try {
    const observe = (route: string, status: number) => {
      metrics.restRequests.inc({ route, status: String(status) });
      if (status === 0 || status >= 400) metrics.restFailures.inc({ route });
    };
    const shared = { observe, ...(options.retry === undefined ? {} : { retry: options.retry }) };
    const discord = createDiscordPort(rest, shared);
    const transport = createRestTransport(rest, shared);
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
      transport,
      bot,
      botUserId: userId(bot.id),
      applicationId: config.applicationId ?? tokenAppId ?? bot.id,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
