/**
 * `ticketeer health`: asks a running ticketeer's `/health` (for container health
 * checks); exit 0 when it answers 200, 1 otherwise. Needs only HTTP_HOST and HTTP_PORT.
 */
import { printError, printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK } from "./exit_codes.ts";

/** Where the running ticketeer listens (the values of HTTP_HOST and HTTP_PORT, if set). */
export interface HealthTarget {
  host?: string | undefined;
  port?: string | undefined;
}

/** Prints the `/health` answer; exit 0 on 200, 1 on anything else or no answer. */
export async function healthCommand(target: HealthTarget = {}): Promise<number> {
  const host = target.host ?? "127.0.0.1";
  const port = target.port ?? "8080";
  const connectTo = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${connectTo.includes(":") ? `[${connectTo}]` : connectTo}:${port}/health`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    const body = await response.text();
    printLine(`${response.status} ${body}`);
    return response.status === 200 ? EXIT_OK : EXIT_FAILURE;
  } catch (error) {
    printError(
      `ticketeer: ${url} did not answer (${error instanceof Error ? error.message : error})`,
    );
    return EXIT_FAILURE;
  }
}
