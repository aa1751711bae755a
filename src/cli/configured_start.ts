/**
 * What every long-running program does before its first log line: refuse an
 * invalid configuration with every problem, then set up logging, or say on
 * stderr why the log file cannot be opened.
 */
import { printError, setupLogging } from "../log.ts";
import type { LogFormat, LogLevel } from "../config.ts";

/** A parsed configuration, or every problem found in it. */
export type Parsed<C> = { ok: true; config: C } | { ok: false; problems: string[] };

/** What logging needs from a configuration. */
export interface LoggedConfig {
  log: { level: LogLevel; format: LogFormat; file: string | null };
}

/**
 * The configuration once logging runs, or null after printing why not (the
 * caller exits 2); `program` starts each line, `secrets` are scrubbed from logs.
 */
export async function configuredStart<C extends LoggedConfig>(
  program: string,
  parsed: Parsed<C>,
  options: { secrets: (config: C) => readonly string[] },
): Promise<C | null> {
  if (!parsed.ok) {
    const count = parsed.problems.length;
    printError(
      `${program}: invalid configuration (${count} problem${count === 1 ? "" : "s"}):\n${
        parsed.problems.map((p) => `  - ${p}`).join("\n")
      }\nRun ticketeer --help for every variable.`,
    );
    return null;
  }
  const { config } = parsed;
  try {
    await setupLogging({ ...config.log, secrets: options.secrets(config) });
  } catch (error) {
    printError(
      `${program}: cannot open LOG_FILE ${config.log.file}: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return null;
  }
  return config;
}
