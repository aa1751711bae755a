/**
 * `ticketeer assistant`: validates the assistant's configuration (exit 2 with
 * every problem), sets up logging, serves until SIGINT/SIGTERM, then exits 0.
 */
import { getLogger } from "@logtape/logtape";
import { closeLogging } from "../log.ts";
import { configuredStart } from "../cli/configured_start.ts";
import { parseAssistantConfig } from "./assistant_config.ts";
import { startAssistant } from "./start_assistant.ts";

/** Runs the assistant service with configuration from `env`; returns the exit code. */
export async function assistantCommand(
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const config = await configuredStart("ticketeer assistant", parseAssistantConfig(env), {
    secrets: (config) => [config.secret, config.model?.apiKey ?? ""],
  });
  if (config === null) return 2;
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
