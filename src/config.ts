/**
 * Configuration from environment variables. `parseConfig` is pure: it reads the
 * given record and returns either a typed `Config` or every problem found, so the
 * operator sees them all at once.
 */
import { type GuildId, isSnowflake } from "./core/ids.ts";
import { type DatabaseTarget, parseDatabaseUrl } from "./db/target.ts";
import { type EncryptionConfig, parseEncryption } from "./db/encryption/encryption_key.ts";
import { parseShardRange, type ShardRange } from "./discord/gateway/shard_range.ts";
import { envReader, httpUrl, wholeNumber } from "./lib/env_values.ts";

export type { ShardRange };

export type LogLevel = "debug" | "info" | "warning" | "error";
export type LogFormat = "text" | "json";

export interface Config {
  /** Bot token: a secret, never printed or logged. */
  discordToken: string;
  /** Application id; null means "read it from the token". */
  applicationId: string | null;
  database: DatabaseTarget;
  /** The HTTP server (health, metrics, interactions); null when `HTTP_PORT=0`. */
  http: { host: string; port: number } | null;
  /** Hex Ed25519 public key; enables `POST /interactions`. */
  publicKey: string | null;
  /** Connect to the gateway (`GATEWAY=on`) or serve HTTP interactions only. */
  gateway: boolean;
  /** REST base URL without a trailing slash and without `/v10`. */
  discordApiUrl: string;
  commandGuildId: GuildId | null;
  relay: { url: string; secret: string | null; timeoutMs: number } | null;
  log: { level: LogLevel; format: LogFormat; file: string | null };
  /** The gateway shards this process runs; null: all of them, as Discord recommends. */
  shards: ShardRange | null;
  /** `DISCORD_API_URL` is a rate-limiting REST proxy that owns the rate limits. */
  apiProxy: { authorization: string | null } | null;
  /** The web pages (`PUBLIC_URL`); null when they are off. */
  web: WebConfig | null;
  /**
   * `SERVER_MEMBERS_INTENT=on`: ask for the privileged Server Members intent, so an
   * opener who leaves closes their ticket at once (absent: off, found by lookups).
   */
  serverMembersIntent?: boolean;
  /** Encryption at rest (`ENCRYPTION_KEY`); absent: content is stored plain. Secrets. */
  encryption?: EncryptionConfig;
}

/** The key new values are sealed with, and the one `ticketeer rekey` moves away from. */
export type { EncryptionConfig };

/** What the web pages need: where they are reached, the OAuth2 secret and the cookie key. */
export interface WebConfig {
  /** `PUBLIC_URL` without a trailing slash. */
  publicUrl: string;
  /** `DISCORD_CLIENT_SECRET`: a secret, never printed or logged. */
  clientSecret: string;
  /** `SESSION_SECRET`: signs session cookies and share links; a secret. */
  sessionSecret: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warning", "error"];
const LOG_FORMATS: readonly LogFormat[] = ["text", "json"];
// A bot token is three base64url parts separated by dots; the first is the bot's id.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;

/** Reads every variable `--help` lists (`VARIABLES` in `cli/help_text.ts`) from `env` and validates it. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const problems: string[] = [];
  const read = envReader(env);

  const discordToken = read("DISCORD_TOKEN") ?? "";
  if (discordToken === "") {
    problems.push("DISCORD_TOKEN is required: the bot token from the Discord developer portal");
  } else if (!TOKEN_SHAPE.test(discordToken)) {
    problems.push(
      "DISCORD_TOKEN does not look like a bot token (three dot-separated parts); copy it again from the developer portal",
    );
  }

  const applicationId = read("DISCORD_APPLICATION_ID") ?? applicationIdFromToken(discordToken);
  if (applicationId !== null && !isSnowflake(applicationId)) {
    problems.push(`DISCORD_APPLICATION_ID must be a numeric id (got "${applicationId}")`);
  }

  const databaseText = read("DATABASE_URL") ?? "sqlite:./data/ticketeer.db";
  const parsedDatabase = parseDatabaseUrl(databaseText);
  let database: DatabaseTarget = { kind: "sqlite", path: ":memory:" };
  if ("problem" in parsedDatabase) problems.push(parsedDatabase.problem);
  else database = parsedDatabase;

  const host = read("HTTP_HOST") ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:\-\[\]]+$/.test(host)) {
    problems.push(`HTTP_HOST must be a host name or IP address (got "${host}")`);
  }
  const port = wholeNumber(read("HTTP_PORT") ?? "8080", "HTTP_PORT", {
    min: 0,
    max: 65535,
    problems,
  });

  const publicKey = read("DISCORD_PUBLIC_KEY") ?? null;
  if (publicKey !== null && !/^[0-9a-fA-F]{64}$/.test(publicKey)) {
    problems.push("DISCORD_PUBLIC_KEY must be the 64 hex characters shown in the developer portal");
  }

  const gatewayText = (read("GATEWAY") ?? "on").toLowerCase();
  let gateway = true;
  if (gatewayText === "off") gateway = false;
  else if (gatewayText !== "on") problems.push(`GATEWAY must be on or off (got "${gatewayText}")`);
  if (!gateway && publicKey === null) {
    problems.push(
      "GATEWAY=off needs DISCORD_PUBLIC_KEY: without the gateway, interactions arrive only over HTTP",
    );
  }
  if (!gateway && port === 0) {
    problems.push("GATEWAY=off needs the HTTP server: HTTP_PORT must not be 0");
  }
  if (publicKey !== null && port === 0) {
    problems.push("DISCORD_PUBLIC_KEY is set but HTTP_PORT=0 disables POST /interactions");
  }

  const apiText = read("DISCORD_API_URL") ?? "https://discord.com/api";
  const discordApiUrl = httpUrl(apiText, "DISCORD_API_URL", { problems })?.replace(/\/+$/, "") ??
    "https://discord.com/api";
  if (/\/v\d+$/.test(discordApiUrl)) {
    problems.push("DISCORD_API_URL must not end with a version (/v10 is added by the bot)");
  }

  const commandGuildText = read("COMMAND_GUILD_ID") ?? null;
  if (commandGuildText !== null && !isSnowflake(commandGuildText)) {
    problems.push(`COMMAND_GUILD_ID must be a numeric guild id (got "${commandGuildText}")`);
  }

  const relayText = read("RELAY_URL") ?? null;
  const relaySecret = read("RELAY_SECRET") ?? null;
  const relayTimeoutMs = wholeNumber(read("RELAY_TIMEOUT_MS") ?? "10000", "RELAY_TIMEOUT_MS", {
    min: 100,
    max: 120_000,
    problems,
  });
  const relayUrl = relayText === null ? null : httpUrl(relayText, "RELAY_URL", { problems });
  if (relayText === null && relaySecret !== null) {
    problems.push("RELAY_SECRET is set but RELAY_URL is not: set both, or neither");
  }

  const level = (read("LOG_LEVEL") ?? "info").toLowerCase();
  const logLevel = level === "warn" ? "warning" : level;
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${level}")`);
  }
  const format = (read("LOG_FORMAT") ?? "text").toLowerCase();
  if (!LOG_FORMATS.includes(format as LogFormat)) {
    problems.push(`LOG_FORMAT must be text or json (got "${format}")`);
  }

  const shardsText = read("SHARDS") ?? null;
  const shards = shardsText === null ? null : parseShardRange(shardsText, problems);
  if (shards !== null && !gateway) {
    problems.push("SHARDS is set but GATEWAY=off: a process without the gateway runs no shards");
  }

  const proxyText = (read("DISCORD_API_PROXY") ?? "off").toLowerCase();
  if (proxyText !== "on" && proxyText !== "off") {
    problems.push(`DISCORD_API_PROXY must be on or off (got "${proxyText}")`);
  }
  const proxyAuth = read("DISCORD_API_PROXY_AUTH") ?? null;
  if (proxyAuth !== null && proxyText !== "on") {
    problems.push("DISCORD_API_PROXY_AUTH is set but DISCORD_API_PROXY is not on");
  }
  if (proxyText === "on" && apiText === "https://discord.com/api") {
    problems.push(
      "DISCORD_API_PROXY=on needs DISCORD_API_URL to name the proxy, not Discord itself",
    );
  }

  const membersText = (read("SERVER_MEMBERS_INTENT") ?? "off").toLowerCase();
  if (membersText !== "on" && membersText !== "off") {
    problems.push(`SERVER_MEMBERS_INTENT must be on or off (got "${membersText}")`);
  }

  const web = parseWebConfig(read, port, problems);
  const encryption = parseEncryption(read, problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      discordToken,
      applicationId,
      database,
      http: port === 0 ? null : { host, port },
      publicKey: publicKey?.toLowerCase() ?? null,
      gateway,
      discordApiUrl,
      commandGuildId: commandGuildText as GuildId | null,
      relay: relayUrl === null
        ? null
        : { url: relayUrl, secret: relaySecret, timeoutMs: relayTimeoutMs },
      log: {
        level: logLevel as LogLevel,
        format: format as LogFormat,
        file: read("LOG_FILE") ?? null,
      },
      shards,
      apiProxy: proxyText === "on" ? { authorization: proxyAuth } : null,
      web,
      ...(membersText === "on" ? { serverMembersIntent: true } : {}),
      ...(encryption === null ? {} : { encryption }),
    },
  };
}

/** The shortest `SESSION_SECRET` accepted, in bytes. */
const MIN_SESSION_SECRET_BYTES = 32;

function parseWebConfig(
  read: (name: string) => string | undefined,
  port: number,
  problems: string[],
): WebConfig | null {
  const publicText = read("PUBLIC_URL") ?? null;
  const clientSecret = read("DISCORD_CLIENT_SECRET") ?? null;
  const sessionSecret = read("SESSION_SECRET") ?? null;
  if (publicText === null) {
    if (clientSecret !== null || sessionSecret !== null) {
      problems.push(
        "DISCORD_CLIENT_SECRET and SESSION_SECRET are only used with PUBLIC_URL: set PUBLIC_URL too, or unset them",
      );
    }
    return null;
  }
  const publicUrl = httpUrl(publicText, "PUBLIC_URL", { problems })?.replace(/\/+$/, "") ?? null;
  if (publicUrl !== null && /[?#]/.test(publicUrl)) {
    problems.push(`PUBLIC_URL must not have a query or fragment (got "${publicText}")`);
  }
  if (clientSecret === null) {
    problems.push(
      "PUBLIC_URL needs DISCORD_CLIENT_SECRET: the OAuth2 client secret from the developer portal (OAuth2 page)",
    );
  }
  if (sessionSecret === null) {
    problems.push(
      `PUBLIC_URL needs SESSION_SECRET: at least ${MIN_SESSION_SECRET_BYTES} random bytes, e.g. from openssl rand -hex 32`,
    );
  } else if (new TextEncoder().encode(sessionSecret).byteLength < MIN_SESSION_SECRET_BYTES) {
    problems.push(
      `SESSION_SECRET must be at least ${MIN_SESSION_SECRET_BYTES} bytes long (e.g. openssl rand -hex 32)`,
    );
  }
  if (port === 0) {
    problems.push("PUBLIC_URL is set but HTTP_PORT=0 disables the HTTP server the pages need");
  }
  if (publicUrl === null || clientSecret === null || sessionSecret === null) return null;
  return { publicUrl, clientSecret, sessionSecret };
}

/** The bot's id, which the first part of its token encodes in base64; null when unreadable. */
export function applicationIdFromToken(token: string): string | null {
  const first = token.split(".")[0] ?? "";
  try {
    const decoded = atob(first.replace(/-/g, "+").replace(/_/g, "/"));
    return isSnowflake(decoded) ? decoded : null;
  } catch {
    return null;
  }
}
