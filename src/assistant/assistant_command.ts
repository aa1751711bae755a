/**
 * `ticketeer assistant`: validates the assistant's configuration (exit 2 with
 * every problem), sets up logging, serves until SIGINT/SIGTERM, then exits 0.
 */
import { getLogger } from "@logtape/logtape";
import { closeLogging, printError, setupLogging } from "../log.ts";
import { parseAssistantConfig } from "./assistant_config.ts";
import { startAssistant } from "./start_assistant.ts";

/** Runs the assistant service with configuration from `env`; returns the exit code. */
export async function assistantCommand(
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const parsed = parseAssistantConfig(env);
  if (!parsed.ok) {
    const count = parsed.problems.length;
    printError(
      `ticketeer assistant: invalid configuration (${count} problem${count === 1 ? "" : "s"}):\n${
        parsed.problems.map((p) => `  - ${p}`).join("\n")
      }\nRun ticketeer --help for every variable.`,
    );
    return 2;
  }
  const { config } = parsed;
  try {
    await setupLogging({
      level: config.log.level,
      format: config.log.format,
      file: config.log.file,
      secrets: [config.secret, config.model?.apiKey ?? ""],
    });
  } catch (error) {
    printError(
      `ticketeer assistant: cannot open LOG_FILE ${config.log.file}: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return 2;
  }
  const log = getLogger(["ticketeer", "assistant"]);
  try {
    let running;
    try {
      running = await startAssistant(config);
    } catch (error) {
      log.error("Cannot start the assistant: {error}", {
        error: error instanceof Error ? error.message : String(error),
      });
      return 1;
    }
    const stop = Promise.withResolvers<Deno.Signal>();
    const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
    const listeners = signals.map((signal) => {
      const listener = () => stop.resolve(signal);
      Deno.addSignalListener(signal, listener);
      return [signal, listener] as const;
    });
    const signal = await stop.promise;
    log.info("{signal}: finishing requests in flight, then stopping", { signal });
    for (const [name, listener] of listeners) Deno.removeSignalListener(name, listener);
    await running.close();
    log.info("Stopped");
    return 0;
  } finally {
    await closeLogging();
  }
}
