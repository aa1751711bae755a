/**
 * `ticketeer check`: configuration, database, token, the Message Content intent
 * and each guild's missing permissions, without connecting the gateway.
 */
import type { Config } from "../config.ts";
import { printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK } from "./exit_codes.ts";
import { startOrExitCode } from "./start_app.ts";

/** Prints the check report; exit 0 when nothing is wrong, 1 otherwise. */
export async function checkCommand(config: Config): Promise<number> {
  const app = await startOrExitCode(config, { checkOnly: true });
  if (typeof app === "number") return app;
  try {
    const report = await app.check();
    for (const line of report.lines) printLine(line);
    return report.ok ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await app.stop();
  }
}
