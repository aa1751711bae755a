/**
 * What `ticketeer --help` prints: usage, subcommands and every environment
 * variable the bot reads, with its default and meaning.
 */

/** One environment variable as `--help` documents it. */
export interface VariableDoc {
  name: string;
  default: string;
  meaning: string;
}

/** Every variable ticketeer reads, with its default and meaning. */
export const VARIABLES: readonly VariableDoc[] = [
  { name: "DISCORD_TOKEN", default: "required", meaning: "bot token; never printed or logged" },
  {
    name: "DISCORD_APPLICATION_ID",
    default: "read from the token",
    meaning: "application id",
  },
  {
    name: "DATABASE_URL",
    default: "sqlite:./data/ticketeer.db",
    meaning: "sqlite:PATH, sqlite::memory:, postgres://\u2026, mysql://\u2026",
  },
  { name: "HTTP_HOST", default: "127.0.0.1", meaning: "address of the HTTP server" },
  {
    name: "HTTP_PORT",
    default: "8080",
    meaning: "port of the HTTP server (health, metrics, interactions); 0 disables it",
  },
  {
    name: "DISCORD_PUBLIC_KEY",
    default: "unset",
    meaning: "when set, POST /interactions accepts Discord HTTP interactions",
  },
  { name: "GATEWAY", default: "on", meaning: "off: HTTP interactions only, no gateway" },
  {
    name: "SERVER_MEMBERS_INTENT",
    default: "off",
    meaning:
      "on: ask for the privileged Server Members intent (turn it on in the developer portal), so a ticket closes at once when its opener leaves",
  },
  {
    name: "DISCORD_API_URL",
    default: "https://discord.com/api",
    meaning: "REST base URL (a REST proxy or a local Discord test double)",
  },
  {
    name: "COMMAND_GUILD_ID",
    default: "unset",
    meaning: "register slash commands in this guild only",
  },
  { name: "RELAY_URL", default: "unset", meaning: "assistant relay endpoint" },
  { name: "RELAY_SECRET", default: "unset", meaning: "HMAC-SHA256 key for relay requests" },
  { name: "RELAY_TIMEOUT_MS", default: "10000", meaning: "relay timeout per attempt" },
  {
    name: "ENCRYPTION_KEY",
    default: "unset",
    meaning: "32 bytes, hex or base64: encrypts ticket content at rest; never printed or logged",
  },
  {
    name: "ENCRYPTION_KEY_PREVIOUS",
    default: "unset",
    meaning: "the key ticketeer rekey moves away from; still read meanwhile",
  },
  { name: "LOG_LEVEL", default: "info", meaning: "debug, info, warning, error" },
  { name: "LOG_FORMAT", default: "text", meaning: "text or json" },
  { name: "LOG_FILE", default: "unset", meaning: "also log to this file, rotated by size" },
  {
    name: "SHARDS",
    default: "all shards",
    meaning: "FIRST-LAST/TOTAL (e.g. 0-3/8): the gateway shards this process runs",
  },
  {
    name: "DISCORD_API_PROXY",
    default: "off",
    meaning: "on: DISCORD_API_URL is a rate-limiting REST proxy that owns the rate limits",
  },
  {
    name: "DISCORD_API_PROXY_AUTH",
    default: "unset",
    meaning: "Authorization header the proxy expects (the bot token is then not sent to it)",
  },
  {
    name: "PUBLIC_URL",
    default: "unset",
    meaning: "public https:// (or http://) URL of the HTTP server; turns on the web pages",
  },
  {
    name: "DISCORD_CLIENT_SECRET",
    default: "unset",
    meaning: "OAuth2 client secret for signing in to the web pages (required with PUBLIC_URL)",
  },
  {
    name: "SESSION_SECRET",
    default: "unset",
    meaning: "at least 32 bytes; signs web sessions and share links (required with PUBLIC_URL)",
  },
];

/** The `--help` text: usage, subcommands and every variable with its default. */
export function helpText(version: string): string {
  const width = Math.max(...VARIABLES.map((v) => v.name.length));
  const lines = VARIABLES.map((v) =>
    `  ${v.name.padEnd(width)}  ${v.meaning} (default: ${v.default})`
  );
  return [
    `ticketeer ${version}: a self-hosted Discord support-ticket bot`,
    "",
    "Usage:",
    "  ticketeer [run]                 connect and serve tickets",
    "  ticketeer migrate               apply database migrations and exit",
    "  ticketeer check                 check config, database and token; list guild problems",
    "  ticketeer transcript <guild-id> <ticket-number> [--close N] [--list] [--notes]",
    "                                  [--out FILE] [--text]",
    "                                  write a stored transcript to a file (or stdout): the latest,",
    "                                  or that of the ticket's Nth close; --list lists them;",
    "                                  --notes writes its staff notes instead",
    "  ticketeer rekey                 re-encrypt stored content with ENCRYPTION_KEY (resumable)",
    "  ticketeer erase --guild ID --user ID",
    "                                  remove a member's words from archives and transcripts",
    "  ticketeer export --guild ID [--user ID] [--out FILE]",
    "                                  write a guild's data (or one member's) as JSON",
    "  ticketeer stats --guild ID [--days N] [--csv]",
    "                                  print a guild's statistics of the last N days (or their CSV)",
    "  ticketeer config export --guild ID [--out FILE]",
    "                                  write a guild's configuration file (YAML)",
    "  ticketeer config apply FILE [--dry-run]",
    "                                  print what a configuration file changes, then apply it",
    "  ticketeer health                ask a running ticketeer's /health (exit 0 when healthy)",
    "  ticketeer assistant             serve the relay's other end: answers from documents or a model",
    "  ticketeer --help | --version",
    "",
    "Environment variables:",
    ...lines,
    "",
  ].join("\n");
}
