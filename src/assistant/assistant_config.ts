/**
 * Configuration of `ticketeer assistant` from environment variables. Like the
 * bot's `parseConfig`, `parseAssistantConfig` is pure: it returns a typed config
 * or every problem found at once. It needs no Discord token.
 */
import type { LogFormat, LogLevel } from "../config.ts";
import type { VariableDoc } from "../cli/help_text.ts";
import { envReader, httpUrl, wholeNumber } from "../lib/env_values.ts";

/** Phrases that make the assistant hand a ticket over to staff, unless configured. */
export const DEFAULT_HANDOFF_PHRASES: readonly string[] = [
  "human",
  "real person",
  "talk to staff",
  "speak to staff",
  "talk to someone",
  "agent",
  "operator",
];

/** The model the assistant asks, when one is configured. */
export interface ModelConfig {
  /** Base URL of an OpenAI-compatible API, without a trailing slash (`.../v1`). */
  url: string;
  model: string;
  apiKey: string | null;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
}

export interface AssistantConfig {
  host: string;
  port: number;
  /** `RELAY_SECRET`: the key every relay request is signed with. */
  secret: string;
  model: ModelConfig | null;
  /** `ASSISTANT_PROMPT` as given: a system prompt, or the path of a file holding one. */
  prompt: string | null;
  /** SQLite file of the conversations kept per ticket (`:memory:` allowed). */
  database: string;
  /** Folder of Markdown documents; null answers from no documents. */
  docs: string | null;
  handoffPhrases: string[];
  log: { level: LogLevel; format: LogFormat; file: string | null };
}

/** Every variable `ticketeer assistant` reads, with its default and meaning. */
export const ASSISTANT_VARIABLES: readonly VariableDoc[] = [
  { name: "ASSISTANT_HOST", default: "127.0.0.1", meaning: "address the assistant listens on" },
  { name: "ASSISTANT_PORT", default: "8000", meaning: "port the assistant listens on" },
  { name: "RELAY_SECRET", default: "required", meaning: "the bot's relay signing key" },
  {
    name: "ASSISTANT_MODEL_URL",
    default: "unset",
    meaning: "OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1",
  },
  { name: "ASSISTANT_MODEL", default: "unset", meaning: "model name (with ASSISTANT_MODEL_URL)" },
  { name: "ASSISTANT_API_KEY", default: "unset", meaning: "Bearer key for the model API" },
  {
    name: "ASSISTANT_MODEL_TIMEOUT_MS",
    default: "4000",
    meaning: "model timeout per attempt (two attempts)",
  },
  { name: "ASSISTANT_PROMPT", default: "built in", meaning: "system prompt, or a file with one" },
  {
    name: "ASSISTANT_DATABASE",
    default: "./data/assistant.db",
    meaning: "SQLite file of recent turns per ticket",
  },
  { name: "ASSISTANT_DOCS", default: "unset", meaning: "folder of Markdown documents" },
  {
    name: "ASSISTANT_HANDOFF_PHRASES",
    default: DEFAULT_HANDOFF_PHRASES.join(","),
    meaning: "comma-separated phrases that hand over to staff",
  },
];

export type AssistantConfigResult =
  | { ok: true; config: AssistantConfig }
  | { ok: false; problems: string[] };

const LOG_LEVELS: readonly string[] = ["debug", "info", "warning", "error"];

/** Reads every variable in `ASSISTANT_VARIABLES` (and `LOG_*`) from `env` and validates it. */
export function parseAssistantConfig(
  env: Readonly<Record<string, string | undefined>>,
): AssistantConfigResult {
  const problems: string[] = [];
  const read = envReader(env);

  const host = read("ASSISTANT_HOST") ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:\-\[\]]+$/.test(host)) {
    problems.push(`ASSISTANT_HOST must be a host name or IP address (got "${host}")`);
  }
  const port = wholeNumber(read("ASSISTANT_PORT") ?? "8000", "ASSISTANT_PORT", {
    min: 0,
    max: 65535,
    problems,
  });

  const secret = read("RELAY_SECRET") ?? "";
  if (secret === "") {
    problems.push("RELAY_SECRET is required: the same key the bot signs relay requests with");
  }

  const modelUrlText = read("ASSISTANT_MODEL_URL") ?? null;
  const modelName = read("ASSISTANT_MODEL") ?? null;
  const modelUrl = modelUrlText === null
    ? null
    : httpUrl(modelUrlText, "ASSISTANT_MODEL_URL", { problems })?.replace(/\/+$/, "") ?? null;
  if (modelUrlText !== null && modelName === null) {
    problems.push("ASSISTANT_MODEL_URL is set but ASSISTANT_MODEL is not: name the model");
  }
  if (modelUrlText === null && modelName !== null) {
    problems.push("ASSISTANT_MODEL is set but ASSISTANT_MODEL_URL is not: set both, or neither");
  }
  const timeoutMs = wholeNumber(
    read("ASSISTANT_MODEL_TIMEOUT_MS") ?? "4000",
    "ASSISTANT_MODEL_TIMEOUT_MS",
    { min: 100, max: 600_000, problems },
  );

  const phrasesText = read("ASSISTANT_HANDOFF_PHRASES");
  const handoffPhrases = phrasesText === undefined
    ? [...DEFAULT_HANDOFF_PHRASES]
    : phrasesText.split(",").map((p) => p.trim().toLowerCase()).filter((p) => p !== "");
  if (phrasesText !== undefined && handoffPhrases.length === 0) {
    problems.push("ASSISTANT_HANDOFF_PHRASES must list at least one phrase, separated by commas");
  }

  const level = (read("LOG_LEVEL") ?? "info").toLowerCase();
  const logLevel = level === "warn" ? "warning" : level;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${level}")`);
  }
  const format = (read("LOG_FORMAT") ?? "text").toLowerCase();
  if (format !== "text" && format !== "json") {
    problems.push(`LOG_FORMAT must be text or json (got "${format}")`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      host,
      port,
      secret,
      model: modelUrl === null || modelName === null ? null : {
        url: modelUrl,
        model: modelName,
        apiKey: read("ASSISTANT_API_KEY") ?? null,
        timeoutMs,
      },
      prompt: read("ASSISTANT_PROMPT") ?? null,
      database: read("ASSISTANT_DATABASE") ?? "./data/assistant.db",
      docs: read("ASSISTANT_DOCS") ?? null,
      handoffPhrases,
      log: {
        level: logLevel as LogLevel,
        format: format as LogFormat,
        file: read("LOG_FILE") ?? null,
      },
    },
  };
}

/** The assistant's part of `--help`: its subcommand's variables with their defaults. */
export function assistantHelpText(): string {
  const width = Math.max(...ASSISTANT_VARIABLES.map((v) => v.name.length));
  return [
    "Assistant (ticketeer assistant) variables, besides LOG_LEVEL, LOG_FORMAT and LOG_FILE:",
    ...ASSISTANT_VARIABLES.map((v) =>
      `  ${v.name.padEnd(width)}  ${v.meaning} (default: ${v.default})`
    ),
    "",
  ].join("\n");
}
