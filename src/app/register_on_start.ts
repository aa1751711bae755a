/**
 * Slash commands at startup: registered only when their definitions changed
 * (Discord allows 200 creates a day per guild); a failure keeps the previous
 * ones and is logged, never fatal.
 */
import type { RestManager } from "@discordeno/rest";
import type { Logger } from "@logtape/logtape";
import type { Config } from "../config.ts";
import type { SettingsStore } from "../core/ports.ts";
import { registerCommands } from "../discord/interactions/register_commands.ts";
import type { RetryOptions } from "../lib/retry.ts";

/** Options of `registerOnStart`. */
export interface RegisterOnStartOptions {
  config: Pick<Config, "commandGuildId">;
  applicationId: string;
  settings: Pick<SettingsStore, "meta" | "setMeta">;
  log: Logger;
  retry?: RetryOptions | undefined;
}

/** Registers the commands when they changed; true when this call overwrote them. */
export async function registerOnStart(
  rest: RestManager,
  options: RegisterOnStartOptions,
): Promise<boolean> {
  const { config, log } = options;
  try {
    const registered = await registerCommands(rest, {
      applicationId: options.applicationId,
      guildId: config.commandGuildId,
      settings: options.settings,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
    if (registered) {
      log.info("Slash commands registered ({scope})", {
        scope: config.commandGuildId === null ? "global" : `guild ${config.commandGuildId}`,
      });
    }
    return registered;
  } catch (error) {
    log.error("Cannot register slash commands (the previous ones stay): {error}", { error });
    return false;
  }
}
