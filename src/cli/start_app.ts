/**
 * Starting the app for a subcommand, with the operator's view of a failure:
 * one log line and the exit code that says why.
 */
import { getLogger } from "@logtape/logtape";
import type { Config } from "../config.ts";
import { type StartOptions, startTicketeer, type TicketeerApp } from "../app/start.ts";
import { InvalidTokenError } from "../app/connect_discord.ts";
import { EncryptionKeyError } from "../db/encryption/key_check.ts";
import { EXIT_BAD_TOKEN, EXIT_FAILURE, EXIT_USAGE } from "./exit_codes.ts";

/** Starts ticketeer, or logs why it cannot and returns the exit code. */
export async function startOrExitCode(
  config: Config,
  options: StartOptions = {},
): Promise<TicketeerApp | number> {
  const log = getLogger(["ticketeer"]);
  try {
    return await startTicketeer(config, options);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      log.error(
        "Discord refused the token: set DISCORD_TOKEN to the bot token from the developer portal",
      );
      return EXIT_BAD_TOKEN;
    }
    if (error instanceof EncryptionKeyError) {
      log.error("Cannot start: {error}", { error: error.message });
      return EXIT_USAGE;
    }
    log.error("Cannot start: {error}", {
      error: error instanceof Error ? error.message : String(error),
    });
    return EXIT_FAILURE;
  }
}
