/**
 * `ticketeer run` (and plain `ticketeer`): connects and serves tickets until
 * SIGINT or SIGTERM (a second one exits at once), or until the gateway is lost
 * for good (exit 1).
 */
import { getLogger } from "@logtape/logtape";
import type { Config } from "../config.ts";
import { EXIT_FAILURE, EXIT_OK } from "./exit_codes.ts";
import { startOrExitCode } from "./start_app.ts";

/** The exit code of a second signal while stopping. */
const EXIT_INTERRUPTED = 130;

/** Runs the bot; resolves with the exit code once it has stopped. */
export async function runCommand(config: Config): Promise<number> {
  const log = getLogger(["ticketeer"]);
  const app = await startOrExitCode(config);
  if (typeof app === "number") return app;

  const stopped = Promise.withResolvers<void>();
  let stopping = false;
  const stopOnce = () => {
    if (stopping) return;
    stopping = true;
    app.stop().then(stopped.resolve, stopped.reject);
  };
  const onSignal = (signal: Deno.Signal) => {
    if (stopping) {
      log.warning("Second {signal}: exiting now", { signal });
      Deno.exit(EXIT_INTERRUPTED);
    }
    log.info("{signal}: finishing interactions in flight, then stopping", { signal });
    stopOnce();
  };
  // Without a gateway connection the bot cannot work: stop, and say so by the exit code.
  let exitCode = EXIT_OK;
  const lost = () => {
    exitCode = EXIT_FAILURE;
    stopOnce();
  };
  app.ready.catch(lost);
  app.failed.catch(lost);
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
