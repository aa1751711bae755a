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
import { migrateCommand } from "./cli/migrate.ts";
import { checkCommand } from "./cli/check.ts";
import { runCommand } from "./cli/run.ts";
import { transcriptCommand } from "./cli/transcript.ts";
import { rekeyCommand } from "./cli/rekey.ts";
import { eraseCommand } from "./cli/erase.ts";
import { exportCommand } from "./cli/export.ts";
import { configFileCommand } from "./cli/config_file.ts";
import { statsCommand } from "./cli/stats.ts";

/** The subcommands that need a valid configuration, by name. */
const CONFIGURED: Record<string, (config: Config, args: string[]) => Promise<number>> = {
  run: (config) => runCommand(config),
  migrate: (config) => migrateCommand(config),
  check: (config) => checkCommand(config),
  transcript: (config, args) => transcriptCommand(config, args),
  rekey: (config, args) => rekeyCommand(config, args),
  erase: (config, args) => eraseCommand(config, args),
  export: (config, args) => exportCommand(config, args),
  config: (config, args) => configFileCommand(config, args),
  stats: (config, args) => statsCommand(config, args),
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
