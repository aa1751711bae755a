/**
 * Logging setup: LogTape with text or JSON lines on the console, an optional
 * size-rotated file, one category per subsystem (`["ticketeer", "<subsystem>"]`),
 * and redaction of every secret from the final formatted line. This is the only
 * module that writes to the console.
 */
import {
  configure,
  getConsoleSink,
  getJsonLinesFormatter,
  getTextFormatter,
  type LogLevel as LogTapeLevel,
  reset,
  type Sink,
  type TextFormatter,
} from "@logtape/logtape";
import { redactByField, redactByPattern, type RedactionPattern } from "@logtape/redaction";
import { dirname } from "node:path";
import type { LogFormat, LogLevel } from "./config.ts";

export interface LogOptions {
  level: LogLevel;
  format: LogFormat;
  file: string | null;
  /** Exact secret values (bot token, relay secret) to scrub wherever they appear. */
  secrets: readonly string[];
  /** Rotate the file at this size (bytes) and keep this many old files. */
  maxFileBytes?: number;
  maxFiles?: number;
  /** Extra sink (tests capture lines with it). */
  extraSink?: (line: string) => void;
}

const REDACTED = "[redacted]";

/** Patterns for secrets whose value the process does not know in advance. */
export function secretPatterns(secrets: readonly string[]): RedactionPattern[] {
  const exact = secrets.filter((s) => s.length >= 6).map((secret): RedactionPattern => ({
    pattern: new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"),
    replacement: REDACTED,
  }));
  return [
    ...exact,
    // Bot tokens: three base64url parts, the first the bot's id in base64.
    {
      pattern: /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g,
      replacement: REDACTED,
    },
    // Interaction tokens begin with base64("interaction:").
    { pattern: /aW50ZXJhY3Rpb246[A-Za-z0-9_\-.]+/g, replacement: REDACTED },
    // Tokens inside webhook and interaction-callback routes.
    {
      pattern: /(\/webhooks\/\d+\/)[^/\s"?\\]+/g,
      replacement: (_m: string, prefix: string) => `${prefix}${REDACTED}`,
    },
    {
      pattern: /(\/interactions\/\d+\/)[^/\s"?\\]+/g,
      replacement: (_m: string, prefix: string) => `${prefix}${REDACTED}`,
    },
    // Authorization headers.
    { pattern: /(Bot|Bearer) [A-Za-z0-9_\-.]{20,}/g, replacement: `$1 ${REDACTED}` },
  ];
}

/** Field names whose values never reach a sink. */
const SECRET_FIELDS = [/token/i, /secret/i, /password/i, /authorization/i, /signature/i];

function toLogTapeLevel(level: LogLevel): LogTapeLevel {
  return level;
}

/** Configures LogTape for the whole process; call once from `main.ts`. */
export async function setupLogging(options: LogOptions): Promise<void> {
  const patterns = secretPatterns(options.secrets);
  const text = options.format === "json"
    ? getJsonLinesFormatter()
    // "bare": strings read as written (`ready: gateway`, not `ready: "gateway"`); control
    // characters are still escaped, so a value cannot forge a log line.
    : getTextFormatter({ timestamp: "date-time-tz", category: ".", value: "bare" });
  const formatter: TextFormatter = redactByPattern(text, patterns);
  const sinks: Record<string, Sink> = {
    console: redactByField(
      getConsoleSink({ formatter }),
      { fieldPatterns: SECRET_FIELDS, action: () => REDACTED },
    ),
  };
  if (options.file !== null) {
    // Loaded only with LOG_FILE: without it the file sink's code would only take memory.
    const { getRotatingFileSink } = await import("@logtape/file");
    const directory = dirname(options.file);
    if (directory !== "") await Deno.mkdir(directory, { recursive: true });
    sinks.file = redactByField(
      getRotatingFileSink(options.file, {
        formatter,
        maxSize: options.maxFileBytes ?? 10 * 1024 * 1024,
        maxFiles: options.maxFiles ?? 5,
        // Unbuffered, so the size limit holds exactly and no line is lost on a crash.
        bufferSize: 0,
      }),
      { fieldPatterns: SECRET_FIELDS, action: () => REDACTED },
    );
  }
  if (options.extraSink !== undefined) {
    const write = options.extraSink;
    sinks.extra = redactByField(
      (record) => write(formatter(record)),
      { fieldPatterns: SECRET_FIELDS, action: () => REDACTED },
    );
  }
  await configure({
    reset: true,
    sinks,
    loggers: [
      {
        category: ["ticketeer"],
        lowestLevel: toLogTapeLevel(options.level),
        sinks: Object.keys(sinks),
      },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: Object.keys(sinks) },
    ],
  });
}

/** Flushes and closes the sinks (file handles included). */
export async function closeLogging(): Promise<void> {
  await reset();
}

/** Writes a line straight to stderr, for messages before logging is set up. */
export function printError(line: string): void {
  // deno-lint-ignore no-console
  console.error(line);
}

/** Writes a line straight to stdout (help, version, command output). */
export function printLine(line: string): void {
  // deno-lint-ignore no-console
  console.log(line);
}
