/** discordeno's loggers (REST, gateway, bot) written to LogTape. */
import { getLogger } from "@logtape/logtape";
import type { DiscordenoLogger } from "../rest/discord_rest.ts";

function formatArgs(args: unknown[]): { text: string; error: Error | null } {
  let error: Error | null = null;
  const parts = args.map((arg) => {
    if (typeof arg === "string") return arg;
    if (arg instanceof Error) {
      error ??= arg;
      return arg.message;
    }
    return Deno.inspect(arg, { depth: 3, breakLength: Infinity, compact: true });
  });
  return { text: parts.join(" "), error };
}

/**
 * A discordeno logger that writes to LogTape under `["ticketeer", "discordeno",
 * name]`. discordeno passes several arguments per call (text, then objects),
 * so they are joined into one message.
 */
export function discordenoLogger(name: string): DiscordenoLogger {
  const log = getLogger(["ticketeer", "discordeno", name.toLowerCase()]);
  const emit =
    (level: "debug" | "info" | "warning" | "error" | "fatal") => (...args: unknown[]) => {
      // discordeno logs every REST request at debug level with its payload:
      // formatting that when nobody reads it costs more than the request itself.
      if (!log.isEnabledFor(level)) return;
      const { text, error } = formatArgs(args);
      const props = error === null ? {} : { error };
      log[level]("{text}", { text, ...props });
    };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warning"),
    error: emit("error"),
    fatal: emit("fatal"),
  } as DiscordenoLogger;
}
