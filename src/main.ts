/**
 * The entry point: reads the environment and arguments (the only module that
 * does), validates configuration, sets up logging and runs a subcommand.
 *
 * Exit codes: 0 done, 1 failure, 2 invalid configuration or usage, 3 Discord
 * refused the token.
 */
import { getLogger } from "@logtape/logtape";
import { type Config, helpText, parseConfig } from "./config.ts";
import { closeLogging, printError, printLine, setupLogging } from "./log.ts";
import { VERSION } from "./version.ts";
import { openDatabase } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { describeTarget } from "./db/target.ts";
import { InvalidTokenError, startTicketeer } from "./app/start.ts";
import { transcriptCommand } from "./cli/transcript.ts";
import { assistantCommand } from "./assistant/assistant_command.ts";
import { assistantHelpText } from "./assistant/assistant_config.ts";

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const EXIT_BAD_TOKEN = 3;

type Subcommand = "run" | "migrate" | "check" | "transcript" | "health" | "assistant";
const SUBCOMMANDS: readonly Subcommand[] = [
  "run",
  "migrate",
  "check",
  "transcript",
  "health",
  "assistant",
];

async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h") || args[0] === "help") {
    printLine(helpText(VERSION));
    printLine(assistantHelpText());
    return 0;
  }
  if (args.includes("--version") || args.includes("-V")) {
    printLine(`ticketeer ${VERSION}`);
    return 0;
  }
  const subcommand = (args[0] ?? "run") as Subcommand;
  if (!SUBCOMMANDS.includes(subcommand)) {
    printError(`ticketeer: unknown command "${args[0]}". Run ticketeer --help for usage.`);
    return EXIT_USAGE;
  }

  if (subcommand === "health") {
    return await health(Deno.env.get("HTTP_HOST"), Deno.env.get("HTTP_PORT"));
  }
  // The assistant service needs no Discord token: it reads its own variables.
  if (subcommand === "assistant") return await assistantCommand(Deno.env.toObject());

  const parsed = parseConfig(Deno.env.toObject());
  if (!parsed.ok) {
    printError(
      `ticketeer: invalid configuration (${parsed.problems.length} problem${
        parsed.problems.length === 1 ? "" : "s"
      }):\n${
        parsed.problems.map((p) => `  - ${p}`).join("\n")
      }\nRun ticketeer --help for every variable.`,
    );
    return EXIT_USAGE;
  }
  const config = parsed.config;
  try {
    await setupLogging({
      level: config.log.level,
      format: config.log.format,
      file: config.log.file,
      secrets: [config.discordToken, config.relay?.secret ?? ""],
    });
  } catch (error) {
    printError(
      `ticketeer: cannot open LOG_FILE ${config.log.file}: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return EXIT_USAGE;
  }
  try {
    switch (subcommand) {
      case "migrate":
        return await migrate(config);
      case "transcript":
        return await transcriptCommand(config, args.slice(1));
      case "check":
      case "run":
        return await run(config, subcommand === "check");
    }
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

/**
 * Asks a running ticketeer's `/health` (for container health checks): exit 0 when it
 * answers 200, 1 otherwise. Reads only HTTP_HOST and HTTP_PORT.
 */
async function health(host = "127.0.0.1", port = "8080"): Promise<number> {
  const target = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${target.includes(":") ? `[${target}]` : target}:${port}/health`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    const body = await response.text();
    printLine(`${response.status} ${body}`);
    return response.status === 200 ? 0 : EXIT_FAILURE;
  } catch (error) {
    printError(
      `ticketeer: ${url} did not answer (${error instanceof Error ? error.message : error})`,
    );
    return EXIT_FAILURE;
  }
}

async function migrate(config: Config): Promise<number> {
  const log = getLogger(["ticketeer", "db"]);
  const handle = await openDatabase(config.database);
  try {
    const summary = await migrateToLatest(handle);
    log.info("Database {database} is up to date ({summary})", {
      database: describeTarget(config.database),
      summary,
    });
    return 0;
  } finally {
    await handle.close();
  }
}

async function run(config: Config, checkOnly: boolean): Promise<number> {
  const log = getLogger(["ticketeer"]);
  let app;
  try {
    app = await startTicketeer(config, { checkOnly });
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      log.error(
        "Discord refused the token: set DISCORD_TOKEN to the bot token from the developer portal",
      );
      return EXIT_BAD_TOKEN;
    }
    log.error("Cannot start: {error}", {
      error: error instanceof Error ? error.message : String(error),
    });
    return EXIT_FAILURE;
  }
  if (checkOnly) {
    const report = await app.check();
    for (const line of report.lines) printLine(line);
    await app.stop();
    return report.ok ? 0 : EXIT_FAILURE;
  }

  const stopped = Promise.withResolvers<void>();
  let stopping = false;
  const onSignal = (signal: Deno.Signal) => {
    if (stopping) {
      log.warning("Second {signal}: exiting now", { signal });
      Deno.exit(130);
    }
    stopping = true;
    log.info("{signal}: finishing interactions in flight, then stopping", { signal });
    app.stop().then(stopped.resolve, stopped.reject);
  };
  // Without a gateway connection the bot cannot work: stop, and say so by the exit code.
  let exitCode = 0;
  app.ready.catch(() => {
    exitCode = EXIT_FAILURE;
    if (stopping) return;
    stopping = true;
    app.stop().then(stopped.resolve, stopped.reject);
  });
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  const listeners = signals.map((signal) => {
    const listener = () => onSignal(signal);
    Deno.addSignalListener(signal, listener);
    return [signal, listener] as const;
  });
  await stopped.promise;
  for (const [signal, listener] of listeners) Deno.removeSignalListener(signal, listener);
  log.info("Stopped");
  return exitCode;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
