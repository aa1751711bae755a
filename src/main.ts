/**
 * The entry point: reads the environment and arguments (the only module that
 * does), validates configuration, sets up logging and runs a subcommand from
 * `cli/`.
 *
 * Exit codes: 0 done, 1 failure, 2 invalid configuration or usage, 3 Discord
 * refused the token.
 */
import { getLogger } from "@logtape/logtape";
import { type Config, parseConfig } from "./config.ts";
import { closeLogging, printError } from "./log.ts";
import { configuredStart } from "./cli/configured_start.ts";
import { EXIT_FAILURE, EXIT_USAGE } from "./cli/exit_codes.ts";
import { helpCommand, versionCommand, wantsHelp, wantsVersion } from "./cli/help.ts";
import { healthCommand } from "./cli/health.ts";

/**
 * The subcommands that need a valid configuration, by name. Each is loaded when
 * it runs: a process runs one, and the code of the others would only take memory.
 */
const CONFIGURED: Record<string, (config: Config, args: string[]) => Promise<number>> = {
  run: async (config) => (await import("./cli/run.ts")).runCommand(config),
  migrate: async (config) => (await import("./cli/migrate.ts")).migrateCommand(config),
  check: async (config) => (await import("./cli/check.ts")).checkCommand(config),
  transcript: async (config, args) =>
    (await import("./cli/transcript.ts")).transcriptCommand(config, args),
  rekey: async (config, args) => (await import("./cli/rekey.ts")).rekeyCommand(config, args),
  erase: async (config, args) => (await import("./cli/erase.ts")).eraseCommand(config, args),
  export: async (config, args) => (await import("./cli/export.ts")).exportCommand(config, args),
  config: async (config, args) =>
    (await import("./cli/config_file.ts")).configFileCommand(config, args),
  stats: async (config, args) => (await import("./cli/stats.ts")).statsCommand(config, args),
};

async function main(args: string[]): Promise<number> {
  if (wantsHelp(args)) return helpCommand();
  if (wantsVersion(args)) return versionCommand();
  const subcommand = args[0] ?? "run";
  if (subcommand === "health") {
    return await healthCommand({
      host: Deno.env.get("HTTP_HOST"),
      port: Deno.env.get("HTTP_PORT"),
    });
  }
  // The assistant service needs no Discord token: it reads its own variables.
  if (subcommand === "assistant") {
    const { assistantCommand } = await import("./assistant/assistant_command.ts");
    return await assistantCommand(Deno.env.toObject());
  }
  const command = Object.hasOwn(CONFIGURED, subcommand) ? CONFIGURED[subcommand] : undefined;
  if (command === undefined) {
    printError(`ticketeer: unknown command "${args[0]}". Run ticketeer --help for usage.`);
    return EXIT_USAGE;
  }

  const config = await configuredStart("ticketeer", parseConfig(Deno.env.toObject()), {
    secrets: (config) => [config.discordToken, config.relay?.secret ?? ""],
  });
  if (config === null) return EXIT_USAGE;
  try {
    return await command(config, args.slice(1));
  } catch (error) {
    // An operator reads one line that says why, not a stack trace.
    getLogger(["ticketeer"]).error("ticketeer {subcommand} failed: {error}", {
      subcommand,
      error: error instanceof Error ? error.message : String(error),
    });
    return EXIT_FAILURE;
  } finally {
    await closeLogging();
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
